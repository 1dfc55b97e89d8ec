# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import EvaluationCase

# A past month of its own, away from the demo orders sent today.
DAY = date(2020, 1, 15)
SENT = datetime(2020, 1, 10, 8, 0)
FULL = ["sent", "accepted", "visit_booked", "on_the_way", "on_site", "work_done"]


@tagged("post_install", "-at_install")
class TestScorecard(EvaluationCase):
    """Three orders of contractor A and one of B, dated by hand.

    A: o1 done a day before its deadline, accepted in 2 h, every step told,
       work accepted 5 h after it was done; o2 done a day late, accepted in
       30 h, visit and trip not told, work refused once; o3 done 2 days early,
       accepted in 10 h, every step told.
    B: o4 declined (incomplete) then sent again and accepted.

    The company gives normal orders 5 days from their sending and asks for a
    sample of 1 here: the minimum sample has its own tests (test_figures).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"symetrie_min_sample": 1, "symetrie_delay_normal_days": 5})
        cls.Scorecard = cls.env["symetrie.scorecard"]
        cls.today = DAY
        cls.o1 = cls._walk_cls(cls._make_order(), [*FULL, "work_accepted"])
        cls.o2 = cls._walk_cls(
            cls._make_order(),
            ["sent", "accepted", "on_site", "work_done", "work_refused", "on_site", "work_done"],
        )
        cls.o3 = cls._walk_cls(cls._make_order(), FULL)
        cls.o4 = cls._walk_cls(
            cls._make_order(partner=cls.contractor_b), ["sent", "declined", "sent", "accepted"]
        )
        for order, accept_hours, done_days in (
            (cls.o1, 2, 4),
            (cls.o2, 30, 6),
            (cls.o3, 10, 3),
            (cls.o4, 1, None),
        ):
            sent = SENT
            order.sudo().write(
                {
                    "symetrie_sent_date": sent,
                    "symetrie_accepted_date": sent + timedelta(hours=accept_hours),
                    "symetrie_done_date": done_days and sent + timedelta(days=done_days),
                }
            )
        cls.env.flush_all()
        cls.env.cr.execute(
            "UPDATE symetrie_order_event SET date = %s WHERE order_id = %s AND step = %s",
            (cls.o1.symetrie_done_date + timedelta(hours=5), cls.o1.id, "work_accepted"),
        )
        Evaluation = cls.env["symetrie.evaluation"]
        Evaluation._symetrie_tenant_rating(cls.o1, 5)
        Evaluation._symetrie_tenant_rating(cls.o2, 2)
        # The tenants rated on the day, in that past month.
        cls.env.flush_all()
        cls.env.cr.execute(
            "UPDATE symetrie_evaluation SET date = %s WHERE order_id IN %s",
            (DAY, (cls.o1.id, cls.o2.id)),
        )
        cls.env.invalidate_all()
        cls._evaluate(cls.contractor_a, 4, date=DAY)
        cls.env["symetrie.evaluation"].with_user(cls.portal_a)._portal_rate_landlord(
            cls.department_local, {axis.id: 2 for axis in cls.axes}, day=DAY
        )

    @classmethod
    def _walk_cls(cls, order, steps):
        order = order.with_user(cls.landlord)
        for step in steps:
            if step == "sent":
                order.action_symetrie_send()
            elif step == "visit_booked":
                start = fields.Datetime.now() + timedelta(days=1)
                order._symetrie_book_visit(start, start + timedelta(hours=2))
            elif step in ("declined", "work_refused", "work_done"):
                order._symetrie_post_step(step, note="Motif ou rapport")
            else:
                order._symetrie_post_step(step)
        return order

    def _card(self, partner, role="contractor", department=False):
        return self.Scorecard.search(
            [
                ("partner_id", "=", partner.id),
                ("role", "=", role),
                ("department_id", "=", department and department.id),
                ("period_type", "=", "month"),
                ("date_from", "=", self.today.replace(day=1)),
            ]
        )

    def test_contractor_kpis_from_the_orders(self):
        self.Scorecard._symetrie_recompute("month", DAY)
        card = self._card(self.contractor_a)
        self.assertEqual(card.order_count, 3)
        self.assertEqual(card.done_count, 3)
        # 2 of 3 done before the deadline.
        self.assertAlmostEqual(card.on_time_rate, 66.67, places=2)
        # Median of 2 h, 10 h and 30 h.
        self.assertAlmostEqual(card.accept_hours, 10.0, places=2)
        # 2 of 3 accepted within the company's 24 h.
        self.assertAlmostEqual(card.accepted_in_time_rate, 66.67, places=2)
        # o2 did not tell the visit nor the trip.
        self.assertAlmostEqual(card.transparency_rate, 66.67, places=2)
        # o2's work was refused once.
        self.assertAlmostEqual(card.rework_rate, 33.33, places=2)
        # Tenants rated 5 and 2.
        self.assertAlmostEqual(card.tenant_satisfaction, 3.5, places=2)
        self.assertEqual(card.tenant_rating_count, 2)
        self.assertAlmostEqual(card.axes_score, 4.0, places=2)
        self.assertEqual(len(card.axis_line_ids), 11)

    def test_weighted_score_and_band(self):
        self.Scorecard._symetrie_recompute("month", DAY)
        card = self._card(self.contractor_a)
        # (25 + 10 + 15 + 15) x 66.67 + 15 x 62.5 (tenant 3.5/5) + 20 x 75 (axes 4/5)
        # = 4333.33 + 937.5 + 1500 = 6770.83, out of 100 weight points.
        self.assertAlmostEqual(card.score, 67.71, places=2)
        self.assertEqual(card.band, "C")
        self.company.symetrie_band_b = 65
        self.company.write({"symetrie_weight_axes": 0, "symetrie_weight_tenant": 0})
        self.Scorecard._symetrie_recompute("month", DAY)
        card = self._card(self.contractor_a)
        self.assertAlmostEqual(card.score, 66.67, places=2)
        self.assertEqual(card.band, "B")

    def test_open_order_past_its_deadline_counts_as_late(self):
        self.Scorecard._symetrie_recompute("month", DAY)
        card = self._card(self.contractor_b)
        # o4's deadline (15 January 2020) has passed and its work is not done.
        self.assertEqual(card.order_count, 1)
        self.assertEqual(card.due_count, 1)
        self.assertEqual(card.done_count, 0)
        self.assertEqual(card.on_time_rate, 0.0)
        # Only on-time (0%, weight 25) and acceptance (1 h: 100%, weight 10)
        # are measured: 1000 / 35 = 28.57.
        self.assertAlmostEqual(card.score, 28.57, places=2)
        self.assertEqual(card.band, "E")

    def test_reverse_scorecard_of_the_landlord(self):
        self.Scorecard._symetrie_recompute("month", DAY)
        landlord = self.company.partner_id
        card = self._card(landlord, role="landlord")
        self.assertEqual(card.order_count, 4)
        # o4 was declined, then sent again: 3 of 4 orders were complete.
        self.assertAlmostEqual(card.completeness_rate, 75.0, places=2)
        # o1's work was accepted 5 h after it was done; the work of o2 and o3,
        # done in January 2020, was never accepted: not in time either.
        self.assertAlmostEqual(card.work_accept_hours, 5.0, places=2)
        self.assertAlmostEqual(card.work_accepted_in_time_rate, 33.33, places=2)
        self.assertAlmostEqual(card.axes_score, 2.0, places=2)
        # (40 x 75 + 30 x 33.33 + 20 x 25) / 90 = 4500 / 90
        self.assertAlmostEqual(card.score, 50.0, places=2)
        self.assertEqual(card.band, "D")
        local = self._card(landlord, role="landlord", department=self.department_local)
        self.assertAlmostEqual(local.axes_score, 2.0, places=2)
        self.assertFalse(
            self._card(landlord, role="landlord", department=self.department_contracts)
        )

    def test_landlord_scored_on_bills_paid_on_time(self):
        # o1 (work accepted) billed on 12 January 2020 at 30 days, due on
        # 11 February, paid on 21 February: 10 days late. o3 (work not
        # accepted yet) billed the same day: held.
        term = self.env["account.payment.term"].create(
            {
                "name": "30 jours",
                "line_ids": [
                    Command.create({"value": "percent", "value_amount": 100, "nb_days": 30})
                ],
            }
        )
        paid = self._bill(self.o1, term)
        held = self._bill(self.o3, term)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=paid.ids
        ).create({"payment_date": date(2020, 2, 21)})._create_payments()
        self.assertTrue(held.symetrie_is_held)
        self.Scorecard._symetrie_recompute("month", DAY)
        card = self._card(self.company.partner_id, role="landlord")
        self.assertEqual(card.bills_paid_count, 1)
        # The held bill, due on 11 February 2020 and never paid, is due too.
        self.assertEqual(card.bills_due_count, 2)
        self.assertAlmostEqual(card.days_to_pay, 40.0, places=2)
        self.assertAlmostEqual(card.paid_late_rate, 100.0, places=2)
        self.assertAlmostEqual(card.held_amount, held.amount_total, places=2)
        # (30 x 0 + 40 x 75 + 30 x 33.33 + 20 x 25) / 120: paying late costs the landlord.
        self.assertAlmostEqual(card.score, 37.5, places=2)
        self.assertEqual(card.band, "E")

    def _bill(self, order, term):
        bill = self._work_order_bill(order, date(2020, 1, 12), term)
        bill.action_post()
        return bill

    def test_history_is_kept_and_trend_shows(self):
        previous_day = self.today.replace(day=1) - timedelta(days=1)
        previous = self.Scorecard.create(
            {
                "partner_id": self.contractor_a.id,
                "role": "contractor",
                "company_id": self.company.id,
                "currency_id": self.company.currency_id.id,
                "period_type": "month",
                "date_from": previous_day.replace(day=1),
                "date_to": previous_day,
                "score": 50.0,
                "band": "D",
            }
        )
        self.Scorecard._symetrie_recompute("month", DAY)
        self.Scorecard._symetrie_recompute("month", DAY)
        card = self._card(self.contractor_a)
        self.assertEqual(len(card), 1)
        self.assertTrue(previous.exists())
        self.assertTrue(card.has_previous)
        self.assertAlmostEqual(card.previous_score, 50.0)
        self.assertAlmostEqual(card.trend, 17.71, places=2)

    def test_contractor_sees_its_own_and_the_landlords_scorecards_only(self):
        self.Scorecard._symetrie_recompute("month", DAY)
        cards = self.Scorecard.with_user(self.portal_b).search([])
        self.assertEqual(
            set(cards.mapped(lambda c: (c.role, c.partner_id.id))),
            {("contractor", self.contractor_b.id), ("landlord", self.company.partner_id.id)},
        )
        with self.assertRaises(AccessError):
            self._card(self.contractor_a).with_user(self.portal_b).read(["score"])

    def test_evaluation_user_cannot_forge_a_scorecard(self):
        with self.assertRaises(AccessError):
            self.Scorecard.with_user(self.evaluator).create(
                {
                    "partner_id": self.contractor_a.id,
                    "role": "contractor",
                    "company_id": self.company.id,
                "currency_id": self.company.currency_id.id,
                    "period_type": "month",
                    "date_from": self.today,
                    "date_to": self.today,
                    "score": 99.0,
                }
            )

    def test_cron_builds_every_period_type(self):
        self.Scorecard._cron_recompute_scorecards()
        cards = self.Scorecard.search([("date_to", ">=", fields.Date.today())])
        card_types = set(cards.mapped("period_type"))
        self.assertEqual(card_types, {"month", "quarter", "year"})
