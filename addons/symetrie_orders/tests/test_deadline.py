# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import WorkOrderCase


@tagged("post_install", "-at_install")
class TestDeadline(WorkOrderCase):
    def test_deadline_follows_urgency(self):
        requested = datetime(2026, 11, 20, 9, 30)
        expected = {
            "emergency": requested + timedelta(hours=24),
            "urgent": requested + timedelta(hours=72),
            "normal": requested + timedelta(days=15),
        }
        for urgency, deadline in expected.items():
            order = self._make_order(
                symetrie_urgency=urgency, symetrie_request_date=requested
            )
            self.assertEqual(order.symetrie_deadline, deadline, urgency)

    def test_deadline_uses_company_settings(self):
        self.company.symetrie_delay_urgent_hours = 48
        requested = datetime(2026, 11, 20, 9, 30)
        order = self._make_order(symetrie_urgency="urgent", symetrie_request_date=requested)
        self.assertEqual(order.symetrie_deadline, requested + timedelta(hours=48))

    def test_changing_urgency_moves_the_deadline(self):
        requested = datetime(2026, 11, 20, 9, 30)
        order = self._make_order(symetrie_request_date=requested)
        order.symetrie_urgency = "emergency"
        self.assertEqual(order.symetrie_deadline, requested + timedelta(hours=24))

    def test_zero_delay_is_refused(self):
        with self.assertRaises(ValidationError):
            self.company.symetrie_delay_emergency_hours = 0

    def test_order_from_dwelling_fills_tenant_and_address(self):
        action = self.dwelling.with_user(self.landlord).action_new_work_order()
        view = self.env.ref("symetrie_orders.purchase_order_view_form_work")
        form = Form(
            self.env["purchase.order"].with_user(self.landlord).with_context(
                **action["context"]
            ),
            view=view,
        )
        self.assertEqual(form.symetrie_tenant_id, self.tenant)
        self.assertEqual(form.symetrie_tenant_phone, "+33 6 00 00 00 01")
        self.assertEqual(form.symetrie_tenant_email, "nadia@locataire.example.com")
        self.assertEqual(form.symetrie_address, "1 rue du Test, 69001 Lyon")
        self.assertEqual((form.symetrie_floor, form.symetrie_door), ("2", "B"))
        self.assertEqual(form.symetrie_access_instructions, "Digicode 1234")
        self.assertTrue(form.symetrie_deadline)
        form.partner_id = self.contractor_a
        form.symetrie_trade_id = self.plumbing
        form.symetrie_description = "Fuite"
        with form.order_line.new() as line:
            line.product_id = self.product
        order = form.save()
        self.assertTrue(order.symetrie_is_work_order)
        self.assertEqual(len(order.sudo().symetrie_tracking_token), 43)
