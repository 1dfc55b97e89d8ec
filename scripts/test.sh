#!/usr/bin/env bash
# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# Run every test: the checks without Odoo (tests/, linters included), then,
# when Odoo 18 is importable, the install matrix (see README.md, "Tests").
# Prints one closing line "N passed, N failed[, N skipped]".
#
# SYMETRIE_MATRIX=quick runs only the first cell (all four add-ons, every
# suite of ours, English database) for a faster round while developing.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

WORK_DIR="${SYMETRIE_TEST_DIR:-$REPO_ROOT/var/test}"
MATRIX="${SYMETRIE_MATRIX:-full}"
mkdir -p "$WORK_DIR"
passed=0
failed=0
skipped=0
problems=()
cells=()
run_id="$(date +%Y%m%d%H%M%S)_$$"
databases=()

cleanup() {
    for db in "${databases[@]}"; do
        dropdb -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" --if-exists "$db" >/dev/null 2>&1
    done
}
trap cleanup EXIT

count() {  # count PASSED FAILED SKIPPED
    passed=$((passed + $1))
    failed=$((failed + $2))
    skipped=$((skipped + $3))
}

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

# "TOTAL FAILED SKIPPED" of a JUnit XML file (pytest's).
junit_counts() {
    "$LINT_VENV/bin/python" - "$1" <<'PY'
import sys
from xml.etree import ElementTree
root = ElementTree.parse(sys.argv[1]).getroot()
suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
get = lambda k: sum(int(s.get(k, 0)) for s in suites)
print(get("tests"), get("failures") + get("errors"), get("skipped"))
PY
}

ODOO_ADDONS_PATH=""
if odoo_importable; then
    ODOO_ADDONS_PATH="$(odoo_addons_path)"
fi
say "static checks (manifests, XML, access, translations, pylint-odoo, OCA hooks)"
ODOO_ADDONS_PATH="$ODOO_ADDONS_PATH" "$LINT_VENV/bin/python" -m pytest "$REPO_ROOT/tests" \
    -q -p no:cacheprovider --junitxml="$WORK_DIR/static.xml"
static_rc=$?
read -r s_total s_fail s_skip < <(junit_counts "$WORK_DIR/static.xml") ||
    { s_total=0; s_fail=1; s_skip=0; }
count $((s_total - s_fail - s_skip)) "$s_fail" "$s_skip"
cells+=("static checks: $((s_total - s_fail - s_skip)) passed, $s_fail failed")
if [ "$static_rc" -ne 0 ] && [ "$s_fail" -eq 0 ]; then
    count 0 1 0
    problems+=("pytest on tests/ exited with $static_rc")
fi

# --- 2. the install matrix -------------------------------------------------
ADDONS_RE="${PROJECT_ADDONS//,/|}"

# Problems of an Odoo log: ERROR lines (all of them, or only our add-ons'
# with "ours"), and WARNING lines from our add-ons.
check_log() {  # check_log CELL LOG [ours]
    local cell="$1" log="$2" scope="${3:-all}" errors warnings
    errors="$(grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log")"
    if [ "$scope" = ours ]; then
        errors="$(grep -E "odoo\.addons\.($ADDONS_RE)[. ]" <<<"$errors")"
    fi
    # (the database field is left out: a cell's database is named after an add-on)
    warnings="$(grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ WARNING ' "$log" |
        sed -E 's/^(\S+ \S+ \S+ WARNING) \S+ /\1 /' | grep -E "$ADDONS_RE")"
    if [ -n "$errors" ]; then
        problems+=("$cell: the Odoo log has ERROR lines:" "$errors")
    fi
    if [ -n "$warnings" ]; then
        problems+=("$cell: the Odoo log has WARNING lines from the project's add-ons:" "$warnings")
    fi
}

# Counts of Odoo's own test runner in a log: "TOTAL FAILED SKIPPED".
odoo_log_counts() {
    local line
    line="$(grep -E 'odoo\.tests\.result: [0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests' "$1" | tail -n 1)"
    [ -n "$line" ] || return 1
    read -r o_fail o_err o_total < <(sed -E 's/.*: ([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\1 \2 \3/' <<<"$line")
    echo "$o_total $((o_fail + o_err)) $(grep -cE ' INFO .*odoo\.addons\..* skipped .* : ' "$1")"
}

# Names a fresh database in NEW_DB and registers it for the cleanup (not in a
# $(...) subshell, which would lose the registration).
new_db() {
    NEW_DB="symetrie_t_${1}_$run_id"
    databases+=("$NEW_DB")
}

