# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import WorkOrderCase


@tagged("post_install", "-at_install", "is_query_count")
class TestQueryCount(WorkOrderCase):
    """Posting a step costs the same whatever the order's history."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tenant.email = False

    def _queries(self, func):
        # Flushed like assertQueryCount does, so both count the same work.
        self.env.flush_all()
        self.env.cr.flush()
        before = self.cr.sql_log_count
        func()
        self.env.flush_all()
        self.env.cr.flush()
        return self.cr.sql_log_count - before

    def _order_with_history(self, rebookings):
        order = self._walk(self._make_order(), ["sent", "accepted"])
        for day in range(rebookings):
            order.with_user(self.landlord)._symetrie_book_visit(*self._slot(day + 1))
        self.env.invalidate_all()
        return order.with_user(self.landlord)

    def test_posting_a_step_does_not_grow_with_history(self):
        short = self._order_with_history(1)
        long = self._order_with_history(40)
        self.assertEqual(len(long.symetrie_event_ids), 42)
        self.env.invalidate_all()
        short_count = self._queries(short.action_symetrie_on_site)
        self.env.invalidate_all()
        long_count = self._queries(long.action_symetrie_on_site)
        self.assertEqual(short_count, long_count)
        medium = self._order_with_history(3)
        with self.assertQueryCount(short_count):
            medium.action_symetrie_on_site()

    def _send_queries(self):
        order = self._make_order().with_user(self.landlord)
        self.env.invalidate_all()
        return self._queries(order.action_symetrie_send)

    def test_sending_an_order_does_not_grow_with_other_orders(self):
        # The first send of a run fills caches (access rules, vendor list):
        # compare the steady cost, before and after many more orders and events.
        self._send_queries()
        before = self._send_queries()
        for _i in range(15):
            self._walk(self._make_order(), ["sent", "accepted", "on_site"])
        self.assertEqual(self._send_queries(), before)
        order = self._make_order().with_user(self.landlord)
        self.env.invalidate_all()
        with self.assertQueryCount(before):
            order.action_symetrie_send()
