#!/usr/bin/env bash
# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# Set up and serve Odoo 18 with the four add-ons and their demo data on the
# local PostgreSQL. Usage: scripts/run.sh [extra odoo options]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DB_NAME="${SYMETRIE_DB:-symetrie}"
HTTP_PORT="${SYMETRIE_HTTP_PORT:-8069}"

if ! odoo_importable; then
    say "Odoo 18.0 is not importable by $PYTHON (python3 -c 'import odoo' fails)."
    say "Get Odoo 18.0 Community from its official source, https://github.com/odoo/odoo"
    say "(branch 18.0: pip install -r requirements.txt && pip install -e .), or run"
    say "the whole thing with Docker: docker compose -f docker/docker-compose.yml up"
    exit 2
fi

if grep -qvE '^\s*(#|$)' "$REPO_ROOT/requirements.txt"; then
    say "installing the add-ons' Python requirements"
    "$PYTHON" -m pip install --quiet -r "$REPO_ROOT/requirements.txt"
fi

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