free_port() {
    "$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
# One HTTP port for every cell: a database keeps the web.base.url of the
# server that installed it, and Odoo's tests compare it with their own port.
HTTP_PORT=""

# One cell: a fresh database, Odoo installs ADDONS and runs the TAGS suites
# (none: install only). Extra Odoo options follow. Counts join the total.
odoo_cell() {  # odoo_cell NAME DB ADDONS TAGS [odoo options...]
    local name="$1" db="$2" addons="$3" tags="$4"
    shift 4
    local log="$WORK_DIR/$name.log" start rc
    rm -f "$log"
    start=$(date +%s)
    local test_args=()
    [ -n "$tags" ] && test_args=(--test-enable --test-tags="$tags")
    run_odoo -d "$db" -i "$addons" "${test_args[@]}" --stop-after-init \
        --http-port="$HTTP_PORT" --gevent-port=0 --max-cron-threads=0 \
        --screenshots="$WORK_DIR/screenshots" --log-level=info --logfile="$log" "$@"
    rc=$?
    cell_report "$name" "$log" "$rc" "$start" "$tags"
}

cell_report() {  # cell_report NAME LOG RC START TAGS
    local name="$1" log="$2" rc="$3" start="$4" tags="$5" p=0 f=0 s=0
    if [ -n "$tags" ]; then
        if read -r total f s < <(odoo_log_counts "$log"); then
            p=$((total - f - s))
            [ "$total" -eq 0 ] && { f=$((f + 1)); problems+=("$name: Odoo ran no test"); }
        else
            f=1
            problems+=("$name: Odoo printed no test result (install failed?), see $log")
        fi
    elif ! grep -qE 'odoo\.modules\.loading: Modules loaded\.' "$log"; then
        f=1
        problems+=("$name: the install did not finish, see $log")
    fi
    [ "$rc" -eq 0 ] || problems+=("$name: Odoo exited with $rc, see $log")
    check_log "$name" "$log"
    count "$p" "$f" "$s"
    cells+=("$name: $p passed, $f failed, $s skipped, $(( $(date +%s) - start )) s")
    say "cell $name: $p passed, $f failed, $s skipped in $(( $(date +%s) - start )) s"
}

# One check's result: counted, listed among the cells, its problem reported.
check_result() {  # check_result NAME PASSED(0|1) PROBLEM [DETAIL]
    local name="$1" ok="$2" problem="$3" detail="${4:+, $4}"
    if [ "$ok" = 1 ]; then
        count 1 0 0
        cells+=("$name: 1 passed$detail")
        say "check $name: passed"
    else
        count 0 1 0
        problems+=("$name: $problem")
        cells+=("$name: 1 failed$detail")
    fi
}

# The container's start (docker/start.sh) against a real database: the options
# it would give Odoo, read through ODOO_ENTRYPOINT=echo. One check.
docker_start_check() {  # docker_start_check NAME DB EXPECTED
    local name="$1" db="$2" expected="$3" got
    got="$(ODOO_ENTRYPOINT=echo HOST="$DB_HOST" PORT="$DB_PORT" USER="$DB_USER" \
        PASSWORD="${PGPASSWORD:-odoo}" SYMETRIE_DB="$db" SYMETRIE_DB_WAIT=5 \
        bash "$REPO_ROOT/docker/start.sh" 2>/dev/null)"
    check_result "$name" "$([ "$got" = "$expected" ] && echo 1 || echo 0)" \
        "docker/start.sh gave '$got', expected '$expected'"
}

# Uninstalling the project's add-ons from DB leaves nothing of theirs: tables,
# columns, indexes, models, fields, records (scripts/uninstall_check.py, in
# Odoo's shell). One check.
uninstall_check() {  # uninstall_check NAME DB
    local name="$1" db="$2" got start
    start=$(date +%s)
    got="$(SYMETRIE_ADDONS="$PROJECT_ADDONS" run_odoo shell -d "$db" --no-http \
        --max-cron-threads=0 <"$REPO_ROOT/scripts/uninstall_check.py" 2>"$WORK_DIR/$name.log" |
        grep '^UNINSTALL_CHECK' || true)"
    check_result "$name" "$([ "$got" = "UNINSTALL_CHECK OK" ] && echo 1 || echo 0)" \
        "${got:-no result, see $WORK_DIR/$name.log}" "$(( $(date +%s) - start )) s"
}

