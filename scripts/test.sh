#!/usr/bin/env bash
# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# Run every test: the checks without Odoo (tests/, linters included), then,
# when Odoo 18 is importable, every add-on's Odoo suite on a fresh database
# with demo data. Prints one closing line "N passed, N failed[, N skipped]".
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

WORK_DIR="${SYMETRIE_TEST_DIR:-$REPO_ROOT/var/test}"
mkdir -p "$WORK_DIR"
passed=0
failed=0
skipped=0
problems=()

# --- 1. checks without Odoo ------------------------------------------------
LINT_VENV="$CACHE_DIR/lint-venv"
REQS="$REPO_ROOT/tests/requirements.txt"
if [ ! -x "$LINT_VENV/bin/python" ] || ! cmp -s "$REQS" "$LINT_VENV/.requirements"; then
    say "installing the linters and pytest in $LINT_VENV"
    rm -rf "$LINT_VENV"
    python3 -m venv "$LINT_VENV" &&
        "$LINT_VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQS" \
            >"$WORK_DIR/pip-lint.log" 2>&1 &&
        cp "$REQS" "$LINT_VENV/.requirements" ||
        { say "could not install the linters"; exit 1; }
fi

ODOO_ADDONS_PATH=""
if odoo_importable; then
    ODOO_ADDONS_PATH="$(odoo_addons_path)"
fi
say "static checks (manifests, XML, access, translations, pylint-odoo, OCA hooks)"
ODOO_ADDONS_PATH="$ODOO_ADDONS_PATH" "$LINT_VENV/bin/python" -m pytest "$REPO_ROOT/tests" \
    -q -p no:cacheprovider --junitxml="$WORK_DIR/static.xml"
static_rc=$?
read -r s_total s_fail s_skip < <("$LINT_VENV/bin/python" - "$WORK_DIR/static.xml" <<'PY'
import sys
from xml.etree import ElementTree
root = ElementTree.parse(sys.argv[1]).getroot()
suite = root if root.tag == "testsuite" else root.find("testsuite")
get = lambda k: int(suite.get(k, 0))
print(get("tests"), get("failures") + get("errors"), get("skipped"))
PY
) || { s_total=0; s_fail=1; s_skip=0; }
passed=$((passed + s_total - s_fail - s_skip))
failed=$((failed + s_fail))
skipped=$((skipped + s_skip))
if [ "$static_rc" -ne 0 ] && [ "$s_fail" -eq 0 ]; then
    failed=$((failed + 1))
    problems+=("pytest on tests/ exited with $static_rc")
fi

# --- 2. Odoo suites ----------------------------------------------------------
if ! odoo_importable; then
    say "Odoo 18 is not importable (python3 -c 'import odoo' fails): the Odoo test suites were NOT run; only the static checks above ran."
else
    if ! (cd / && "$PYTHON" -c "import websocket" 2>/dev/null); then
        say "installing websocket-client (HttpCase tours need it)"
        "$PYTHON" -m pip install --quiet websocket-client
    fi
    if ! command -v chromium >/dev/null 2>&1 && ! command -v google-chrome >/dev/null 2>&1; then
        say "WARNING: no chromium found (Debian: apt-get install chromium): HttpCase tours will be skipped"
    fi
    ensure_postgresql || exit 1
    DB="symetrie_test_$(date +%Y%m%d%H%M%S)_$$"
    LOG="$WORK_DIR/odoo-tests.log"
    PORT="$("$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    TAGS="$(printf '/%s,' ${PROJECT_ADDONS//,/ })"
    say "Odoo suites: installing the add-ons with demo data in a fresh database $DB and running their tests (log: $LOG)"
    rm -f "$LOG"
    start=$(date +%s)
    run_odoo -d "$DB" -i "$PROJECT_ADDONS" --load-language=fr_FR \
        --test-enable --test-tags="${TAGS%,}" --stop-after-init \
        --http-port="$PORT" --gevent-port=0 --max-cron-threads=0 \
        --screenshots="$WORK_DIR/screenshots" --log-level=info --logfile="$LOG"
    odoo_rc=$?
    say "Odoo run took $(( $(date +%s) - start )) s (exit $odoo_rc)"
    dropdb -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" --if-exists "$DB" >/dev/null 2>&1

    result_line="$(grep -E 'odoo\.tests\.result: [0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests' "$LOG" | tail -n 1)"
    if [ -z "$result_line" ]; then
        failed=$((failed + 1))
        problems+=("Odoo printed no test result (install failed?)")
    else
        read -r o_fail o_err o_total < <(sed -E 's/.*: ([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\1 \2 \3/' <<<"$result_line")
        o_skip="$(grep -cE 'INFO .* skipped .* : ' "$LOG")"
        passed=$((passed + o_total - o_fail - o_err - o_skip))
        failed=$((failed + o_fail + o_err))
        skipped=$((skipped + o_skip))
        if [ "$o_total" -eq 0 ]; then
            failed=$((failed + 1))
            problems+=("Odoo ran no test")
        fi
    fi
    [ "$odoo_rc" -eq 0 ] || problems+=("Odoo exited with $odoo_rc")
    addons_re="${PROJECT_ADDONS//,/|}"
    errors="$(grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$LOG")"
    warnings="$(grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ WARNING ' "$LOG" | grep -E "$addons_re")"
    if [ -n "$errors" ]; then
        problems+=("the Odoo log has ERROR lines:")
        problems+=("$errors")
    fi
    if [ -n "$warnings" ]; then
        problems+=("the Odoo log has WARNING lines from the project's add-ons:")
        problems+=("$warnings")
    fi
    grep -E 'odoo\.tests\.stats: ' "$LOG" | sed 's/^.*odoo.tests.stats: /[symetrie]   /'
fi

for problem in "${problems[@]}"; do
    say "PROBLEM: $problem"
done
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
if [ "$failed" -gt 0 ] || [ "${#problems[@]}" -gt 0 ]; then
    exit 1
fi
exit 0
