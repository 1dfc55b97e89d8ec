# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo.tests import tagged

from .common import EvaluationCase


@tagged("post_install", "-at_install", "is_query_count")
class TestScorecardQueryCount(EvaluationCase):
    """Recomputing the scorecards costs the same for 1 or many contractors."""

    def _recompute_queries(self):
        Scorecard = self.env["symetrie.scorecard"]
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        Scorecard._symetrie_recompute("month", date(2020, 1, 15))
        self.env.flush_all()
        return self.cr.sql_log_count - before

    def _orders(self, partner, count):
        for _i in range(count):
            order = self._walk(
                self._make_order(partner=partner), ["sent", "accepted", "on_site"]
            )
            # In a past month of their own, away from the demo orders.
            order.sudo().symetrie_sent_date = datetime(2020, 1, 10)

    def _rate(self, partner):
        self._evaluate(partner, 4, 3, date=date(2020, 1, 20))

    def test_recompute_does_not_grow_with_orders_and_contractors(self):
        self._orders(self.contractor_a, 1)
        self._rate(self.contractor_a)
        self._recompute_queries()  # warm the caches
        few = self._recompute_queries()
        self._orders(self.contractor_a, 4)
        self._orders(self.contractor_b, 3)
        for index in range(3):
            partner = self.env["res.partner"].create(
                {"name": f"Prestataire {index}", "is_company": True}
            )
            self._orders(partner, 2)
            self._rate(partner)
        self._rate(self.contractor_b)
        many = self._recompute_queries()
        self.assertEqual(
            self.env["symetrie.scorecard"].search_count(
                [("role", "=", "contractor"), ("date_from", "=", date(2020, 1, 1))]
            ),
            5,
        )
        self.assertEqual(few, many)
        with self.assertQueryCount(few):
            self.env["symetrie.scorecard"]._symetrie_recompute("month", date(2020, 1, 15))
