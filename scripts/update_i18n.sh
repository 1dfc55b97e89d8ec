#!/usr/bin/env bash
# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# Export an add-on's .pot from a database where it is installed and merge it
# into fr.po. Usage: scripts/update_i18n.sh ADDON [DATABASE]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
addon="${1:?usage: scripts/update_i18n.sh ADDON [DATABASE]}"
db="${2:-${SYMETRIE_DB:-symetrie}}"
i18n="$REPO_ROOT/addons/$addon/i18n"
run_odoo -d "$db" -u "$addon" --stop-after-init --log-level=warn
run_odoo -d "$db" --i18n-export="$i18n/$addon.pot" --modules="$addon" \
    --stop-after-init --log-level=warn
if [ -f "$i18n/fr.po" ]; then
    msgmerge --quiet --update --no-fuzzy-matching --backup=none "$i18n/fr.po" "$i18n/$addon.pot"
else
    msginit --no-translator --locale=fr --input="$i18n/$addon.pot" --output-file="$i18n/fr.po"
fi
"$CACHE_DIR/lint-venv/bin/oca-checks-po" --fix "$i18n"/*.po* >/dev/null || true
say "untranslated entries in $i18n/fr.po:"
msgattrib --untranslated "$i18n/fr.po" | grep '^msgid' | tail -n +2 || true
