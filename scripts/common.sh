#!/usr/bin/env bash
# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# Shared by run.sh, test.sh and update_i18n.sh: where things are, which Odoo,
# installing Odoo 18 when there is none, PostgreSQL.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROJECT_ADDONS="client_portal,mq_label,symetrie_evaluation,symetrie_orders"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/symetrie"
# Odoo installed by run.sh lives in this virtualenv (ignored by git).
VENV_DIR="${SYMETRIE_VENV:-$REPO_ROOT/.venv}"
ODOO_BRANCH="18.0"
ODOO_GIT_URL="${ODOO_GIT_URL:-https://github.com/odoo/odoo.git}"
DB_HOST="${PGHOST:-127.0.0.1}"
DB_PORT="${PGPORT:-5432}"
DB_USER="${PGUSER:-$(id -un)}"
# Debian packages that Odoo 18's pinned requirements need to build, and
# wkhtmltopdf, which prints its PDF reports (the work order, the intervention report).
ODOO_BUILD_DEBS="git build-essential python3-dev python3-venv libldap2-dev libsasl2-dev
libjpeg-dev zlib1g-dev libxml2-dev libxslt1-dev libpq-dev postgresql wkhtmltopdf"

say() { printf '[symetrie] %s\n' "$*"; }

imports_odoo_18() {
    (cd / && "$1" -c "import odoo.release as r, sys; sys.exit(r.version_info[0] != 18)" \
        >/dev/null 2>&1)
}

# The Python that runs Odoo: $PYTHON when given, else the project's virtualenv
# when it has Odoo 18, else python3 when it imports Odoo 18.
choose_python() {
    if [ -n "${PYTHON:-}" ]; then
        return 0
    fi
    if [ -x "$VENV_DIR/bin/python" ] && imports_odoo_18 "$VENV_DIR/bin/python"; then
        PYTHON="$VENV_DIR/bin/python"
    else
        PYTHON="python3"
    fi
}
choose_python

odoo_importable() {
    imports_odoo_18 "$PYTHON"
}

# Odoo's own add-ons directories: odoo/addons (base) and, in a source
# checkout, the addons/ folder beside the odoo package.
odoo_addons_path() {
    (cd / && "$PYTHON" - <<'PY'
import os
import odoo
package = os.path.dirname(odoo.__file__)
dirs = [os.path.join(package, "addons"), os.path.join(os.path.dirname(package), "addons")]
print(",".join(d for d in dirs if os.path.isdir(d)))
PY
)
}

full_addons_path() {
    printf '%s,%s' "$(odoo_addons_path)" "$REPO_ROOT/addons"
}

# Odoo's entry point: odoo-bin in a source checkout, else the `odoo` script
# that pip installs. Not `python -m odoo`: with --workers, Odoo re-executes
# its entry point for the websocket (gevent) process, and that fails from a
# module run with -m ("attempted relative import").
odoo_entry_point() {
    (cd / && "$PYTHON" - <<'PY'
import os, shutil, sys
import odoo
source = os.path.dirname(os.path.dirname(odoo.__file__))
candidates = [
    os.path.join(source, "odoo-bin"),
    os.path.join(os.path.dirname(sys.executable), "odoo"),
    shutil.which("odoo") or "",
]
print(next((c for c in candidates if c and os.path.isfile(c)), ""))
PY
)
}

# run_odoo [shell] OPTIONS...: Odoo with the project's configuration; a
# subcommand (shell) must come before the options.
run_odoo() {
    local entry command=()
    entry="$(odoo_entry_point)"
    if [ -z "$entry" ]; then
        say "cannot find Odoo's odoo-bin (or the odoo script) for $PYTHON"
        return 2
    fi
    if [ "${1:-}" = shell ]; then
        command=(shell)
        shift
    fi
    (cd "$REPO_ROOT" && "$PYTHON" "$entry" "${command[@]}" -c "$REPO_ROOT/odoo.conf" \
        --addons-path="$(full_addons_path)" \
        --db_host="$DB_HOST" --db_port="$DB_PORT" --db_user="$DB_USER" "$@")
}

# Debian packages for building Odoo's requirements: installed when we are
# root with apt-get, else the one command to run is printed.
ensure_build_packages() {
    command -v dpkg-query >/dev/null 2>&1 || return 0
    local missing=()
    for deb in $ODOO_BUILD_DEBS; do
        dpkg-query -W -f='${Status}' "$deb" 2>/dev/null | grep -q "ok installed" ||
            missing+=("$deb")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing Debian packages Odoo needs: ${missing[*]}"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            "${missing[@]}" >/dev/null
    else
        say "Odoo's requirements need these Debian packages; install them with:"
        say "  sudo apt-get install -y ${missing[*]}"
        return 1
    fi
}

