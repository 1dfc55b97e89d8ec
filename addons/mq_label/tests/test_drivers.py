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
        # One respondent per side is enough here; the minimum has its own test.
        cls.company.mq_driver_min_answers = 1
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

    def test_sample_sizes_and_95_intervals(self):
        """The same four clients, with at least 2 respondents per side.

        costs: satisfied 2 (both recommend), dissatisfied 2 (none does).
          Wilson 95 % of 2/2 is [34.24 %, 100 %], of 0/2 [0 %, 65.76 %];
          gap 100 points, Newcombe interval 100 - sqrt(65.76² + 65.76²) = 7.00
          to 100 + sqrt(0² + 0²) = 100.
        progress: satisfied 2 (1 recommends), dissatisfied 2 (1 recommends):
          Wilson of 1/2 is [9.45 %, 90.55 %]; gap 0, interval +-57.34.
        contact (3 satisfied, 1 dissatisfied) and welcome (4 and 0) have
        fewer than 2 respondents on one side: not enough answers, not ranked.
        """
        self.company.mq_driver_min_answers = 2
        self.env.flush_all()
        drivers = self.campaign._mq_drivers()
        self.assertEqual(
            drivers.step_id.mapped("code"), ["costs", "progress", "contact", "welcome"]
        )
        costs, progress, contact, welcome = drivers
        self.assertEqual(
            (costs.satisfied_count, costs.dissatisfied_count, costs.sample_status),
            (2, 2, "enough"),
        )
        self.assertAlmostEqual(costs.recommendation_gap, 100.0, places=2)
        self.assertAlmostEqual(costs.gap_low, 7.00, places=2)
        self.assertAlmostEqual(costs.gap_high, 100.0, places=2)
        self.assertAlmostEqual(progress.recommendation_gap, 0.0, places=2)
        self.assertAlmostEqual(progress.gap_low, -57.34, places=2)
        self.assertAlmostEqual(progress.gap_high, 57.34, places=2)
        self.assertEqual(
            (contact.satisfied_count, contact.dissatisfied_count, contact.sample_status),
            (3, 1, "not_enough"),
        )
        self.assertEqual(contact.recommendation_gap, 0.0)
        self.assertEqual((welcome.dissatisfied_count, welcome.sample_status), (0, "not_enough"))

    def test_test_entries_are_not_drivers(self):
        for _i in range(3):
            self._answer(
                self.campaign, recommends=True, satisfaction={"welcome": 1}, test_entry=True
            )
        self.env.flush_all()
        welcome = self.campaign._mq_drivers().filtered(
            lambda d: d.step_id.code == "welcome"
        )
        self.assertEqual((welcome.answer_count, welcome.dissatisfied_count), (4, 0))

    def test_closed_campaign_drivers_do_not_move(self):
        """Closed, the drivers are those of the closing day.

        After the closing: two late answers that would make "welcome" a
        driver (dissatisfied clients who do not recommend), a higher minimum
        per side that would leave every step unranked, and a question moved
        to another step. The report, its groups and the auditors' ranking
        stay as they were.
        """
        names = [
            "step_id", "answer_count", "satisfied_count", "dissatisfied_count",
            "min_answers", "sample_status", "satisfaction_avg", "dissatisfied_share",
            "recommendation_satisfied", "recommendation_dissatisfied",
            "recommendation_gap", "gap_low", "gap_high",
        ]

        def drivers():
            self.env.flush_all()
            self.env.invalidate_all()
            return self.campaign._mq_drivers().read(names)

        def counts_by_step():
            groups = self.env["mq.driver.report"]._read_group(
                [("campaign_id", "=", self.campaign.id)],
                ["step_id"],
                ["answer_count:sum"],
            )
            return {step.code: count for step, count in groups}

        self.campaign.action_close()
        at_closing = drivers()
        self.assertEqual(
            [row["step_id"][0] for row in at_closing],
            self.campaign._mq_drivers().step_id.ids,
        )
        counts_at_closing = counts_by_step()
        self.assertEqual(
            counts_at_closing, {"costs": 4, "contact": 4, "progress": 4, "welcome": 4}
        )
        for _i in range(2):
            self._answer(self.campaign, recommends=False, satisfaction={"welcome": 1})
        self.company.mq_driver_min_answers = 3
        self._question(self.campaign.survey_id, "mq_label.survey_mq_q_contact").write(
            {"mq_journey_step_id": self.env.ref("mq_label.journey_step_welcome").id}
        )
        self.assertEqual(drivers(), at_closing)
        self.assertEqual(counts_by_step(), counts_at_closing)

    def test_running_campaign_drivers_follow_the_answers(self):
        other = self._campaign(2042)
        self._answer(other, recommends=True, satisfaction={"welcome": 4})
        self.env.flush_all()
        self.assertEqual(other._mq_drivers().answer_count, 1)
        self._answer(other, recommends=False, satisfaction={"welcome": 1})
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual(other._mq_drivers().answer_count, 2)

    def test_upgrade_freezes_the_drivers_of_campaigns_closed_before(self):
        """A campaign closed before drivers were frozen gets them at the upgrade."""
        self.campaign.action_close()
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE mq_survey_campaign SET closed_drivers = NULL WHERE id = %s",
            [self.campaign.id],
        )
        self.env.invalidate_all()
        self.assertFalse(self.campaign.closed_drivers)
        live = self.campaign._mq_drivers().mapped("recommendation_gap")
        self.campaign._mq_freeze_drivers()
        self.assertEqual(len(self.campaign.closed_drivers["steps"]), 4)
        self._answer(self.campaign, recommends=True, satisfaction={"costs": 1})
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual(self.campaign._mq_drivers().mapped("recommendation_gap"), live)
