# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import EvaluationCase


@tagged("post_install", "-at_install")
class TestViews(EvaluationCase):
    def test_evaluate_button_on_the_work_order_form(self):
        view = self.env.ref("symetrie_orders.purchase_order_view_form_work")
        arch = (
            self.env["purchase.order"]
            .with_user(self.evaluator)
            .get_views([(view.id, "form")])["views"]["form"]["arch"]
        )
        self.assertIn("default_order_id", arch)

    def test_evaluation_from_a_work_order_rates_its_contractor(self):
        order = self._walk(self._make_order(), ["sent", "accepted"])
        evaluation = (
            self.env["symetrie.evaluation"]
            .with_user(self.evaluator)
            .with_context(default_order_id=order.id)
            .create({"direction": "landlord_to_contractor"})
        )
        self.assertEqual(evaluation.partner_id, self.contractor_a)
        self.assertEqual(len(evaluation.line_ids), 11)

    def test_scorecard_views_load(self):
        Scorecard = self.env["symetrie.scorecard"].with_user(self.evaluator)
        views = Scorecard.get_views(
            [(False, "list"), (False, "form"), (False, "pivot"), (False, "graph")]
        )["views"]
        self.assertIn("score", views["graph"]["arch"])
