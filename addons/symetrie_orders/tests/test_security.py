# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo import Command
from odoo.tests import Form, TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestOrdersSecurity(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.orders_user = new_test_user(
            cls.env, login="orders_user", groups="symetrie_orders.group_orders_user"
        )
        cls.orders_manager = new_test_user(
            cls.env,
            login="orders_manager",
            groups="symetrie_orders.group_orders_manager",
        )
        cls.employee = new_test_user(cls.env, login="employee", groups="base.group_user")
        cls.root_menu = cls.env.ref("symetrie_orders.menu_symetrie_orders_root")
        cls.config_menu = cls.env.ref("symetrie_orders.menu_symetrie_orders_config")

    def _visible_menus(self, user):
        return self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()

    def test_manager_implies_user_and_purchase(self):
        self.assertTrue(self.orders_manager.has_group("symetrie_orders.group_orders_user"))
        self.assertTrue(self.orders_user.has_group("purchase.group_purchase_user"))

    def test_user_cannot_change_trades(self):
        trade = self.env.ref("symetrie_orders.trade_plumbing")
        with self.assertRaises(AccessError):
            trade.with_user(self.orders_user).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            self.env["symetrie.trade"].with_user(self.orders_user).create(
                {"name": "Roofing", "code": "roofing"}
            )
        self.assertEqual(trade.name, "Plumbing")

    def test_manager_can_create_trades(self):
        trade = (
            self.env["symetrie.trade"]
            .with_user(self.orders_manager)
            .create({"name": "Roofing", "code": "roofing"})
        )
        self.assertEqual(trade.code, "roofing")

    def test_app_menu_only_for_orders_users(self):
        self.assertIn(self.root_menu.id, self._visible_menus(self.orders_user))
        self.assertNotIn(self.config_menu.id, self._visible_menus(self.orders_user))
        self.assertIn(self.config_menu.id, self._visible_menus(self.orders_manager))
        self.assertNotIn(self.root_menu.id, self._visible_menus(self.employee))

    def test_purchase_user_opens_a_held_vendor_bill_form(self):
        """A Purchase user without Invoicing nor Work Orders rights reads the
        vendor bills of purchase orders (Odoo's rule): the holds embedded in
        the bill form must not stop them from opening it."""
        purchase_user = new_test_user(
            self.env, login="purchase_only", groups="purchase.group_purchase_user"
        )
        self.assertFalse(purchase_user.has_group("account.group_account_invoice"))
        partner = self.env["res.partner"].create({"name": "Vendor", "supplier_rank": 1})
        bill = self.env["account.move"].create(
            {
                "move_type": "in_invoice",
                "partner_id": partner.id,
                "invoice_date": "2026-01-05",
                "invoice_line_ids": [
                    Command.create({"name": "Work", "quantity": 1, "price_unit": 100})
                ],
            }
        )
        bill.action_post()
        self.env["symetrie.bill.hold"].create(
            {"move_id": bill.id, "reason": "dispute", "note": "Contested amount"}
        )
        form = Form(bill.with_user(purchase_user))
        self.assertTrue(form.symetrie_is_held)
        form.save()
