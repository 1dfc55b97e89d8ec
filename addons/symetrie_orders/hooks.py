# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def uninstall_hook(env):
    """Drop the index ``init()`` put on purchase's own column: PostgreSQL
    drops the others with the add-on's columns, Odoo knows none of them."""
    env.cr.execute("DROP INDEX IF EXISTS symetrie_purchase_order_partner_id_idx")
