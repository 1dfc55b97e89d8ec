#!/usr/bin/env bash
# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# Shared by run.sh and test.sh: where things are, PostgreSQL, Odoo detection.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROJECT_ADDONS="client_portal,mq_label,symetrie_evaluation,symetrie_orders"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/symetrie"
PYTHON="${PYTHON:-python3}"
DB_HOST="${PGHOST:-127.0.0.1}"
DB_PORT="${PGPORT:-5432}"
DB_USER="${PGUSER:-$(id -un)}"

say() { printf '[symetrie] %s\n' "$*"; }

odoo_importable() {
    (cd / && "$PYTHON" -c "import odoo.release" >/dev/null 2>&1)
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

run_odoo() {
    (cd "$REPO_ROOT" && "$PYTHON" -m odoo -c "$REPO_ROOT/odoo.conf" \
        --addons-path="$(full_addons_path)" \
        --db_host="$DB_HOST" --db_port="$DB_PORT" --db_user="$DB_USER" "$@")
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