# Odoo's own suites of the modules we extend, on the database with ours:
# every test passes except those that also fail on a vanilla database
# (tests/odoo_known_failures.txt, with the reason).
odoo_suites_cell() {  # odoo_suites_cell NAME DB
    local name="$1" db="$2" log="$WORK_DIR/$1.log" start rc
    local tags="/purchase,/sale,/survey,/project"
    rm -f "$log"
    start=$(date +%s)
    run_odoo -d "$db" --test-enable --test-tags="$tags" --stop-after-init \
        --http-port="$HTTP_PORT" --gevent-port=0 --max-cron-threads=0 \
        --log-level=info --logfile="$log"
    rc=$?
    local total f s known unexpected
    if ! read -r total f s < <(odoo_log_counts "$log"); then
        count 0 1 0
        problems+=("$name: Odoo printed no test result, see $log")
        return
    fi
    # Failed tests by name, against the known list.
    read -r known unexpected < <("$PYTHON" - "$log" "$REPO_ROOT/tests/odoo_known_failures.txt" <<'PY'
import re, sys
log, known_file = sys.argv[1:3]
known = {l.split("#")[0].strip() for l in open(known_file, encoding="utf-8")} - {""}
# "odoo.addons.M.tests.x: FAIL: [Subtest ]Class.method" and
# "odoo.tests.suite: ERROR: setUpClass (odoo.addons.M.tests.x.Class)"
test_line = re.compile(r" (?:ERROR|CRITICAL) \S+ odoo\.addons\.(\w+)\.\S+: (?:FAIL|ERROR): (?:Subtest )?(\w+)\.(\w+)")
class_line = re.compile(r" (?:ERROR|CRITICAL) \S+ odoo\.tests\.suite: ERROR: setUpClass \(odoo\.addons\.(\w+)\.\S*\.(\w+)\)")
known_n = unexpected = 0
lines = []
for line in open(log, encoding="utf-8", errors="replace"):
    m = test_line.search(line)
    key = m and f"{m.group(1)}:{m.group(2)}.{m.group(3)}"
    if not m:
        m = class_line.search(line)
        key = m and f"{m.group(1)}:{m.group(2)}.setUpClass"
    if not key:
        continue
    if key in known:
        known_n += 1
    else:
        unexpected += 1
        lines.append(key)
with open(log + ".unexpected", "w", encoding="utf-8") as out:
    out.write("\n".join(lines))
print(known_n, unexpected)
PY
)
    if [ "$unexpected" -gt 0 ] || [ "$f" -gt "$known" ]; then
        problems+=("$name: Odoo's own tests fail with our add-ons installed (not in tests/odoo_known_failures.txt):"
            "$(cat "$log.unexpected")")
    fi
    [ "$rc" -eq 0 ] || [ "$f" -gt 0 ] || problems+=("$name: Odoo exited with $rc")
    check_log "$name" "$log" ours
    # A known vanilla failure counts as skipped, any other failure as failed.
    local other=$((f - known))
    [ "$other" -lt "$unexpected" ] && other="$unexpected"
    count $((total - f - s)) "$other" $((s + known))
    cells+=("$name: $((total - f - s)) passed, $other failed, $((s + known)) skipped ($known known to fail on vanilla Odoo), $(( $(date +%s) - start )) s")
    say "cell $name: $((total - f - s)) passed, $other failed, $known known vanilla failures, $s skipped in $(( $(date +%s) - start )) s"
}

