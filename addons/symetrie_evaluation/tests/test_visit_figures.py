# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import date, datetime, timedelta

from odoo.tests import tagged

from .common import EvaluationCase

JANUARY = date(2020, 1, 15)
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestVisitFigures(EvaluationCase):
    """No-shows count against the contractor; the tenant's absences never do."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"symetrie_min_sample": 3})
        cls.Scorecard = cls.env["symetrie.scorecard"]

    def _order_with_past_visit(self):
        order = self._walk(self._make_order(), ["sent", "accepted"])
        order.sudo().symetrie_sent_date = datetime(2020, 1, 10, 8)
        self._book_past_visit(order)
        return order

    def _book_past_visit(self, order):
        start = datetime.now().replace(microsecond=0) - timedelta(hours=3)
        order.with_user(self.landlord)._symetrie_book_visit(start, start + timedelta(hours=2))

    def _card(self):
        self.Scorecard._symetrie_recompute("month", JANUARY)
        return self.Scorecard.search(
            [
                ("partner_id", "=", self.contractor_a.id),
                ("role", "=", "contractor"),
                ("period_type", "=", "month"),
                ("date_from", "=", JANUARY.replace(day=1)),
            ]
        )

    def test_no_shows_and_tenant_absences_are_counted_apart(self):
        self._order_with_past_visit()
        self._order_with_past_visit()
        absent = self._order_with_past_visit()
        photo = self.env["ir.attachment"].with_user(self.landlord).create(
            {"name": "avis.png", "raw": PNG}
        )
        absent.with_user(self.landlord)._symetrie_tenant_absent(photo, note="Avis laissé")
        self._book_past_visit(absent)  # booked again, kept this time
        missed = self._order_with_past_visit()
        missed._symetrie_tenant_report_no_show("Personne")
        card = self._card()
        self.assertEqual(
            (card.visit_count, card.no_show_count, card.tenant_absent_count), (5, 1, 1)
        )
        figure = card.figure_ids.filtered(lambda f: f.code == "visits")
        # The tenant's absence leaves the sample: 3 kept of 4, not 3 of 5.
        self.assertEqual(figure.sample_size, 4)
        self.assertAlmostEqual(figure.value, 75.0)
        self.assertTrue(figure.enough_data)

    def test_a_tenant_absence_never_lowers_the_score(self):
        self.company.write(
            {
                name: 0.0
                for name in (
                    "symetrie_weight_on_time",
                    "symetrie_weight_acceptance",
                    "symetrie_weight_transparency",
                    "symetrie_weight_rework",
                    "symetrie_weight_tenant",
                    "symetrie_weight_axes",
                )
            }
            | {"symetrie_weight_visits": 10.0}
        )
        orders = [self._order_with_past_visit() for _i in range(3)]
        self.assertAlmostEqual(self._card().score, 100.0)
        photo = self.env["ir.attachment"].with_user(self.landlord).create(
            {"name": "avis.png", "raw": PNG}
        )
        orders[0].with_user(self.landlord)._symetrie_tenant_absent(photo)
        self._book_past_visit(orders[0])
        card = self._card()
        self.assertEqual(card.tenant_absent_count, 1)
        self.assertAlmostEqual(card.score, 100.0)
        orders[1]._symetrie_tenant_report_no_show()
        card = self._card()
        self.assertEqual(card.no_show_count, 1)
        # 2 kept of the 3 visits the tenant was there for.
        self.assertAlmostEqual(card.score, 200 / 3, places=2)
