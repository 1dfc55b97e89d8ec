# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import MqLabelCase, use_french


@tagged("post_install", "-at_install")
class TestSurveyCampaign(MqLabelCase):
    def _answers(self, campaign, recommending, not_recommending):
        for _i in range(recommending):
            self._answer(campaign, recommends=True)
        for _i in range(not_recommending):
            self._answer(campaign, recommends=False)

    def test_threshold_by_label_year(self):
        self.assertEqual(self.company._mq_label_threshold(2040), 70.0)
        self.assertEqual(self.company._mq_label_threshold(2041), 75.0)
        self.assertEqual(self.company._mq_label_threshold(2045), 75.0)

    def test_exactly_70_is_not_over_the_first_year_threshold(self):
        campaign = self._campaign(2040)
        self._answers(campaign, 7, 3)
        self.assertEqual(campaign.recommendation_rate, 70.0)
        self.assertEqual(campaign.threshold, 70.0)
        self.assertEqual(campaign.margin, 0.0)
        self.assertEqual(campaign.status, "at_risk")
        campaign.action_close()
        self.assertEqual(campaign.status, "below")

    def test_71_is_over_the_first_year_threshold(self):
        campaign = self._campaign(2040)
        self._answers(campaign, 71, 29)
        self.assertAlmostEqual(campaign.recommendation_rate, 71.0)
        self.assertAlmostEqual(campaign.margin, 1.0)
        self.assertEqual(campaign.status, "above")

    def test_second_year_needs_over_75(self):
        campaign = self._campaign(2041)
        self._answers(campaign, 3, 1)
        self.assertEqual(campaign.threshold, 75.0)
        self.assertEqual(campaign.recommendation_rate, 75.0)
        self.assertEqual(campaign.status, "at_risk")
        self._answer(campaign, recommends=True)
        campaign.invalidate_recordset()
        self.assertEqual(campaign.recommendation_rate, 80.0)
        self.assertEqual(campaign.status, "above")

    def test_response_and_recommendation_rates(self):
        campaign = self._campaign(2041)
        self._answers(campaign, 4, 1)
        # Three invited clients have not answered; their opinion does not count.
        for _i in range(3):
            self._answer(campaign, recommends=True, done=False)
        self.assertEqual(campaign.invited_count, 8)
        self.assertEqual(campaign.answered_count, 5)
        self.assertEqual(campaign.response_rate, 62.5)
        self.assertEqual(campaign.recommendation_rate, 80.0)
        self.assertEqual(campaign.margin, 5.0)

    def test_no_answer_yet(self):
        campaign = self._campaign(2041)
        self.assertEqual(campaign.status, "none")
        self.assertEqual(campaign.recommendation_rate, 0.0)

    def test_warning_activity_for_the_label_manager(self):
        use_french(self.env, "mq_label")
        self.label_manager.lang = "fr_FR"
        campaign = self._campaign(2041)
        self._answers(campaign, 2, 2)
        campaign._mq_warn_below_threshold()
        campaign._mq_warn_below_threshold()
        warning = self.env.ref("mail.mail_activity_data_warning")
        activities = campaign.activity_ids.filtered(
            lambda a: a.activity_type_id == warning
        )
        self.assertEqual(len(activities), 1, "warned once, not every day")
        self.assertEqual(activities.user_id, self.label_manager)
        # In the manager's language, whoever runs the check.
        self.assertEqual(
            activities.summary, "Taux de recommandation sous le seuil du label"
        )
        self.assertIn("50.0 %", str(activities.note))

    def test_no_warning_above_threshold_or_closed(self):
        above = self._campaign(2041)
        self._answers(above, 9, 1)
        closed = self._campaign(2042, state="closed")
        self._answers(closed, 1, 9)
        (above | closed)._mq_warn_below_threshold()
        self.assertFalse(above.activity_ids)
        self.assertFalse(closed.activity_ids)

    def test_invitation_targets_handed_over_clients(self):
        campaign = self._campaign(2041)
        inside = self.env["res.partner"].create({"name": "Client handed over"})
        outside = self.env["res.partner"].create({"name": "Client too early"})
        self.env["project.project"].create(
            [
                {
                    "name": "House A",
                    "partner_id": inside.id,
                    "mq_handover_date": "2041-02-10",
                },
                {
                    "name": "House B",
                    "partner_id": outside.id,
                    "mq_handover_date": "2040-02-10",
                },
            ]
        )
        action = campaign.action_invite()
        self.assertEqual(action["res_model"], "survey.invite")
        self.assertEqual(action["context"]["default_partner_ids"], inside.ids)
        # Sending Odoo's invitation creates the client's pending answer.
        inside.email = "client@example.com"
        wizard = self.env["survey.invite"].with_context(**action["context"]).create({})
        wizard.action_invite()
        self.assertEqual(campaign.survey_id.user_input_ids.partner_id, inside)
        campaign.invalidate_recordset()
        self.assertEqual(campaign.invited_count, 1)
        self.assertEqual(campaign.answered_count, 0)

    def test_handover_period_must_be_consistent(self):
        with self.assertRaises(ValidationError):
            self.env["mq.survey.campaign"].create(
                {
                    "name": "Wrong",
                    "year": 2039,
                    "date_start": "2039-07-01",
                    "date_end": "2039-01-01",
                    "date_close": "2039-12-31",
                }
            )

    def _figures_queries(self, campaign):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        campaign.read(
            [
                "invited_count",
                "answered_count",
                "response_rate",
                "recommendation_rate",
                "threshold",
                "margin",
                "status",
            ]
        )
        return self.env.cr.sql_log_count - before

    def _bulk_answers(self, campaign, count):
        """Insert many done answers in SQL: one in four does not recommend."""
        survey = campaign.survey_id
        question = survey.question_ids.filtered("mq_is_recommendation")
        yes = question.suggested_answer_ids.filtered("mq_recommends")
        no = question.suggested_answer_ids - yes
        client = self._client(campaign)
        self.env.flush_all()
        self.env.cr.execute(
            """
            INSERT INTO survey_user_input (survey_id, partner_id, state, access_token,
                                           end_datetime, create_date, write_date)
            SELECT %s, %s, 'done', md5(random()::text || g),
                   now() AT TIME ZONE 'UTC', now(), now()
              FROM generate_series(1, %s) g
            """,
            (survey.id, client.id, count),
        )
        self.env.cr.execute(
            """
            INSERT INTO survey_user_input_line (user_input_id, survey_id,
                   question_id, answer_type, suggested_answer_id, skipped)
            SELECT ui.id, ui.survey_id, %s, 'suggestion',
                   CASE WHEN ui.id %% 4 = 0 THEN %s ELSE %s END, false
              FROM survey_user_input ui
             WHERE ui.survey_id = %s
            """,
            (question.id, no.id, yes.id, survey.id),
        )

    def test_figures_in_constant_queries(self):
        small = self._campaign(2041)
        self._bulk_answers(small, 10)
        large = self._campaign(2042)
        self._bulk_answers(large, 10000)
        small_queries = self._figures_queries(small)
        self.assertLessEqual(small_queries, 8)
        self.env.invalidate_all()
        # 10,000 answers take the same queries as 10.
        with self.assertQueryCount(small_queries):
            self.assertEqual(large.answered_count, 10000)
            self.assertEqual(large.recommendation_rate, 75.0)
            # Exactly 75 % is not over the second-year threshold.
            self.assertEqual(large.status, "at_risk")

    def test_label_user_reads_the_figures(self):
        campaign = self._campaign(2041)
        self._answers(campaign, 4, 1)
        user = new_test_user(
            self.env, login="mq_test_label_user", groups="mq_label.group_mq_label_user"
        )
        campaign = campaign.with_user(user)
        self.assertEqual(campaign.recommendation_rate, 80.0)
        self.assertEqual(campaign.status, "above")

    def test_thresholds_are_settings(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.mq_threshold_first_year, 70.0)
        self.assertEqual(settings.mq_threshold_next_years, 75.0)
        settings.mq_threshold_next_years = 80.0
        settings.execute()
        self.assertEqual(self.company._mq_label_threshold(2041), 80.0)