# Odoo 18.0's source: $ODOO_SRC when given, else a shallow clone of the
# official repository into var/odoo (ignored by git).
odoo_source() {
    local src="${ODOO_SRC:-$REPO_ROOT/var/odoo}"
    if [ -z "${ODOO_SRC:-}" ] && [ ! -f "$src/odoo-bin" ]; then
        say "cloning Odoo $ODOO_BRANCH from $ODOO_GIT_URL into $src (shallow, once)" >&2
        mkdir -p "$(dirname "$src")"
        git clone --quiet --depth 1 --branch "$ODOO_BRANCH" "$ODOO_GIT_URL" "$src" >&2 ||
            return 1
    fi
    if [ ! -f "$src/odoo-bin" ] || [ ! -f "$src/odoo/release.py" ]; then
        say "$src is not an Odoo source checkout (no odoo-bin)" >&2
        return 1
    fi
    if ! grep -qE "^version_info = \(18, 0," "$src/odoo/release.py"; then
        say "$src is not Odoo 18.0 (odoo/release.py)" >&2
        return 1
    fi
    (cd "$src" && pwd)
}

# Install Odoo 18 into the project's virtualenv when no Odoo 18 is found.
ensure_odoo() {
    odoo_importable && return 0
    say "Odoo 18.0 is not importable by $PYTHON: installing it into $VENV_DIR"
    ensure_build_packages || return 1
    local src
    src="$(odoo_source)" || return 1
    local base_python="${SYMETRIE_BASE_PYTHON:-python3}"
    if [ ! -x "$VENV_DIR/bin/python" ]; then
        "$base_python" -m venv "$VENV_DIR" || return 1
    fi
    # cbor2 5.4.2 (pinned by Odoo for Python 3.11) does not build with a
    # setuptools from 70 on: constrain the build environments.
    printf 'setuptools<70\n' >"$VENV_DIR/build-constraints.txt"
    say "installing Odoo's requirements from $src/requirements.txt (a few minutes, once)"
    PIP_CONSTRAINT="$VENV_DIR/build-constraints.txt" "$VENV_DIR/bin/pip" install \
        --quiet --disable-pip-version-check -r "$src/requirements.txt" &&
        "$VENV_DIR/bin/pip" install --quiet --disable-pip-version-check -e "$src" &&
        # At run time, gevent loads its plugins through pkg_resources, whose
        # setuptools 65 (the venv's) cannot find zope.interface 8 by its
        # normalized name: the websocket process would die with --workers.
        "$VENV_DIR/bin/pip" install --quiet --disable-pip-version-check \
            "setuptools>=70,<80" ||
        { say "installing Odoo's requirements failed"; return 1; }
    PYTHON="$VENV_DIR/bin/python"
    odoo_importable || { say "Odoo is still not importable by $PYTHON"; return 1; }
    say "Odoo $ODOO_BRANCH installed in $VENV_DIR from $src"
}

# The add-ons' own Python requirements (requirements.txt), into Odoo's Python.
ensure_project_requirements() {
    if grep -qvE '^\s*(#|$)' "$REPO_ROOT/requirements.txt"; then
        say "installing the add-ons' Python requirements"
        "$PYTHON" -m pip install --quiet --disable-pip-version-check \
            -r "$REPO_ROOT/requirements.txt"
    fi
}

# Start the local PostgreSQL when it is down, and make sure our role exists.
ensure_postgresql() {
    if ! pg_isready -h "$DB_HOST" -p "$DB_PORT" -q 2>/dev/null; then
        say "PostgreSQL is down: starting it"
        if command -v pg_ctlcluster >/dev/null 2>&1; then
            local version
            version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)"
            pg_ctlcluster --skip-systemctl-redirect "$version" main start
        else
            say "cannot start PostgreSQL: start it yourself and try again"
            return 1
        fi
        for _ in $(seq 1 30); do
            pg_isready -h "$DB_HOST" -p "$DB_PORT" -q && break
            sleep 1
        done
    fi
    if ! psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -tAc "select 1" >/dev/null 2>&1; then
        say "creating the PostgreSQL role $DB_USER"
        if [ "$(id -u)" = 0 ]; then
            su postgres -c "createuser --superuser '$DB_USER'" ||
                runuser -u postgres -- createuser --superuser "$DB_USER"
        else
            sudo -u postgres createuser --createdb "$DB_USER"
        fi
    fi
}
