# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo.tests import tagged

from .common import WorkOrderCase


@tagged("post_install", "-at_install", "is_query_count")
class TestSearchScale(WorkOrderCase):
    """The "late" and "not accepted in time" filters cost the same SQL
    whatever the number of orders: no order is loaded into Python."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tenant.email = False
        cls.now = datetime.now().replace(microsecond=0)

    def _add_orders(self, count):
        """Sent orders, 2 days old, past their deadline: late and at risk."""
        old = self.now - timedelta(days=30)
        orders = self.env["purchase.order"]
        for _i in range(count):
            orders |= self._make_order(symetrie_request_date=old)
        # Many orders at once: the state is set as the step writer sets it,
        # without posting each step (which the other tests cover).
        orders.sudo().with_context(symetrie_posting_step=True).write(
            {
                "symetrie_step": "sent",
                "symetrie_sent_date": self.now - timedelta(days=2),
            }
        )
        self.env.flush_all()
        return orders

    def _search_queries(self, domain):
        PurchaseOrder = self.env["purchase.order"].with_user(self.landlord)
        PurchaseOrder.search(domain)  # warm the access rules' cache
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        found = PurchaseOrder.search(domain)
        return self.cr.sql_log_count - before, found

    def test_filters_do_not_grow_with_the_orders(self):
        for domain in (
            [("symetrie_is_at_risk", "=", True)],
            [("symetrie_is_at_risk", "=", False)],
            [("symetrie_is_late", "=", True)],
            [("symetrie_is_late", "=", False)],
        ):
            with self.subTest(domain=domain):
                few = self._add_orders(5)
                few_count, found = self._search_queries(domain)
                many = self._add_orders(45)
                many_count, found = self._search_queries(domain)
                self.assertEqual(few_count, many_count)
                if domain[0][2]:
                    self.assertLessEqual(few | many, found)
                else:
                    self.assertFalse((few | many) & found)
                with self.assertQueryCount(few_count):
                    self.env["purchase.order"].with_user(self.landlord).search(domain)
                # The orders are found in SQL, not listed by id into the query.
                sql = self.env["purchase.order"]._search(domain).select()
                listed = [
                    p for p in sql.params
                    if isinstance(p, (list, tuple)) and set(few.ids) <= set(p)
                ]
                self.assertFalse(listed, "the search carries the orders' ids")

    def test_at_risk_reads_the_delays_once(self):
        """A list, its pager's count and its groups each search "not accepted
        in time": once read, the companies' delays cost no more query."""
        self._add_orders(3)
        domain = [("symetrie_is_at_risk", "=", True)]
        PurchaseOrder = self.env["purchase.order"].with_user(self.landlord)
        PurchaseOrder.search(domain)
        self.env.invalidate_all()
        with self.assertQueryCount(1):
            self.assertEqual(len(PurchaseOrder.search(domain)), 3)

    def test_at_risk_delays_do_not_depend_on_who_asks_first(self):
        """The cached delays have no context key: an archived company's
        delay is there whether the first search saw archived records or not
        (its orders stay in the database, and someone may still read them)."""
        archived = self.env["res.company"].create(
            {"name": "Ancien bailleur", "symetrie_acceptance_delay_hours": 12}
        )
        archived.active = False
        Company = self.env["res.company"]
        for context in ({}, {"active_test": False}):
            with self.subTest(context=context):
                self.env.registry.clear_cache()
                delays = dict(Company.with_context(**context)._symetrie_acceptance_delays())
                self.assertEqual(delays.get(archived.id), timedelta(hours=12))
                self.assertEqual(
                    delays.get(self.env.company.id),
                    self.env.company._symetrie_acceptance_delay(),
                )

    def test_at_risk_follows_each_company_delay(self):
        order = self._add_orders(1)
        PurchaseOrder = self.env["purchase.order"]
        self.assertIn(order, PurchaseOrder.search([("symetrie_is_at_risk", "=", True)]))
        order.company_id.symetrie_acceptance_delay_hours = 72
        self.assertNotIn(
            order, PurchaseOrder.search([("symetrie_is_at_risk", "=", True)])
        )
        self.assertIn(order, PurchaseOrder.search([("symetrie_is_at_risk", "=", False)]))
        self.assertFalse(order.symetrie_is_at_risk)

    def test_open_order_without_deadline_is_not_late(self):
        order = self._make_order()
        order.sudo().with_context(symetrie_posting_step=True).write(
            {"symetrie_step": "sent", "symetrie_deadline": False}
        )
        PurchaseOrder = self.env["purchase.order"]
        self.assertFalse(order.symetrie_is_late)
        self.assertNotIn(order, PurchaseOrder.search([("symetrie_is_late", "=", True)]))
        self.assertIn(order, PurchaseOrder.search([("symetrie_is_late", "=", False)]))
