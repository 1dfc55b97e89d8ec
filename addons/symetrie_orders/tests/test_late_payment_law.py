# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Worked examples of the French late-payment law, each checked by hand.

ECB main refinancing rate (the module's data): 3.15% in force on 1 January 2025
(decision of 18 December 2024), 2.15% on 1 July 2025 and on 1 January 2026
(decision of 11 June 2025). Private buyer: ECB + 10 points; public buyer: + 8.
"""
from datetime import date, datetime

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .. import late_payment
from .test_bills import BillCase

ACCEPTED = ["sent", "accepted", "on_site", "work_done", "work_accepted"]


@tagged("post_install", "-at_install")
class TestLatePaymentLaw(BillCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.eur = cls.env.ref("base.EUR")
        cls.eur.active = True
        cls.company.partner_id.tz = "Europe/Paris"

    def _eur_bill(self, invoice_date=date(2026, 1, 10), term=None, post=True, **values):
        order = self._make_order(price=10000.0, currency_id=self.eur.id)
        order.order_line.taxes_id = False
        order = self._walk(order, ACCEPTED)
        line = order.order_line
        bill = self.env["account.move"].with_user(self.accountant).create(
            {
                "move_type": "in_invoice",
                "partner_id": order.partner_id.id,
                "currency_id": self.eur.id,
                "invoice_date": invoice_date,
                "invoice_payment_term_id": (term or self.term_30).id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": line.product_id.id,
                            "quantity": 1,
                            "price_unit": 10000.0,
                            "tax_ids": [],
                            "purchase_line_id": line.id,
                        }
                    )
                ],
                **values,
            }
        )
        if post:
            bill.action_post()
            self.assertFalse(bill.symetrie_is_held, bill.symetrie_hold_reasons)
        return bill

    def _pay_eur(self, bill, pay_date, amount=None):
        values = {"payment_date": pay_date, "currency_id": self.eur.id}
        if amount is not None:
            values["amount"] = amount
        return (
            self.env["account.payment.register"]
            .with_user(self.accountant)
            .with_context(active_model="account.move", active_ids=bill.ids)
            .create(values)
            ._create_payments()
        )

    def _assert_cost(self, bill, days, interest, fee=40.0):
        self.assertEqual(bill.currency_id, self.eur)
        self.assertEqual(bill.symetrie_days_late, days)
        self.assertAlmostEqual(bill.symetrie_late_interest, interest)
        self.assertAlmostEqual(bill.symetrie_late_fee, fee)
        self.assertAlmostEqual(bill.symetrie_late_cost, interest + fee)

    def test_private_10000_eur_paid_20_days_late(self):
        """Billed 10 January 2026 at 30 days: due 9 February, paid 1 March.

        Late days 10 February to 1 March: 20, all in H1 2026 (ECB 2.15% on
        1 January 2026). 10,000 x (2.15 + 10)% x 20 / 365 = 66.58; fee 40.00 EUR;
        total 106.58 EUR.
        """
        bill = self._eur_bill()
        self._pay_eur(bill, date(2026, 3, 1))
        self.assertEqual(bill.symetrie_due_date, date(2026, 2, 9))
        self._assert_cost(bill, 20, 66.58)
        self.assertTrue(bill.symetrie_paid_late)

    def test_public_10000_eur_paid_20_days_late(self):
        """Public buyer, request received on the bill date (10 January 2026):
        30 days, due 9 February, paid 1 March: 20 days late.

        The delay started on 10 February, in H1 2026: ECB 2.15% on 1 January 2026.
        10,000 x (2.15 + 8)% x 20 / 365 = 55.62; fee 40.00; total 95.62 EUR.
        """
        self.company.symetrie_buyer_type = "public"
        bill = self._eur_bill()
        self._pay_eur(bill, date(2026, 3, 1))
        self._assert_cost(bill, 20, 55.62)

    def test_private_late_period_crossing_1_july(self):
        """Billed 21 May 2025 at 30 days: due 20 June 2025, paid 10 July 2025.

        21-30 June: 10 days at the 1 January 2025 rate, 3.15 + 10 = 13.15%;
        1-10 July: 10 days at the 1 July 2025 rate, 2.15 + 10 = 12.15%.
        10,000 x (13.15% x 10 + 12.15% x 10) / 365 = 36.03 + 33.29 = 69.32 EUR
        (the due date's rate alone would give 72.05).
        """
        bill = self._eur_bill(invoice_date=date(2025, 5, 21))
        self._pay_eur(bill, date(2025, 7, 10))
        self.assertEqual(bill.symetrie_due_date, date(2025, 6, 20))
        self._assert_cost(bill, 20, 69.32)

    def test_public_late_period_crossing_1_july(self):
        """Same bill for a public buyer: the delay started on 21 June 2025, in H1:
        the 1 January 2025 rate for the whole delay, 3.15 + 8 = 11.15%.
        10,000 x 11.15% x 20 / 365 = 61.10 EUR.
        """
        self.company.symetrie_buyer_type = "public"
        bill = self._eur_bill(invoice_date=date(2025, 5, 21))
        self._pay_eur(bill, date(2025, 7, 10))
        self._assert_cost(bill, 20, 61.10)

    def test_private_partial_payment_on_time(self):
        """Due 9 February 2026: 4,000 paid on the due date, 6,000 on 1 March.

        Interest runs on the 6,000 still due only: 6,000 x 12.15% x 20 / 365
        = 39.95; fee 40.00; total 79.95 EUR.
        """
        bill = self._eur_bill()
        self._pay_eur(bill, date(2026, 2, 9), amount=4000.0)
        self.assertEqual(bill.payment_state, "partial")
        self._pay_eur(bill, date(2026, 3, 1))
        self._assert_cost(bill, 20, 39.95)

    def test_unpaid_bill_costs_until_today_in_the_company_timezone(self):
        """Due 9 February 2026, unpaid. At 23:30 UTC on 18 February it is already
        19 February in Paris: 10 days late. 10,000 x 12.15% x 10 / 365 = 33.29.
        """
        bill = self._eur_bill().with_context(symetrie_now=datetime(2026, 2, 18, 23, 30))
        self._assert_cost(bill, 10, 33.29)

    def test_private_45_days_end_of_month_accepted_75_days_refused(self):
        """Billed 10 January 2026. Legal limit (L441-10): 60 days, 11 March, or 45
        days end of month: 31 January + 45 days = 17 March (or 10 January + 45
        days = 24 February, end of month 28 February). 45 days end of month
        (17 March, 66 days) is accepted; 75 days (26 March) is refused.
        """
        eom_45 = self.env["account.payment.term"].create(
            {
                "name": "45 days end of month",
                "line_ids": [
                    Command.create(
                        {
                            "value": "percent",
                            "value_amount": 100,
                            "nb_days": 45,
                            "delay_type": "days_after_end_of_month",
                        }
                    )
                ],
            }
        )
        ok = self._eur_bill(term=eom_45)
        self.assertEqual(ok.invoice_date_due, date(2026, 3, 17))
        self.assertEqual(ok.state, "posted")
        refused = self._eur_bill(term=self._term(75), post=False)
        with self.assertRaises(UserError) as error:
            refused.action_post()
        self.assertIn("45 days end of month", str(error.exception))
        self.assertEqual(refused.state, "draft")

    def test_public_31_days_refused(self):
        """R2192-10: a public buyer pays within 30 days; 31 days is refused."""
        self.company.symetrie_buyer_type = "public"
        self.assertEqual(self._eur_bill(term=self._term(30)).state, "posted")
        refused = self._eur_bill(term=self._term(31), post=False)
        with self.assertRaises(UserError) as error:
            refused.action_post()
        self.assertIn("maximum payment term is 30 days", str(error.exception))

    def test_public_bill_held_10_days_for_a_missing_document(self):
        """Bill dated 10 January 2026, request received 12 January: 30 days, due
        11 February. Held for a missing document from 15 January (00:30 in Paris,
        still 14 January in UTC) to 25 January: the delay is suspended 10 days
        (R2192-27), due 21 February. Paid 3 March: 10 days late.
        10,000 x 10.15% x 10 / 365 = 27.81; fee 40.00; total 67.81 EUR.
        """
        self.company.symetrie_buyer_type = "public"
        bill = self._eur_bill(symetrie_received_date=date(2026, 1, 12))
        hold = self.env["symetrie.bill.hold"].create(
            {
                "move_id": bill.id,
                "reason": "missing_document",
                "note": "Attestation URSSAF",
                "held_on": datetime(2026, 1, 14, 23, 30),
            }
        )
        self.assertEqual(bill.payment_state, "blocked")
        hold.write({"released_on": datetime(2026, 1, 25, 10, 0)})
        self._pay_eur(bill, date(2026, 3, 3))
        self.assertEqual(bill.symetrie_due_date, date(2026, 2, 21))
        self._assert_cost(bill, 10, 27.81)

    def test_fee_is_40_euros_in_the_bill_currency(self):
        """40 EUR is 50 USD when 1 USD is worth 0.80 EUR."""
        usd = self.env.ref("base.USD")
        usd.active = True
        Rate = self.env["res.currency.rate"]
        Rate.create({"currency_id": self.eur.id, "name": date(2026, 1, 1), "rate": 0.8})
        Rate.create({"currency_id": usd.id, "name": date(2026, 1, 1), "rate": 1.0})
        bill = self._eur_bill(post=False)
        self.assertAlmostEqual(bill._symetrie_recovery_fee(date(2026, 2, 9)), 40.0)
        bill.currency_id = usd
        self.assertAlmostEqual(bill._symetrie_recovery_fee(date(2026, 2, 9)), 50.0)


@tagged("post_install", "-at_install")
class TestLawFunctions(BillCase):
    def test_half_years_and_rates(self):
        rates = [(date(2025, 6, 11), 2.15), (date(2024, 12, 18), 3.15)][::-1]
        self.assertEqual(late_payment.rate_in_force(rates, date(2025, 1, 1)), 3.15)
        self.assertEqual(late_payment.rate_in_force(rates, date(2025, 7, 1)), 2.15)
        self.assertEqual(late_payment.rate_in_force(rates, date(2024, 1, 1)), 0.0)
        self.assertEqual(
            late_payment.private_latest_due_date(date(2026, 1, 20)), date(2026, 3, 31)
        )
