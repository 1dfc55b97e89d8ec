# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import use_french


@tagged("post_install", "-at_install")
class TestTrade(TransactionCase):
    def test_default_trades_are_listed_in_order(self):
        trades = self.env["symetrie.trade"].search([])
        codes = trades.mapped("code")
        for code in ("plumbing", "electricity", "heating", "locksmith"):
            self.assertIn(code, codes)
        self.assertEqual(codes[0], "plumbing", "Trades follow their sequence.")

    def test_trade_names_are_translated_in_french(self):
        use_french(self.env, "symetrie_orders")
        plumbing = self.env.ref("symetrie_orders.trade_plumbing")
        self.assertEqual(plumbing.with_context(lang="fr_FR").name, "Plomberie")
        self.assertEqual(plumbing.with_context(lang="en_US").name, "Plumbing")

    @mute_logger("odoo.sql_db")
    def test_trade_code_is_unique(self):
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["symetrie.trade"].create({"name": "Plumbing 2", "code": "plumbing"})

    def test_archived_trade_is_hidden_from_search(self):
        trade = self.env["symetrie.trade"].create({"name": "Roofing", "code": "roofing"})
        trade.action_archive()
        self.assertNotIn(trade, self.env["symetrie.trade"].search([]))
