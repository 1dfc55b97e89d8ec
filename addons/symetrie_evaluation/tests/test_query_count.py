# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime
from unittest.mock import patch

from odoo.sql_db import Cursor
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

    def test_recompute_writes_each_line_once(self):
        """The figures and axis lines are inserted with their card's partner,
        role, company and date: no UPDATE of the lines after their INSERT (one
        per hundred lines, so per group of contractors, at a landlord's
        volume)."""
        self._orders(self.contractor_a, 2)
        self._rate(self.contractor_a)
        self.env.flush_all()
        statements = []
        execute = Cursor.execute

        def logged(cursor, query, params=None, log_exceptions=True):
            statements.append(str(query))
            return execute(cursor, query, params, log_exceptions)

        with patch.object(Cursor, "execute", logged):
            cards = self.env["symetrie.scorecard"]._symetrie_recompute(
                "month", date(2020, 1, 15)
            )
            self.env.flush_all()
        card = cards.filtered(lambda c: c.partner_id == self.contractor_a)
        self.assertTrue(card.figure_ids and card.axis_line_ids)
        updates = [
            sql
            for sql in statements
            if "UPDATE" in sql
            and ("symetrie_scorecard_figure" in sql or "symetrie_scorecard_axis" in sql)
        ]
        self.assertFalse(updates)
        for line in card.figure_ids:
            self.assertEqual(
                (line.partner_id, line.role, line.company_id),
                (card.partner_id, card.role, card.company_id),
            )
        for line in card.axis_line_ids:
            self.assertEqual(
                (line.partner_id, line.date_from, line.company_id),
                (card.partner_id, card.date_from, card.company_id),
            )
