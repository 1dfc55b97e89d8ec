#!/usr/bin/env bash
# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# Set up and serve Odoo 18 with the four add-ons and their demo data on the
# local PostgreSQL. Usage: scripts/run.sh [extra odoo options]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DB_NAME="${SYMETRIE_DB:-symetrie}"
HTTP_PORT="${SYMETRIE_HTTP_PORT:-8069}"

# Odoo 18: the one found (project virtualenv, then python3), else installed
# into the project's virtualenv from $ODOO_SRC or a shallow clone of 18.0.
if ! ensure_odoo; then
    say "Odoo 18.0 could not be set up. Point ODOO_SRC at an Odoo 18.0 source"
    say "checkout, or run everything with Docker: docker compose -f docker/docker-compose.yml up"
    exit 2
fi
ensure_project_requirements

ensure_postgresql

installed() {
    psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" -tAc \
        "select count(*) from ir_module_module where state = 'installed'
         and name in ('symetrie_orders', 'symetrie_evaluation', 'mq_label', 'client_portal')" \
        2>/dev/null || echo 0
}

if [ "$(installed)" != "4" ]; then
    say "installing the add-ons with demo data in database $DB_NAME (about 2 minutes)"
    run_odoo -d "$DB_NAME" -i "$PROJECT_ADDONS" --load-language=fr_FR \
        --stop-after-init --log-level=warn
fi

cat <<MSG
[symetrie] Odoo is starting on http://localhost:$HTTP_PORT/odoo  (database $DB_NAME)
[symetrie] demo logins (login / password):
[symetrie]   admin / admin                 administrator, every app
[symetrie]   gestionnaire / gestionnaire   landlord staff: Work Orders, Evaluation
[symetrie]   constructeur / constructeur   builder staff: Quality Label
[symetrie]   plombier / plombier           plumbing contractor's technician: /my/work-orders
[symetrie]   electricien / electricien     electrician, portal
[symetrie]   serrurier / serrurier         locksmith, portal
[symetrie]   bernard / bernard             builder's client, house being built: /my/house
[symetrie]   martin / martin               builder's client, house handed over, survey open
[symetrie] a tenant follows an order at /track/<token> (link on each work order)
[symetrie] stop with Ctrl+C
MSG
run_odoo -d "$DB_NAME" --db-filter="^${DB_NAME}\$" --http-port="$HTTP_PORT" "$@"
