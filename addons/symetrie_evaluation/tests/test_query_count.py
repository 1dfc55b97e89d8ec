# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime
from unittest.mock import patch

from odoo import Command
from odoo.sql_db import Cursor
from odoo.tests import freeze_time, tagged

from .common import EvaluationCase


@tagged("post_install", "-at_install", "is_query_count")
class TestScorecardQueryCount(EvaluationCase):
    """Recomputing the scorecards costs the same for 1 or many contractors."""

    def _recompute_queries(self, rebuild=True):
        """Queries of one recompute of January 2020; ``rebuild``: its cards
        are deleted first, so that every card is written anew."""
        Scorecard = self.env["symetrie.scorecard"]
        if rebuild:
            Scorecard.search([("date_from", "=", date(2020, 1, 1))]).unlink()
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
        self._recompute_queries()  # warm again: the new partners' caches
        many = self._recompute_queries()
        self.assertEqual(
            self.env["symetrie.scorecard"].search_count(
                [("role", "=", "contractor"), ("date_from", "=", date(2020, 1, 1))]
            ),
            5,
        )
        self.assertEqual(few, many)
        Scorecard = self.env["symetrie.scorecard"]
        Scorecard.search([("date_from", "=", date(2020, 1, 1))]).unlink()
        with self.assertQueryCount(few):
            Scorecard._symetrie_recompute("month", date(2020, 1, 15))

    def _statements(self, func):
        """The SQL statements ``func`` runs (flushed)."""
        self.env.flush_all()
        statements = []
        execute = Cursor.execute

        def logged(cursor, query, params=None, log_exceptions=True):
            statements.append(str(query))
            return execute(cursor, query, params, log_exceptions)

        with patch.object(Cursor, "execute", logged):
            result = func()
            self.env.flush_all()
        return result, statements

    def _month_cards(self):
        return self.env["symetrie.scorecard"].search(
            [("date_from", "=", date(2020, 1, 1)), ("period_type", "=", "month")]
        )

    def test_recompute_with_nothing_new_writes_only_the_time(self):
        """The nightly recompute of a period where nothing happened rewrites
        no card and no line: the same cards, their time of computation only,
        whatever the number of contractors."""
        self._orders(self.contractor_a, 2)
        self._orders(self.contractor_b, 1)
        self._rate(self.contractor_a)
        Scorecard = self.env["symetrie.scorecard"]
        Scorecard._symetrie_recompute("month", date(2020, 1, 15))
        cards = self._month_cards()
        lines = (cards.figure_ids.ids, cards.axis_line_ids.ids)
        self.assertEqual(len(cards.filtered(lambda c: c.role == "contractor")), 2)
        _result, statements = self._statements(
            lambda: Scorecard._symetrie_recompute("month", date(2020, 1, 15))
        )
        self.assertEqual(self._month_cards(), cards, "the same cards, not new ones")
        self.assertEqual((cards.figure_ids.ids, cards.axis_line_ids.ids), lines)
        writes = [
            sql for sql in statements
            if "symetrie_scorecard" in sql and sql.lstrip().startswith(("INSERT", "DELETE", "UPDATE"))
        ]
        # At most the time of computation, in one statement for every card
        # (none when the clock has not moved a second since).
        self.assertLessEqual(len(writes), 1, writes)
        for sql in writes:
            self.assertRegex(sql, r'UPDATE "symetrie_scorecard"\s+SET "computed_on"')
        # As many queries for 2 contractors as for 5, the clock stopped so
        # that both write the time the same way.
        with freeze_time("2026-03-02 08:00:00"):
            self._recompute_queries(rebuild=False)
            few = self._recompute_queries(rebuild=False)
            for index in range(3):
                partner = self.env["res.partner"].create(
                    {"name": f"Prestataire {index}", "is_company": True}
                )
                self._orders(partner, 1)
            Scorecard._symetrie_recompute("month", date(2020, 1, 15))
            self._recompute_queries(rebuild=False)
            many = self._recompute_queries(rebuild=False)
        self.assertEqual(
            len(self._month_cards().filtered(lambda c: c.role == "contractor")), 5
        )
        self.assertEqual(few, many)

    def _bulk_orders(self, count):
        """One sent order of January 2020 for each of ``count`` new
        contractors, created at once (the step set as the step writer does)."""
        partners = self.env["res.partner"].create(
            [{"name": f"Prestataire {index}", "is_company": True} for index in range(count)]
        )
        orders = self.env["purchase.order"].create(
            [
                {
                    "symetrie_is_work_order": True,
                    "partner_id": partner.id,
                    "symetrie_dwelling_id": self.dwelling.id,
                    "symetrie_trade_id": self.plumbing.id,
                    "symetrie_urgency": "normal",
                    "symetrie_description": "Fuite",
                    "order_line": [
                        Command.create(
                            {"product_id": self.product.id, "name": "Intervention",
                             "product_qty": 1, "price_unit": 100.0}
                        )
                    ],
                }
                for partner in partners
            ]
        )
        orders.sudo().with_context(symetrie_posting_step=True).write(
            {"symetrie_step": "sent", "symetrie_sent_date": datetime(2020, 1, 10)}
        )

    def _recompute_queries_of_a_new_day(self):
        """Queries of a recompute with nothing new but the time: every card
        gets its new time of computation."""
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE symetrie_scorecard SET computed_on = '2020-02-01' WHERE date_from = '2020-01-01'"
        )
        return self._recompute_queries(rebuild=False)

    def test_nothing_new_costs_the_same_past_the_orm_batches(self):
        """The ORM reads 1,000 rows and writes 100 a statement: for 150
        contractors (over 1,000 figure lines) a recompute with nothing new
        still costs what it costs for 2."""
        self._orders(self.contractor_a, 1)
        self._orders(self.contractor_b, 1)
        self._recompute_queries(rebuild=False)
        self._recompute_queries_of_a_new_day()
        few = self._recompute_queries_of_a_new_day()
        self._bulk_orders(150)
        self._recompute_queries(rebuild=False)
        self._recompute_queries_of_a_new_day()
        many = self._recompute_queries_of_a_new_day()
        cards = self._month_cards()
        self.assertGreater(len(cards.filtered(lambda c: c.role == "contractor")), 150)
        self.assertGreater(len(cards.figure_ids), 1000)
        self.assertNotEqual(
            set(cards.mapped("computed_on")), {datetime(2020, 2, 1)}, "the time is written"
        )
        self.assertEqual(few, many)

    def test_recompute_updates_a_changed_card_in_place(self):
        """A new order changes its contractor's card and figures in place
        (same records) and leaves the other contractor's lines alone."""
        self._orders(self.contractor_a, 2)
        self._orders(self.contractor_b, 1)
        Scorecard = self.env["symetrie.scorecard"]
        Scorecard._symetrie_recompute("month", date(2020, 1, 15))
        card_a = self._month_cards().filtered(lambda c: c.partner_id == self.contractor_a)
        card_b = self._month_cards().filtered(lambda c: c.partner_id == self.contractor_b)
        figures_a, figures_b = card_a.figure_ids, card_b.figure_ids
        self.assertEqual(card_a.order_count, 2)
        self._orders(self.contractor_a, 1)
        _result, statements = self._statements(
            lambda: Scorecard._symetrie_recompute("month", date(2020, 1, 15))
        )
        self.assertEqual(
            self._month_cards().filtered(lambda c: c.partner_id == self.contractor_a), card_a
        )
        self.assertEqual(card_a.order_count, 3)
        self.assertEqual(card_a.figure_ids, figures_a, "the figures are updated, not replaced")
        on_time = card_a.figure_ids.filtered(lambda f: f.code == "on_time")
        self.assertEqual(on_time.sample_size, card_a.due_count)
        self.assertEqual(card_b.figure_ids, figures_b)
        self.assertFalse(
            [sql for sql in statements if sql.lstrip().startswith(("INSERT", "DELETE"))
             and "symetrie_scorecard" in sql],
            "nothing deleted or inserted",
        )

    def test_recompute_writes_each_line_once(self):
        """The figures and axis lines are inserted with their card's partner,
        role, company and date: no UPDATE of the lines after their INSERT (one
        per hundred lines, so per group of contractors, at a landlord's
        volume)."""
        self._orders(self.contractor_a, 2)
        self._rate(self.contractor_a)
        cards, statements = self._statements(
            lambda: self.env["symetrie.scorecard"]._symetrie_recompute("month", date(2020, 1, 15))
        )
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
