# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo.tests import tagged

from .common import WorkOrderCase


@tagged("post_install", "-at_install")
class TestLateOrders(WorkOrderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tenant.email = False
        cls.activity_type = cls.env.ref("symetrie_orders.mail_activity_type_late_order")

    def _activities(self, order):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "purchase.order"),
                ("res_id", "=", order.id),
                ("activity_type_id", "=", self.activity_type.id),
            ]
        )

    def test_late_order_is_visible_and_flagged_once(self):
        old = datetime.now() - timedelta(days=20)
        late = self._walk(self._make_order(symetrie_request_date=old), ["sent", "accepted"])
        on_time = self._walk(self._make_order(), ["sent", "accepted"])
        done_late = self._walk(
            self._make_order(symetrie_request_date=old),
            ["sent", "accepted", "on_site", "work_done"],
        )
        self.assertTrue(late.symetrie_is_late)
        self.assertFalse(on_time.symetrie_is_late)
        self.assertFalse(done_late.symetrie_is_late, "work done is not late any more")
        found = self.env["purchase.order"].search([("symetrie_is_late", "=", True)])
        self.assertIn(late, found)
        self.assertNotIn(on_time, found)
        self.assertNotIn(done_late, found)

        self.env["purchase.order"]._cron_flag_late_work_orders()
        activity = self._activities(late)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.landlord)
        self.assertIn("Deadline passed", activity.note)
        self.assertFalse(self._activities(on_time))
        self.assertFalse(self._activities(done_late))
        self.env["purchase.order"]._cron_flag_late_work_orders()
        self.assertEqual(len(self._activities(late)), 1, "flagged once only")

    def test_unaccepted_order_is_at_risk_after_the_acceptance_delay(self):
        order = self._walk(self._make_order(), ["sent"])
        self.assertFalse(order.symetrie_is_at_risk)
        later = datetime.now() + timedelta(hours=25)
        order_later = order.with_context(symetrie_now=later)
        self.assertTrue(order_later.symetrie_is_at_risk)
        PurchaseOrder = self.env["purchase.order"].with_context(symetrie_now=later)
        self.assertIn(order, PurchaseOrder.search([("symetrie_is_at_risk", "=", True)]))
        PurchaseOrder._cron_flag_late_work_orders()
        self.assertIn("not accepted", self._activities(order).note)
        self._walk(order, ["accepted"])
        self.assertFalse(order.with_context(symetrie_now=later).symetrie_is_at_risk)

    def test_scheduled_action_exists_and_runs_daily(self):
        cron = self.env.ref("symetrie_orders.ir_cron_flag_late_work_orders")
        self.assertTrue(cron.active)
        self.assertEqual((cron.interval_number, cron.interval_type), (1, "days"))
