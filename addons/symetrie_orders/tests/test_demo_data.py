# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged

from ..models.symetrie_order_event import TRACKING_STEPS


@tagged("post_install", "-at_install")
class TestDemoData(TransactionCase):
    def setUp(self):
        super().setUp()
        self.oph = self.env.ref("symetrie_orders.company_oph", raise_if_not_found=False)
        if not self.oph:
            self.skipTest("Demo data is not loaded.")

    def test_demo_landlord_is_a_french_oph_in_euros(self):
        oph = self.oph
        self.assertEqual(oph.currency_id, self.env.ref("base.EUR"))
        self.assertEqual(oph.chart_template, "fr")
        self.assertEqual(oph.country_id.code, "FR")
        self.assertEqual(oph.symetrie_buyer_type, "public")
        self.assertEqual(len(oph.siret), 14)
        # French chart (PCG): the contractors are paid through 401.
        contractor = self.env.ref("symetrie_orders.partner_contractor_plumbing")
        payable = contractor.with_company(oph).property_account_payable_id
        self.assertTrue(payable.with_company(oph).code.startswith("401"))
        # Its staff and the contractors' technicians work in it, in Paris time.
        for login in ("gestionnaire", "plombier", "electricien", "serrurier"):
            user = self.env["res.users"].search([("login", "=", login)])
            self.assertEqual(user.company_id, oph, login)
            self.assertEqual(user.tz, "Europe/Paris", login)

    def test_demo_orders_and_bills_are_in_euros(self):
        orders = self.env["purchase.order"].search(
            [("symetrie_is_work_order", "=", True)]
        )
        self.assertEqual(orders.company_id, self.oph)
        self.assertEqual(orders.currency_id, self.env.ref("base.EUR"))
        self.assertEqual(
            self.env["symetrie.building"].search([("code", "in", ("TIL", "CAN"))]).company_id,
            self.oph,
        )
        bill = self.env.ref("symetrie_orders.work_order_paid").invoice_ids
        self.assertEqual(bill.company_id, self.oph)
        self.assertEqual(bill.currency_id, self.env.ref("base.EUR"))
        self.assertEqual(bill.journal_id.company_id, self.oph)
        # 310 EUR without tax, 20 % French VAT, shown in euros.
        self.assertEqual(bill.amount_untaxed, 310.0)
        self.assertEqual(bill.amount_total, 372.0)
        self.assertIn("€", bill.currency_id.format(bill.amount_total))
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
        # 40 EUR of fee (the company is in euros), plus the interest.
        self.assertEqual(paid.symetrie_late_fee, 40.0)
        self.assertGreater(paid.symetrie_late_cost, paid.symetrie_late_fee)
