# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged

from ..models.symetrie_order_event import TRACKING_STEPS


@tagged("post_install", "-at_install")
class TestDemoData(TransactionCase):
    def test_demo_housing_stock(self):
        buildings = self.env["symetrie.building"].search(
            [("code", "in", ("TIL", "CAN"))]
        )
        self.assertEqual(len(buildings), 2)
        dwellings = self.env["symetrie.dwelling"].search(
            [("building_id", "in", buildings.ids)]
        )
        self.assertEqual(len(dwellings), 10)
        self.assertTrue(all(dwellings.mapped("tenant_id.mobile")))

    def test_demo_contractors_have_portal_logins(self):
        for xmlid in ("plumbing", "electricity", "locksmith"):
            contractor = self.env.ref(f"symetrie_orders.partner_contractor_{xmlid}")
            users = self.env["res.users"].search(
                [("partner_id.commercial_partner_id", "=", contractor.id)]
            )
            self.assertTrue(users and all(users.mapped("share")), xmlid)

    def test_demo_orders_in_every_step_with_late_ones(self):
        orders = self.env["purchase.order"].search(
            [("symetrie_is_work_order", "=", True)]
        )
        self.assertEqual(
            set(orders.mapped("symetrie_step")), {key for key, _l in TRACKING_STEPS}
        )
        self.assertGreaterEqual(len(orders.filtered("symetrie_is_late")), 2)
        sent = self.env.ref("symetrie_orders.work_order_paid")
        self.assertEqual(
            sent.symetrie_event_ids.sorted("id").mapped("step"),
            ["sent", "accepted", "on_site", "work_done", "work_accepted", "billed", "paid"],
        )

    def test_demo_bills_held_and_paid(self):
        def bill_of(xmlid):
            order = self.env.ref(f"symetrie_orders.{xmlid}")
            return order.invoice_ids.filtered(lambda m: m.state == "posted")

        not_accepted = bill_of("work_order_work_done")
        self.assertEqual(not_accepted.symetrie_hold_reason, "work_not_accepted")
        self.assertEqual(bill_of("work_order_billed").symetrie_hold_reason, "missing_document")
        paid = bill_of("work_order_paid")
        self.assertTrue(paid.symetrie_paid_late)
        self.assertEqual(paid.symetrie_days_late, 20)
        # 40 EUR of fee, in the company's currency, plus the interest.
        self.assertGreater(paid.symetrie_late_fee, 0.0)
        self.assertGreater(paid.symetrie_late_cost, paid.symetrie_late_fee)
