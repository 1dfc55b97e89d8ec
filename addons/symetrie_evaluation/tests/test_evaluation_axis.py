# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.symetrie_orders.tests.common import use_french


@tagged("post_install", "-at_install")
class TestEvaluationAxis(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.evaluation_user = new_test_user(
            cls.env,
            login="evaluation_user",
            groups="symetrie_evaluation.group_evaluation_user",
        )
        cls.employee = new_test_user(cls.env, login="employee", groups="base.group_user")

    def test_the_eleven_axes_are_there_in_order(self):
        axes = self.env["symetrie.evaluation.axis"].search([])
        self.assertEqual(len(axes), 11)
        self.assertEqual(axes[0].code, "autonomy")
        self.assertEqual(axes[-1].code, "values")
        use_french(self.env, "symetrie_evaluation")
        self.assertEqual(
            axes[0].with_context(lang="fr_FR").name, "Autonomie et prise d'initiative"
        )

    def test_negative_weight_is_refused(self):
        axis = self.env.ref("symetrie_evaluation.axis_trust")
        with self.assertRaises(ValidationError):
            axis.weight = -1

    def test_user_reads_but_cannot_change_axes(self):
        axis = self.env.ref("symetrie_evaluation.axis_trust").with_user(
            self.evaluation_user
        )
        self.assertEqual(axis.code, "trust")
        with self.assertRaises(AccessError):
            axis.weight = 3

    def test_employee_without_group_cannot_read_axes(self):
        with self.assertRaises(AccessError):
            self.env["symetrie.evaluation.axis"].with_user(self.employee).search([])

    def test_app_menu_hidden_from_employee(self):
        root = self.env.ref("symetrie_evaluation.menu_symetrie_evaluation_root")
        menus = self.env["ir.ui.menu"]
        self.assertIn(root.id, menus.with_user(self.evaluation_user)._visible_menu_ids())
        self.assertNotIn(root.id, menus.with_user(self.employee)._visible_menu_ids())
