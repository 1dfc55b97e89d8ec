# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoData(TransactionCase):
    def setUp(self):
        super().setUp()
        if not self.env.ref(
            "symetrie_evaluation.evaluation_landlord_plumbing", raise_if_not_found=False
        ):
            self.skipTest("Demo data is not loaded.")

    def test_demo_has_evaluations_in_every_direction(self):
        evaluations = self.env["symetrie.evaluation"].search([("state", "=", "submitted")])
        self.assertEqual(
            set(evaluations.mapped("direction")),
            {"landlord_to_contractor", "contractor_to_landlord", "tenant_to_intervention"},
        )

    def test_demo_contractors_have_scorecards(self):
        plumbing = self.env.ref("symetrie_orders.partner_contractor_plumbing")
        cards = self.env["symetrie.scorecard"].search([("partner_id", "=", plumbing.id)])
        self.assertEqual(set(cards.mapped("period_type")), {"month", "quarter", "year"})
        self.assertTrue(all(cards.mapped("band")))

    def test_demo_scorecards_are_the_french_landlords_in_euros(self):
        oph = self.env.ref("symetrie_orders.company_oph")
        cards = self.env["symetrie.scorecard"].search([])
        self.assertEqual(cards.company_id, oph)
        self.assertEqual(cards.currency_id, self.env.ref("base.EUR"))
        rated = self.env["symetrie.evaluation"].search(
            [("direction", "=", "contractor_to_landlord")]
        )
        self.assertEqual(rated.partner_id, oph.partner_id)
        rules = self.env["symetrie.incentive.rule"].search([])
        self.assertEqual(rules.currency_id, self.env.ref("base.EUR"))
