# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from html import unescape

from odoo.tests import tagged

from .common import MqLabelCase, use_french


@tagged("post_install", "-at_install")
class TestDrivers(MqLabelCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._campaign(2041)
        # Four clients; satisfaction from 1 (not at all) to 4 (very satisfied).
        answers = [
            (True, {"welcome": 4, "costs": 4, "contact": 4, "progress": 4}),
            (True, {"welcome": 3, "costs": 3, "contact": 4, "progress": 2}),
            (False, {"welcome": 4, "costs": 1, "contact": 4, "progress": 3}),
            (False, {"welcome": 3, "costs": 2, "contact": 1, "progress": 1}),
        ]
        for recommends, satisfaction in answers:
            cls._answer(cls.campaign, recommends=recommends, satisfaction=satisfaction)
        # An unfinished answer is left out of the analysis.
        cls._answer(
            cls.campaign, recommends=True, satisfaction={"costs": 1}, done=False
        )

    def test_steps_ranked_by_their_link_with_recommendation(self):
        drivers = self.campaign._mq_drivers()
        self.assertEqual(
            drivers.step_id.mapped("code"), ["costs", "contact", "progress", "welcome"]
        )
        costs, contact, progress, welcome = drivers
        # Satisfied clients on costs all recommend, dissatisfied ones never do.
        self.assertEqual(costs.answer_count, 4)
        self.assertEqual(costs.satisfaction_avg, 2.5)
        self.assertEqual(costs.dissatisfied_share, 50.0)
        self.assertEqual(costs.recommendation_satisfied, 100.0)
        self.assertEqual(costs.recommendation_dissatisfied, 0.0)
        self.assertEqual(costs.recommendation_gap, 100.0)
        self.assertAlmostEqual(contact.recommendation_gap, 66.67, places=2)
        self.assertEqual(contact.dissatisfied_share, 25.0)
        self.assertEqual(progress.recommendation_gap, 0.0)
        self.assertEqual(progress.dissatisfied_share, 50.0)
        # Nobody is dissatisfied with the welcome: no gap can be measured.
        self.assertEqual(welcome.satisfaction_avg, 3.5)
        self.assertEqual(welcome.dissatisfied_share, 0.0)
        self.assertEqual(welcome.recommendation_gap, 0.0)

    def test_drivers_grouped_by_step_for_pivot(self):
        groups = self.env["mq.driver.report"]._read_group(
            [("campaign_id", "=", self.campaign.id)],
            ["step_id"],
            ["recommendation_gap:avg"],
        )
        gaps = {step.code: gap for step, gap in groups}
        self.assertEqual(gaps["costs"], 100.0)

    def test_yearly_report_for_the_auditors(self):
        # Printed in the builder's language.
        use_french(self.env, "mq_label")
        self.company.partner_id.lang = "fr_FR"
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("mq_label.action_report_mq_campaign", self.campaign.ids)[
                0
            ]
            .decode()
        )
        html = unescape(html)
        self.assertIn("Taux de recommandation", html)
        self.assertIn("50.0 %", html)
        for step in self.campaign._mq_drivers().step_id.with_context(lang="fr_FR"):
            self.assertIn(step.name, html)
        costs = self.env.ref("mq_label.journey_step_costs")
        welcome = self.env.ref("mq_label.journey_step_welcome")
        self.assertLess(
            html.index(costs.with_context(lang="fr_FR").name),
            html.index(welcome.with_context(lang="fr_FR").name),
            "the strongest driver comes first",
        )