@tagged("post_install", "-at_install")
class TestCampaignAudit(MqLabelCase):
    """The label rate that nobody can game."""

    def test_test_entries_do_not_count(self):
        campaign = self._campaign(2041)
        for _i in range(3):
            self._answer(campaign, recommends=True)
        # Five test runs of the survey, none recommending.
        for _i in range(5):
            self._answer(campaign, recommends=False, test_entry=True)
        self.assertEqual(campaign.invited_count, 3)
        self.assertEqual(campaign.respondent_count, 3)
        self.assertEqual(campaign.recommendation_rate, 100.0)

    def test_only_handed_over_clients_and_answers_before_closing_count(self):
        campaign = self._campaign(2041, date_close="2042-01-31")
        self._answer(campaign, recommends=True)
        # A client handed over the year before, and an anonymous answer.
        early = self._client(campaign, handover="2039-12-01")
        self._answer(campaign, recommends=False, client=early)
        self.env["survey.user_input"].create(
            {"survey_id": campaign.survey_id.id, "state": "new"}
        )
        # Completed on 1 February 2042, after the closing date.
        self._answer(campaign, recommends=False, end=datetime(2042, 2, 1, 9))
        self.assertEqual(campaign.invited_count, 2)
        self.assertEqual(campaign.answered_count, 1)
        self.assertEqual(campaign.response_rate, 50.0)
        self.assertEqual(campaign.recommendation_rate, 100.0)

    def test_frozen_campaign_does_not_move(self):
        """A worked example, first label year (2040): threshold over 70 %.

        10 handed-over clients invited, 8 answered by the closing date,
        6 of them recommend: recommendation 6 / 8 = 75 %, response
        8 / 10 = 80 %, margin 75 - 70 = +5 points, above the threshold.
        After the closing: three late answers that do not recommend, a
        threshold raised to 80 % and a label date moved to 2030 (which would
        make 2040 a following year at 75 %, i.e. "at risk"): nothing moves.
        """
        campaign = self._campaign(2040, date_close="2041-06-30")
        for recommends in (True,) * 6 + (False,) * 2:
            self._answer(campaign, recommends=recommends, end=datetime(2041, 3, 1))
        for _i in range(2):
            self._answer(campaign, done=False)
        campaign.action_close()
        expected = {
            "state": "closed",
            "invited_count": 10,
            "answered_count": 8,
            "respondent_count": 8,
            "recommend_count": 6,
            "response_rate": 80.0,
            "recommendation_rate": 75.0,
            "threshold": 70.0,
            "margin": 5.0,
            "status": "above",
        }
        self.assertEqual({name: campaign[name] for name in expected}, expected)
        for _i in range(3):
            self._answer(campaign, recommends=False, end=datetime(2041, 3, 2))
        self.company.write({"mq_threshold_first_year": 80.0, "mq_label_date": "2030-01-01"})
        campaign.invalidate_recordset()
        self.assertEqual({name: campaign[name] for name in expected}, expected)
        self.assertEqual(campaign.closed_threshold, 70.0)
        with self.assertRaises(UserError):
            campaign.action_reset_draft()
        with self.assertRaises(UserError):
            campaign.write({"closed_recommendation_rate": 100.0})

    def test_label_staff_cannot_delete_answers(self):
        campaign = self._campaign(2041)
        answer = self._answer(campaign, recommends=False)
        with self.assertRaises(UserError):
            answer.with_user(self.label_manager).unlink()
        self.assertTrue(answer.exists())
        test_run = self._answer(campaign, recommends=False, test_entry=True)
        test_run.with_user(self.label_manager).unlink()
        self.assertFalse(test_run.exists())

    def test_threshold_is_strictly_over_and_follows_the_label_year(self):
        # Label obtained on 1 March 2040: 2040 is the first year, 2041 the second.
        first = self._campaign(2040)
        second = self._campaign(2041)
        for campaign in (first, second):
            for recommends in (True,) * 3 + (False,):
                self._answer(campaign, recommends=recommends)
        # 75 % is over 70 % but not over 75 %.
        self.assertEqual((first.threshold, first.status), (70.0, "above"))
        self.assertEqual((second.threshold, second.status), (75.0, "at_risk"))

    def test_an_answer_left_unflagged_does_not_recommend(self):
        """A "no" answer whose recommend flag was never set is a respondent
        who does not recommend, not a missing respondent."""
        campaign = self._campaign(2041)
        question = campaign.survey_id.question_ids.filtered("mq_is_recommendation")
        no = question.suggested_answer_ids.filtered(lambda a: not a.mq_recommends)
        self._answer(campaign, recommends=True)
        self._answer(campaign, recommends=False)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE survey_question_answer SET mq_recommends = NULL WHERE id IN %s",
            (tuple(no.ids),),
        )
        campaign.invalidate_recordset()
        self.assertEqual(campaign.respondent_count, 2)
        self.assertEqual(campaign.recommendation_rate, 50.0)
