# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged


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
