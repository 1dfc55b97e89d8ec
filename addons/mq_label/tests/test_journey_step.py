# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import use_french


@tagged("post_install", "-at_install")
class TestJourneyStep(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.label_user = new_test_user(
            cls.env, login="label_user", groups="mq_label.group_mq_label_user"
        )
        cls.label_manager = new_test_user(
            cls.env, login="label_manager", groups="mq_label.group_mq_label_manager"
        )
        cls.portal_user = new_test_user(
            cls.env, login="label_portal", groups="base.group_portal"
        )

    def test_the_seven_journey_steps_are_there(self):
        steps = self.env["mq.journey.step"].search([])
        self.assertEqual(
            steps.mapped("code"),
            [
                "welcome",
                "advice",
                "progress",
                "contact",
                "commitments",
                "costs",
                "complaints",
            ],
        )
        use_french(self.env, "mq_label")
        self.assertEqual(
            steps[-1].with_context(lang="fr_FR").name, "Traitement des réclamations"
        )

    def test_only_manager_edits_steps(self):
        step = self.env.ref("mq_label.journey_step_costs")
        with self.assertRaises(AccessError):
            step.with_user(self.label_user).name = "Prices"
        step.with_user(self.label_manager).name = "Prices"
        self.assertEqual(step.name, "Prices")

    def test_portal_user_cannot_write_steps(self):
        step = self.env.ref("mq_label.journey_step_costs").with_user(self.portal_user)
        self.assertEqual(step.code, "costs")
        with self.assertRaises(AccessError):
            step.unlink()
