# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import EvaluationCase

JANUARY = date(2020, 1, 15)


@tagged("post_install", "-at_install")
class TestFigures(EvaluationCase):
    """Figures that stand an audit: sample sizes, missing data, periods, freezing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "symetrie_min_sample": 3,
                "symetrie_delay_normal_days": 5,
                "symetrie_acceptance_delay_hours": 24,
            }
        )
        cls.company.partner_id.tz = "Europe/Paris"
        cls.Scorecard = cls.env["symetrie.scorecard"]
        cls.env["symetrie.incentive.rule"].search([]).active = False
        cls.Rule = cls.env["symetrie.incentive.rule"]
        cls.term = cls.env["account.payment.term"].create(
            {
                "name": "30 jours",
                "line_ids": [
                    Command.create({"value": "percent", "value_amount": 100, "nb_days": 30})
                ],
            }
        )

    def _order(self, sent, accept_hours=None, done_days=None, partner=None, steps=None):
        """An order sent at ``sent`` (UTC), accepted and done that much later."""
        order = self._walk(self._make_order(partner=partner), steps or ["sent"])
        order.sudo().write(
            {
                "symetrie_sent_date": sent,
                "symetrie_accepted_date": accept_hours is not None
                and sent + timedelta(hours=accept_hours),
                "symetrie_done_date": done_days is not None and sent + timedelta(days=done_days),
            }
        )
        return order

    def _card(self, partner=None, role="contractor", day=JANUARY):
        return self.Scorecard.search(
            [
                ("partner_id", "=", (partner or self.contractor_a).id),
                ("role", "=", role),
                ("department_id", "=", False),
                ("period_type", "=", "month"),
                ("date_from", "=", day.replace(day=1)),
            ]
        )

    def _figure(self, card, code):
        return card.figure_ids.filtered(lambda figure: figure.code == code)

    # ------------------------------------------------------------------
    # Minimum sample
    # ------------------------------------------------------------------
    def test_one_on_time_order_is_not_enough_data(self):
        self._order(datetime(2020, 1, 10, 8), accept_hours=1, done_days=1)
        self.Scorecard._symetrie_recompute("month", JANUARY)
        card = self._card()
        self.assertEqual(card.order_count, 1)
        self.assertFalse(card.enough_data)
        self.assertFalse(card.band)
        self.assertEqual(card.score, 0.0)
        on_time = self._figure(card, "on_time")
        self.assertEqual((on_time.value, on_time.sample_size, on_time.minimum), (100.0, 1, 3))
        self.assertFalse(on_time.enough_data)
        self.assertEqual(on_time.data_status, "Not enough data")
        # Closed, it still gets no incentive.
        self.Rule.create({"name": "Bonus A", "band": "A", "kind": "bonus", "percent": 2})
        card.with_user(self.eval_manager).action_close_period()
        card = self._card()
        card.with_user(self.eval_manager).action_propose_incentives()
        self.assertEqual(card.state, "closed")
        self.assertFalse(card.incentive_proposal_ids)

    def test_worked_scorecard(self):
        """A worked example, by hand (minimum 3, delay 5 days, acceptance 24 h).

        Contractor A, four orders sent in January 2020 (Paris):
          o1 accepted in 2 h, done on day 3      -> on time, accepted in time
          o2 accepted in 30 h, done on day 7     -> late, accepted late
          o3 accepted in 5 h, done on day 4      -> on time, accepted in time
          o4 never accepted (sent on 20 January) -> late (deadline 25 January
             passed), not accepted in time (24 h passed)
        on time: 2 / 4 due = 50 (sample 4)
        accepted in time: 2 / 4 = 50 (sample 4; the old rule said 2 / 3)
        transparency: 0 / 3 done = 0 (no step told; sample 3)
        work right first time: 100 - 0 / 3 = 100 (sample 3)
        tenant: no rating, sample 0 < 3: not enough data, left out
        axes: one evaluation, sample 1 < 3: left out
        score = (25 x 50 + 10 x 50 + 15 x 0 + 15 x 100) / (25 + 10 + 15 + 15)
              = 3250 / 65 = 50.0 -> band D (40 to 55)
        """
        self._order(datetime(2020, 1, 6, 8), accept_hours=2, done_days=3)
        self._order(datetime(2020, 1, 6, 8), accept_hours=30, done_days=7)
        self._order(datetime(2020, 1, 6, 8), accept_hours=5, done_days=4)
        self._order(datetime(2020, 1, 20, 8))
        self._evaluate(self.contractor_a, 5, date=JANUARY)
        self.Scorecard._symetrie_recompute("month", JANUARY)
        card = self._card()
        figures = {
            figure.code: (round(figure.value, 2), figure.sample_size, figure.enough_data)
            for figure in card.figure_ids
        }
        self.assertEqual(
            figures,
            {
                "on_time": (50.0, 4, True),
                "acceptance": (50.0, 4, True),
                "transparency": (0.0, 3, True),
                "rework": (100.0, 3, True),
                "tenant": (0.0, 0, False),
                # No visit slot is over yet: measured on nothing, never 100.
                "visits": (0.0, 0, False),
                "axes": (100.0, 1, False),
            },
        )
        self.assertTrue(card.enough_data)
        self.assertAlmostEqual(card.score, 50.0, places=2)
        self.assertEqual(card.band, "D")
        self.assertEqual(
            self._figure(card, "on_time").weight, self.company.symetrie_weight_on_time
        )

    def test_orders_never_accepted_are_not_accepted_in_time(self):
        self._order(datetime(2020, 1, 6, 8), accept_hours=1)
        self._order(datetime(2020, 1, 6, 8))
        self._order(datetime(2020, 1, 7, 8))
        self.Scorecard._symetrie_recompute("month", JANUARY)
        acceptance = self._figure(self._card(), "acceptance")
        # 1 accepted in 1 h, 2 never accepted: 1 / 3, not 1 / 1.
        self.assertAlmostEqual(acceptance.value, 33.33, places=2)
        self.assertEqual(acceptance.sample_size, 3)

    def test_landlord_paying_nothing_does_not_score_100_on_payment(self):
        for _i in range(3):
            order = self._order(datetime(2020, 1, 6, 8), accept_hours=1, done_days=1)
            self._bill(order, date(2020, 1, 12))
        self.Scorecard._symetrie_recompute("month", JANUARY)
        card = self._card(self.company.partner_id, role="landlord")
        payment = self._figure(card, "payment")
        # Three bills due on 11 February 2020, never paid: 0 of 3 on time.
        self.assertEqual((payment.value, payment.sample_size), (0.0, 3))
        self.assertTrue(payment.enough_data)
        self.assertEqual(card.bills_paid_count, 0)
        self.assertEqual(card.paid_late_rate, 100.0)

    def _bill(self, order, day, post=True):
        bill = self._work_order_bill(order, day, self.term)
        if post:
            bill.action_post()
        return bill

    def test_all_axis_weights_zero_gives_no_axes_score(self):
        self.axes.weight = 0
        for _i in range(3):
            self._evaluate(
                self.contractor_a, 1, date=JANUARY, evaluator_partner_id=self.env["res.partner"]
                .create({"name": f"Évaluateur {_i}"}).id
            )
        self._order(datetime(2020, 1, 6, 8), accept_hours=1, done_days=1)
        self._order(datetime(2020, 1, 6, 8), accept_hours=1, done_days=1)
        self._order(datetime(2020, 1, 6, 8), accept_hours=1, done_days=1)
        self.Scorecard._symetrie_recompute("month", JANUARY)
        card = self._card()
        axes = self._figure(card, "axes")
        # Not (0 - 1) x 25 = -25: the axes are left out of the score, which
        # is (25 x 100 + 10 x 100 + 15 x 0 + 15 x 100) / 65 (no step told).
        self.assertFalse(axes.enough_data)
        self.assertEqual(axes.value, 0.0)
        self.assertAlmostEqual(card.score, 5000 / 65, places=2)
        self.assertEqual(card.band, "B")

    def test_evaluation_score_uses_the_axis_weights(self):
        """Axis 1 scored 5 with weight 3, the ten others 1 with weight 1:
        (3 x 5 + 10 x 1) / 13 = 1.92, not (5 + 10) / 11 = 1.36."""
        self.axes.weight = 1
        self.axes[0].weight = 3
        evaluation = self._evaluate(self.contractor_a, 5, 1, submit=False)
        self.assertAlmostEqual(evaluation.score, 25 / 13, places=2)
        self.axes.weight = 0
        evaluation.invalidate_recordset(["score"])
        evaluation._compute_score()
        self.assertEqual(evaluation.score, 0.0)

    # ------------------------------------------------------------------
    # Periods
    # ------------------------------------------------------------------
    def test_paris_midnight_boundary(self):
        """An order sent on 1 February 2020 at 00:30 in Paris (31 January,
        23:30 UTC) is February's, not January's; one sent at 23:30 in Paris
        on 31 January (22:30 UTC) is January's."""
        february = self._order(datetime(2020, 1, 31, 23, 30))
        january = self._order(datetime(2020, 1, 31, 22, 30))
        self.Scorecard._symetrie_recompute("month", JANUARY)
        self.Scorecard._symetrie_recompute("month", date(2020, 2, 10))
        self.assertEqual(self._card().order_count, 1)
        self.assertEqual(self._card(day=date(2020, 2, 1)).order_count, 1)
        start, stop = self.Scorecard._symetrie_period_bounds(
            self.company, date(2020, 2, 1), date(2020, 2, 29)
        )
        self.assertEqual(start, datetime(2020, 1, 31, 23, 0))
        self.assertTrue(start <= february.symetrie_sent_date < stop)
        self.assertLess(january.symetrie_sent_date, start)

    def test_evaluation_counts_in_the_period_it_evaluates(self):
        """Written on 5 February about January: January's scorecard."""
        self._evaluate(
            self.contractor_a,
            4,
            date=date(2020, 2, 5),
            date_from=date(2020, 1, 1),
            date_to=date(2020, 1, 31),
        )
        self.Scorecard._symetrie_recompute("month", JANUARY)
        self.Scorecard._symetrie_recompute("month", date(2020, 2, 10))
        self.assertEqual(self._card().evaluation_count, 1)
        self.assertFalse(self._card(day=date(2020, 2, 1)))

    def test_order_declined_and_given_to_another_counts_once_sent_to_him(self):
        """Declined by A on 6 January, given to B and not sent to him yet:
        not an order B failed to accept in time."""
        for _i in range(3):
            self._order(datetime(2020, 1, 6, 8), accept_hours=1, partner=self.contractor_b)
        declined = self._order(datetime(2020, 1, 6, 8), steps=["sent", "declined"])
        declined.with_user(self.landlord).write({"partner_id": self.contractor_b.id})
        self.Scorecard._symetrie_recompute("month", JANUARY)
        acceptance = self._figure(self._card(partner=self.contractor_b), "acceptance")
        self.assertEqual(acceptance.value, 100.0)
        self.assertEqual(acceptance.sample_size, 3)

    def test_deadline_runs_from_the_sending_to_the_contractor(self):
        """Requested on 1 January, left in draft, sent on 20 January, done on
        the 23rd: on time (deadline 25 January), though 22 days after the
        request."""
        order = self._make_order(symetrie_request_date=datetime(2020, 1, 1, 8))
        order = self._walk(order, ["sent"])
        order.sudo().write(
            {
                "symetrie_sent_date": datetime(2020, 1, 20, 8),
                "symetrie_accepted_date": datetime(2020, 1, 20, 9),
                "symetrie_done_date": datetime(2020, 1, 23, 8),
            }
        )
        self.assertEqual(order.symetrie_contractor_deadline, datetime(2020, 1, 25, 8))
        self.Scorecard._symetrie_recompute("month", JANUARY)
        self.assertEqual(self._figure(self._card(), "on_time").value, 100.0)

    # ------------------------------------------------------------------
    # Closing
    # ------------------------------------------------------------------
    def test_closing_freezes_the_figures(self):
        for _i in range(3):
            self._order(datetime(2020, 1, 6, 8), accept_hours=1, done_days=1)
        self.Scorecard._symetrie_recompute("month", JANUARY)
        self._card().with_user(self.eval_manager).action_close_period()
        card = self._card()
        self.assertEqual(card.state, "closed")
        self.assertEqual(card.closed_by_id, self.eval_manager)
        before = (card.score, card.band, card.order_count)
        weights = card.figure_ids.mapped("weight")
        # Late orders, new weights and a new minimum after the closing.
        self._order(datetime(2020, 1, 8, 8), done_days=9)
        self.company.write({"symetrie_weight_on_time": 90, "symetrie_min_sample": 1})
        cards = self.Scorecard._symetrie_recompute("month", JANUARY)
        self.Scorecard._cron_recompute_scorecards()
        self.assertIn(card, cards)
        self.assertEqual((card.score, card.band, card.order_count), before)
        self.assertEqual(card.figure_ids.mapped("weight"), weights)
        self.assertEqual(card.min_sample, 3)
        with self.assertRaises(UserError):
            card.with_user(self.eval_manager).write({"score": 10})
        with self.assertRaises(UserError):
            card.figure_ids[:1].write({"value": 0})
        with self.assertRaises(UserError):
            card.unlink()
        with self.assertRaises(UserError):
            card.with_user(self.eval_manager).action_recompute()

    def test_period_not_ended_cannot_be_closed(self):
        self._order(datetime.now() - timedelta(hours=1))
        cards = self.Scorecard._symetrie_recompute("month")
        with self.assertRaises(UserError):
            cards.with_user(self.eval_manager).action_close_period()
        self.assertEqual(set(cards.mapped("state")), {"open"})

    def test_incentive_from_posted_bills_in_company_currency(self):
        """Three orders billed 250 each, one bill left in draft: 500 posted.
        Band B (76.92, no step told), bonus 2% of 500 = 10."""
        self.Rule.create({"name": "Bonus B", "band": "B", "kind": "bonus", "percent": 2})
        orders = [
            self._order(datetime(2020, 1, 6, 8), accept_hours=1, done_days=1)
            for _i in range(3)
        ]
        self._bill(orders[0], date(2020, 1, 12))
        self._bill(orders[1], date(2020, 1, 12))
        self._bill(orders[2], date(2020, 1, 12), post=False)
        self.Scorecard._symetrie_recompute("month", JANUARY)
        card = self._card()
        self.assertEqual(card.band, "B")
        self.assertEqual(card.billed_amount, 500.0)
        with self.assertRaises(UserError):
            card.with_user(self.eval_manager).action_propose_incentives()
        card.with_user(self.eval_manager).action_close_period()
        card = self._card()
        card.with_user(self.eval_manager).action_propose_incentives()
        proposal = card.incentive_proposal_ids
        self.assertEqual((proposal.kind, proposal.base_amount, proposal.amount), ("bonus", 500.0, 10.0))

    # ------------------------------------------------------------------
    # Evaluations
    # ------------------------------------------------------------------
    def test_draft_line_cannot_move_into_a_submitted_evaluation(self):
        # Submitted with a single rating: no axis line yet to collide with.
        submitted = self.env["symetrie.evaluation"].with_user(self.evaluator).create(
            {
                "direction": "landlord_to_contractor",
                "partner_id": self.contractor_a.id,
                "overall_rating": 4,
                "line_ids": [],
            }
        )
        submitted.action_submit()
        draft = self._evaluate(self.contractor_b, 2, submit=False)
        with self.assertRaises(UserError):
            draft.line_ids[:1].with_user(self.evaluator).evaluation_id = submitted
        self.assertFalse(submitted.line_ids)
        self.assertEqual(submitted.score, 4.0)

    def test_deleting_a_department_keeps_it_on_submitted_evaluations(self):
        department = self.env["symetrie.landlord.department"].create(
            {"name": "Service test", "code": "TEST"}
        )
        # A contractor (its company was sent work orders) rates the landlord.
        self.portal_a.partner_id.commercial_partner_id.symetrie_is_contractor = True
        Evaluation = self.env["symetrie.evaluation"].with_user(self.portal_a)
        evaluation = Evaluation._portal_rate_landlord(
            department, {axis.id: 3 for axis in self.axes}
        )
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            department.unlink()
        self.assertEqual(evaluation.department_id, department)
