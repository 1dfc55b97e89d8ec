# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged

from .common import PortalCase


@tagged("post_install", "-at_install")
class TestWorkBillsPage(PortalCase):
    """The contractor's bills page with a bill paid late and a held one."""

    def _bill(self, order, ref, days_ago):
        order = order.with_user(self.landlord)
        for step in ("accepted", "on_site"):
            order._symetrie_post_step(step)
        order._symetrie_post_step("work_done", note="Fuite réparée")
        line = order.order_line
        bill = self.env["account.move"].create(
            {
                "move_type": "in_invoice",
                "partner_id": order.partner_id.id,
                "ref": ref,
                "invoice_date": fields.Date.today() - timedelta(days=days_ago),
                "invoice_payment_term_id": self.env.ref(
                    "account.account_payment_term_30days"
                ).id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": line.product_id.id,
                            "quantity": 1,
                            "price_unit": line.price_unit,
                            "tax_ids": [],
                            "purchase_line_id": line.id,
                        }
                    )
                ],
            }
        )
        bill.action_post()
        return bill

    def test_bill_paid_late_and_held_bill_are_listed(self):
        paid = self._bill(self.order_a, "FACT-PAYEE-EN-RETARD", 60)
        self.order_a.with_user(self.landlord)._symetrie_post_step("work_accepted")
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=paid.ids
        ).create({"payment_date": paid.invoice_date_due + timedelta(days=20)})._create_payments()
        self.assertTrue(paid.symetrie_paid_late)
        held = self._bill(
            self._sent_order(self.contractor_a, "Deuxième fuite", 1200.0),
            "FACT-BLOQUEE",
            5,
        )
        self.assertEqual(held.payment_state, "blocked")
        self._as(self.portal_a)
        page = self.url_open("/my/work-bills")
        self.assertEqual(page.status_code, 200)
        self.assertIn("FACT-PAYEE-EN-RETARD", page.text)
        self.assertIn("FACT-BLOQUEE", page.text)
        unpaid = self.url_open("/my/work-bills?filterby=unpaid")
        self.assertEqual(unpaid.status_code, 200)
        self.assertIn("FACT-BLOQUEE", unpaid.text)
        self.assertNotIn("FACT-PAYEE-EN-RETARD", unpaid.text)
