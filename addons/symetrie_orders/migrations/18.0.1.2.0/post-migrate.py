# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def migrate(cr, version):
    """The tracking token had two indexes: its unique constraint's and the
    field's. Odoo keeps an index a field no longer asks for: drop it."""
    cr.execute("DROP INDEX IF EXISTS purchase_order__symetrie_tracking_token_index")
