#!/bin/bash
# The Odoo container's command: serves the database, installing the add-ons the
# database does not have yet (all four on the first start, none afterwards).
#
# Not "-i" at every start: on an installed add-on, "-i" loads its data files again
# in install mode, which rewrites the records an administrator changed (a cron's
# interval, a mail template) and breaks on the demo data's workflows, as Odoo's
# own add-ons do. Upgrading after a new image stays a deliberate step:
#   docker compose -f docker/docker-compose.yml run --rm odoo \
#       odoo -d symetrie -u symetrie_orders,symetrie_evaluation,mq_label,client_portal --stop-after-init
#
# Database settings as the official image reads them (DB_HOST or HOST, and so on);
# SYMETRIE_DB names the database. ODOO_ENTRYPOINT (default: the official image's
# entrypoint) receives "odoo" and the options; the project's checks set it to
# "echo" to read the decision.
set -euo pipefail

db="${SYMETRIE_DB:-symetrie}"
addons=(symetrie_orders symetrie_evaluation mq_label client_portal)
entrypoint="${ODOO_ENTRYPOINT:-/entrypoint.sh}"

# The official entrypoint's precedence: DB_HOST, then HOST, then "db"; and so on.
pg_host="${DB_HOST:-${HOST:-db}}"
pg_port="${DB_PORT:-${PORT:-5432}}"
pg_user="${DB_USER:-${USER:-odoo}}"
pg_password="${DB_PASSWORD:-${PASSWORD:-odoo}}"
if [ -n "${PASSWORD_FILE:-}" ]; then
    pg_password="$(<"$PASSWORD_FILE")"
fi

sql() {  # sql DATABASE QUERY
    PGPASSWORD="$pg_password" PGCONNECT_TIMEOUT=5 psql -X -q -t -A -v ON_ERROR_STOP=1 \
        -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$1" -c "$2"
}

# No guess while PostgreSQL is down: "not installed" would re-install.
wait="${SYMETRIE_DB_WAIT:-30}"
until sql postgres "SELECT 1" >/dev/null 2>&1; do
    wait=$((wait - 1))
    if [ "$wait" -le 0 ]; then
        echo "symetrie: PostgreSQL does not answer at $pg_host:$pg_port" >&2
        exit 1
    fi
    sleep 1
done

# The add-ons installed in the database; none when it (or Odoo in it) is new.
installed_addons() {
    local names
    names="$(printf "'%s'," "${addons[@]}")"
    if [ "$(sql postgres "SELECT count(*) FROM pg_database WHERE datname = '${db//\'/}'")" = 1 ] &&
        [ "$(sql "$db" "SELECT to_regclass('ir_module_module') IS NOT NULL")" = t ]; then
        sql "$db" "SELECT name FROM ir_module_module
                    WHERE state = 'installed' AND name IN (${names%,})"
    fi
}

installed="$(installed_addons)"
missing=()
for addon in "${addons[@]}"; do
    grep -qx "$addon" <<<"$installed" || missing+=("$addon")
done

options=(-d "$db")
if [ "${#missing[@]}" -gt 0 ]; then
    list="$(IFS=,; echo "${missing[*]}")"
    echo "symetrie: installing $list in database $db" >&2
    options+=(-i "$list" --load-language=fr_FR)
fi
exec "$entrypoint" odoo "${options[@]}" "$@"