# symetrie_orders alone through pytest-odoo (HttpCase included).
pytest_odoo_cell() {  # pytest_odoo_cell NAME ADDON [odoo install options...]
    local name="$1" addon="$2" db start conf="$WORK_DIR/$1.conf"
    shift 2
    new_db "${addon}_pytest"
    db="$NEW_DB"
    start=$(date +%s)
    if ! (cd / && "$PYTHON" -c "import pytest_odoo" 2>/dev/null); then
        say "installing pytest-odoo into $PYTHON"
        "$PYTHON" -m pip install --quiet --disable-pip-version-check pytest-odoo
    fi
    run_odoo -d "$db" -i "$addon" --stop-after-init --gevent-port=0 \
        --max-cron-threads=0 --log-level=warn --logfile="$WORK_DIR/$name-install.log" "$@"
    cat >"$conf" <<CONF
[options]
addons_path = $(full_addons_path)
db_host = $DB_HOST
db_port = $DB_PORT
db_user = $DB_USER
http_port = $HTTP_PORT
gevent_port = 0
max_cron_threads = 0
screenshots = $WORK_DIR/screenshots
CONF
    (cd "$REPO_ROOT" && "$PYTHON" -m pytest -q -p no:cacheprovider \
        --odoo-database="$db" --odoo-config="$conf" --odoo-http \
        --junitxml="$WORK_DIR/$name.xml" "addons/$addon/tests" >"$WORK_DIR/$name.out" 2>&1)
    local rc=$? total f s
    tail -n 3 "$WORK_DIR/$name.out"
    if read -r total f s < <(junit_counts "$WORK_DIR/$name.xml" 2>/dev/null); then
        count $((total - f - s)) "$f" "$s"
        [ "$total" -eq 0 ] && { count 0 1 0; problems+=("$name: pytest ran no test"); }
        [ "$rc" -eq 0 ] || [ "$f" -gt 0 ] || problems+=("$name: pytest exited with $rc")
    else
        total=0; f=1; s=0
        count 0 1 0
        problems+=("$name: pytest-odoo gave no result, see $WORK_DIR/$name.out")
    fi
    check_log "$name" "$WORK_DIR/$name-install.log"
    cells+=("$name: $((total - f - s)) passed, $f failed, $s skipped, $(( $(date +%s) - start )) s")
    say "cell $name: $((total - f - s)) passed, $f failed, $s skipped in $(( $(date +%s) - start )) s"
}

if ! odoo_importable; then
    say "Odoo 18 is not importable (python3 -c 'import odoo' fails): the Odoo test suites were NOT run; only the static checks above ran."
else
    say "Odoo: $PYTHON $(odoo_entry_point)"
    if ! (cd / && "$PYTHON" -c "import websocket" 2>/dev/null); then
        say "installing websocket-client (HttpCase tours need it)"
        "$PYTHON" -m pip install --quiet websocket-client
    fi
    if ! command -v chromium >/dev/null 2>&1 && ! command -v google-chrome >/dev/null 2>&1; then
        say "WARNING: no chromium found (Debian: apt-get install chromium): HttpCase tours will be skipped"
    fi
    ensure_postgresql || exit 1
    HTTP_PORT="$(free_port)"
    matrix_start=$(date +%s)
    TAGS="$(printf '/%s,' ${PROJECT_ADDONS//,/ })"
    TAGS="${TAGS%,}"

    say "cell all-en: the four add-ons with demo data on an English database, every suite"
    new_db all_en
    db_all="$NEW_DB"
    odoo_cell all-en "$db_all" "$PROJECT_ADDONS" "$TAGS"

    if [ "$MATRIX" = full ]; then
        say "cell odoo-suites: Odoo's purchase, sale, survey and project suites with ours installed"
        odoo_suites_cell odoo-suites "$db_all"

        for addon in mq_label symetrie_evaluation client_portal; do
            say "cell $addon-alone-fr: $addon alone with demo data on a French database, its suite"
            new_db "${addon}_fr"
            odoo_cell "$addon-alone-fr" "$NEW_DB" "$addon" "/$addon" \
                --load-language=fr_FR
            if [ "$addon" = mq_label ]; then
                # One add-on installed: the container would install the other three.
                docker_start_check docker-partial-start "$NEW_DB" \
                    "odoo -d $NEW_DB -i symetrie_orders,symetrie_evaluation,client_portal --load-language=fr_FR"
            fi
        done

        say "cell symetrie_orders-alone-fr-pytest: symetrie_orders alone on a French database, its suite through pytest-odoo"
        pytest_odoo_cell symetrie_orders-alone-fr-pytest symetrie_orders --load-language=fr_FR

        say "cell all-nodemo: the four add-ons without demo data, install only"
        new_db all_nodemo
        docker_start_check docker-first-start "$NEW_DB" \
            "odoo -d $NEW_DB -i symetrie_orders,symetrie_evaluation,mq_label,client_portal --load-language=fr_FR"
        odoo_cell all-nodemo "$NEW_DB" "$PROJECT_ADDONS" "" --without-demo=all
        # Installed: a restart installs nothing again (no "-i" resetting the data).
        docker_start_check docker-restart "$NEW_DB" "odoo -d $NEW_DB"
        uninstall_check all-uninstall "$NEW_DB"
    fi
    say "the Odoo matrix took $(( $(date +%s) - matrix_start )) s"
fi

say "summary by cell:"
for cell in "${cells[@]}"; do
    say "  $cell"
done
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
