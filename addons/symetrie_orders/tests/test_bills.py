# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import WorkOrderCase, use_french


class BillCase(WorkOrderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tenant.email = False
        cls.accountant = new_test_user(
            cls.env,
            login="wo_accountant",
            groups="account.group_account_invoice,symetrie_orders.group_orders_user",
        )
        cls.company.write(
            {
                "symetrie_buyer_type": "private",
                "symetrie_bill_amount_tolerance": 1.0,
            }
        )
        cls.term_30 = cls._term(30)
        # Whatever the company's currency, euros convert at 1: no exchange
        # difference blurs the figures, and no demo rate is needed.
        cls.env["res.currency.rate"].search([]).unlink()

    @classmethod
    def _term(cls, days):
        return cls.env["account.payment.term"].create(
            {
                "name": f"{days} days",
                "line_ids": [
                    Command.create(
                        {"value": "percent", "value_amount": 100, "nb_days": days}
                    )
                ],
            }
        )

    def _bill(
        self, order, price=None, invoice_date=date(2026, 1, 10), term=None, post=True, currency=None
    ):
        """A vendor bill matched to the order's line, as the accountant makes it."""
        line = order.order_line[:1]
        bill = (
            self.env["account.move"]
            .with_user(self.accountant)
            .create(
                {
                    "move_type": "in_invoice",
                    "partner_id": order.partner_id.id,
                    "invoice_date": invoice_date,
                    "invoice_payment_term_id": (term or self.term_30).id,
                    "currency_id": (currency or self.company.currency_id).id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": line.product_id.id,
                                "quantity": 1,
                                "price_unit": line.price_unit if price is None else price,
                                "tax_ids": [],
                                "purchase_line_id": line.id,
                            }
                        )
                    ],
                }
            )
        )
        if post:
            bill.action_post()
        return bill

    def _pay(self, bill, pay_date):
        return (
            self.env["account.payment.register"]
            .with_user(self.accountant)
            .with_context(active_model="account.move", active_ids=bill.ids)
            .create({"payment_date": pay_date})
            ._create_payments()
        )

    def _order(self, price=250.0, partner=None):
        order = self._make_order(price=price, partner=partner)
        order.order_line.taxes_id = False
        return order


@tagged("post_install", "-at_install")
class TestWorkAcceptanceAndHolds(BillCase):
    def test_accepted_work_makes_the_order_billable(self):
        order = self._walk(self._order(), ["sent", "accepted", "on_site", "work_done"])
        self.assertEqual(order.invoice_status, "no")
        self._walk(order, ["work_refused"])
        self.assertEqual(order.invoice_status, "no", "refused work is not billable")
        self._walk(order, ["work_done", "work_accepted"])
        self.assertEqual(order.invoice_status, "to invoice")
        self.assertEqual(order.order_line.qty_received, 1)

    def test_hold_reasons_read_in_the_reader_language(self):
        """Held by an English session, the bill tells a French contractor why
        in French (the reasons are not frozen in the language of the hold)."""
        use_french(self.env, "symetrie_orders")
        order = self._walk(self._order(), ["sent", "accepted", "on_site", "work_done"])
        bill = self._bill(order).with_context(lang="en_US")
        self.assertEqual(bill.symetrie_hold_reasons, "Work not accepted yet")
        self.env.invalidate_all()
        self.assertEqual(
            bill.with_context(lang="fr_FR").symetrie_hold_reasons,
            "Travaux pas encore réceptionnés",
        )

    def test_bill_held_until_work_accepted_then_released(self):
        order = self._walk(self._order(), ["sent", "accepted", "on_site", "work_done"])
        bill = self._bill(order)
        self.assertEqual(bill.symetrie_order_ids, order)
        self.assertTrue(bill.symetrie_is_held)
        self.assertEqual(bill.symetrie_hold_reason, "work_not_accepted")
        self.assertTrue(bill.symetrie_held_since)
        with self.assertRaises(UserError) as error:
            bill.with_user(self.accountant).action_register_payment()
        self.assertIn("Work not accepted yet", str(error.exception))
        self.assertIn(bill.name, str(error.exception))

        order.with_user(self.landlord).action_symetrie_accept_work()
        self.assertFalse(bill.symetrie_is_held)
        hold = bill.symetrie_hold_ids
        self.assertTrue(hold.automatic)
        self.assertEqual(hold.released_by, self.landlord)
        self.assertTrue(hold.released_on)
        self.assertEqual(order.symetrie_step, "billed")

    def test_bill_after_acceptance_is_not_held_and_marks_order_billed(self):
        order = self._walk(
            self._order(), ["sent", "accepted", "on_site", "work_done", "work_accepted"]
        )
        bill = self._bill(order)
        self.assertFalse(bill.symetrie_is_held)
        self.assertFalse(bill.symetrie_hold_ids)
        self.assertEqual(order.symetrie_step, "billed")

    def test_amount_tolerance(self):
        accepted = ["sent", "accepted", "on_site", "work_done", "work_accepted"]
        # 1% of 250.00 is 2.50: 252.50 is within, 252.51 is beyond.
        within = self._bill(self._walk(self._order(), accepted), price=252.50)
        self.assertFalse(within.symetrie_is_held)
        beyond = self._bill(self._walk(self._order(), accepted), price=252.51)
        self.assertTrue(beyond.symetrie_is_held)
        self.assertEqual(beyond.symetrie_hold_reason, "amount_mismatch")
        self.assertIn("Amount differs from the order", beyond.symetrie_hold_reasons)

    def test_manual_hold_and_release_keep_their_history(self):
        order = self._walk(
            self._order(), ["sent", "accepted", "on_site", "work_done", "work_accepted"]
        )
        bill = self._bill(order)
        Wizard = self.env["symetrie.bill.hold.wizard"].with_user(self.accountant)
        with self.assertRaises(UserError):
            Wizard.create({"move_id": bill.id, "reason": "other", "note": " "}).action_hold()
        self.assertFalse(bill.symetrie_is_held)
        Wizard.create(
            {"move_id": bill.id, "reason": "missing_document", "note": "Attestation TVA"}
        ).action_hold()
        self.assertTrue(bill.symetrie_is_held)
        self.assertEqual(bill.symetrie_hold_reasons, "Missing document")
        hold = bill.symetrie_hold_ids
        self.assertEqual((hold.held_by, hold.note), (self.accountant, "Attestation TVA"))
        with self.assertRaises(UserError):
            hold.with_user(self.accountant).sudo().write({"note": "changed"})
        with self.assertRaises(UserError):
            hold.sudo().unlink()

        bill.with_user(self.accountant).action_symetrie_release()
        self.assertFalse(bill.symetrie_is_held)
        self.assertEqual(hold.released_by, self.accountant)
        self.assertEqual(len(bill.symetrie_hold_ids), 1, "the released hold stays")
        with self.assertRaises(UserError):
            bill.with_user(self.accountant).action_symetrie_release()

    def test_payment_wizard_refuses_a_held_bill(self):
        order = self._walk(self._order(), ["sent", "accepted", "on_site", "work_done"])
        bill = self._bill(order)
        with self.assertRaises(UserError):
            self._pay(bill, date(2026, 2, 1))
        self.assertEqual(bill.payment_state, "blocked")


@tagged("post_install", "-at_install")
class TestPaymentDelays(BillCase):
    def _accepted_bill(self, price=10000.0, **kwargs):
        order = self._walk(
            self._order(price=price),
            ["sent", "accepted", "on_site", "work_done", "work_accepted"],
        )
        return order, self._bill(order, **kwargs)

    def test_due_date_days_late_and_payment_record(self):
        order, bill = self._accepted_bill()
        self.assertEqual(bill.invoice_date_due, date(2026, 2, 9))
        self._pay(bill, date(2026, 3, 1))
        self.assertIn(bill.payment_state, ("paid", "in_payment"))
        self.assertEqual(bill.symetrie_paid_date, date(2026, 3, 1))
        self.assertEqual(bill.symetrie_days_to_pay, 50)
        self.assertEqual(bill.symetrie_days_late, 20)
        self.assertTrue(bill.symetrie_paid_late)
        self.assertEqual(order.symetrie_step, "paid")

    def test_late_cost_private_buyer_worked_example(self):
        # 10,000.00 paid 20 days late; due in H1 2026, ECB 2.15% + 10 points:
        # 10,000 x 12.15% x 20 / 365 = 66.58, plus the flat 40.00 fee.
        _order, bill = self._accepted_bill()
        self._pay(bill, date(2026, 3, 1))
        self.assertAlmostEqual(bill.symetrie_late_interest, 66.58)
        self.assertAlmostEqual(bill.symetrie_late_fee, 40.0)
        self.assertAlmostEqual(bill.symetrie_late_cost, 106.58)

    def test_late_cost_public_buyer_worked_example(self):
        # Public buyer: ECB 2.15% + 8 points = 10.15%:
        # 10,000 x 10.15% x 20 / 365 = 55.62, plus 40.00.
        self.company.symetrie_buyer_type = "public"
        _order, bill = self._accepted_bill()
        self._pay(bill, date(2026, 3, 1))
        self.assertAlmostEqual(bill.symetrie_late_interest, 55.62)
        self.assertAlmostEqual(bill.symetrie_late_cost, 95.62)

    def test_unpaid_bill_is_late_from_its_due_date(self):
        _order, bill = self._accepted_bill()
        on_time = bill.with_context(symetrie_today=date(2026, 2, 9))
        self.assertEqual((on_time.symetrie_days_late, on_time.symetrie_late_cost), (0, 0))
        late = bill.with_context(symetrie_today=date(2026, 2, 19))
        self.assertEqual(late.symetrie_days_late, 10)
        # 10,000 x 12.15% x 10 / 365 = 33.29, plus 40.00.
        self.assertAlmostEqual(late.symetrie_late_cost, 73.29)

    def test_ecb_rate_of_the_due_date_half_year(self):
        Rate = self.env["symetrie.ecb.rate"]
        self.assertEqual(Rate._rate_for_half_year(date(2025, 6, 30)), 3.15)
        self.assertEqual(Rate._rate_for_half_year(date(2025, 7, 1)), 2.15)
        Rate.create({"date_from": date(2026, 7, 1), "rate": 1.9})
        self.assertEqual(Rate._rate_for_half_year(date(2026, 12, 31)), 1.9)
        self.assertEqual(Rate._rate_for_half_year(date(2026, 6, 30)), 2.15)

    def test_paid_on_time_costs_nothing(self):
        _order, bill = self._accepted_bill()
        self._pay(bill, date(2026, 2, 9))
        self.assertFalse(bill.symetrie_paid_late)
        self.assertEqual(bill.symetrie_late_cost, 0.0)


@tagged("post_install", "-at_install")
class TestFrenchPaymentRules(BillCase):
    def test_private_and_public_defaults(self):
        company = self.env["res.company"].create({"name": "SA d'HLM Test"})
        self.assertEqual(company.symetrie_buyer_type, "private")
        self.assertEqual(company._symetrie_max_payment_days(), 60)
        self.assertEqual(company._symetrie_late_margin(), 10.0)
        self.assertEqual(company.symetrie_late_fixed_fee, 40.0)
        company.symetrie_buyer_type = "public"
        self.assertEqual(company._symetrie_max_payment_days(), 30)
        self.assertEqual(company._symetrie_late_margin(), 8.0)

    def test_term_longer_than_the_maximum_is_refused(self):
        accepted = ["sent", "accepted", "on_site", "work_done", "work_accepted"]
        term_45 = self._term(45)
        ok = self._bill(self._walk(self._order(), accepted), term=term_45)
        self.assertEqual(ok.state, "posted", "45 days is within the private 60 days")
        self.company.symetrie_buyer_type = "public"
        bill = self._bill(self._walk(self._order(), accepted), term=term_45, post=False)
        with self.assertRaises(UserError) as error:
            bill.action_post()
        self.assertIn("maximum payment term is 30 days", str(error.exception))
        self.assertEqual(bill.state, "draft")


@tagged("post_install", "-at_install")
class TestBillAccess(BillCase):
    def setUp(self):
        super().setUp()
        steps = ["sent", "accepted", "on_site", "work_done"]
        self.bill_a = self._bill(self._walk(self._order(), steps))
        self.bill_b = self._bill(
            self._walk(self._order(partner=self.contractor_b), steps)
        )

    def test_contractor_reads_own_bill_hold_reason_and_age(self):
        bill = self.bill_a.with_user(self.portal_a)
        self.assertEqual(bill.symetrie_hold_reason, "work_not_accepted")
        self.assertEqual(bill.symetrie_held_days, 0)
        self.assertEqual(bill.symetrie_hold_ids.reason, "work_not_accepted")
        Move = self.env["account.move"].with_user(self.portal_a)
        self.assertEqual(Move.search([("move_type", "=", "in_invoice")]), self.bill_a)

    def test_contractor_cannot_read_another_contractors_bill(self):
        with self.assertRaises(AccessError):
            self.bill_b.with_user(self.portal_a).read(["amount_total"])
        Hold = self.env["symetrie.bill.hold"].with_user(self.portal_a)
        self.assertEqual(Hold.search([]).move_id, self.bill_a)

    def test_contractor_cannot_hold_or_release(self):
        with self.assertRaises(AccessError):
            self.bill_a.with_user(self.portal_a).write({"ref": "changed"})
        with self.assertRaises(AccessError):
            self.env["symetrie.bill.hold.wizard"].with_user(self.portal_a).create(
                {"move_id": self.bill_a.id, "reason": "dispute"}
            )

    def test_held_bills_and_delays_views_load_for_an_accountant(self):
        Move = self.env["account.move"].with_user(self.accountant)
        for xmlid in (
            "symetrie_orders.account_move_action_held",
            "symetrie_orders.account_move_action_delays",
        ):
            action = self.env.ref(xmlid)
            views = Move.get_views([(action.view_id.id, "list")])
            fields = list(views["models"]["account.move"]["fields"])
            records = Move.search_read(safe_eval(action.domain), fields)
            self.assertTrue(records, xmlid)
        mine = [("id", "in", (self.bill_a | self.bill_b).ids)]
        held = Move.search_read(
            mine + [("symetrie_is_held", "=", True)],
            ["symetrie_hold_reason", "symetrie_held_days"],
        )
        self.assertEqual(
            {r["symetrie_hold_reason"] for r in held}, {"work_not_accepted"}
        )
        groups = Move.read_group(
            mine + [("symetrie_is_held", "=", True)],
            ["amount_total:sum"],
            ["symetrie_hold_reason"],
        )
        self.assertEqual(groups[0]["amount_total"], 500.0)


@tagged("post_install", "-at_install", "is_query_count")
class TestPaymentFigures(BillCase):
    def _figures_queries(self):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        figures = self.env["res.partner"]._symetrie_payment_figures()
        return self.cr.sql_log_count - before, figures

    def test_figures_per_contractor(self):
        steps = ["sent", "accepted", "on_site", "work_done", "work_accepted"]
        paid_late = self._bill(self._walk(self._order(), steps))
        self._pay(paid_late, date(2026, 3, 1))
        paid_on_time = self._bill(self._walk(self._order(), steps))
        self._pay(paid_on_time, date(2026, 2, 1))
        self._bill(self._walk(self._order(price=300.0), steps[:4]))
        _count, figures = self._figures_queries()
        stats = figures[self.contractor_a]
        self.assertEqual(stats["total_held"], 300.0)
        self.assertTrue(stats["oldest_held"])
        self.assertEqual(stats["bills_paid"], 2)
        self.assertEqual(stats["avg_days_to_pay"], (50 + 22) / 2)
        self.assertEqual(stats["share_paid_late"], 50.0)

    def test_figures_cost_the_same_for_few_or_many_bills(self):
        steps = ["sent", "accepted", "on_site", "work_done"]
        self._bill(self._walk(self._order(), steps))
        few, _figures = self._figures_queries()
        for partner in (self.contractor_a, self.contractor_b) * 6:
            self._bill(self._walk(self._order(partner=partner), steps))
        many, figures = self._figures_queries()
        self.assertEqual(few, many)
        self.assertEqual(figures[self.contractor_b]["total_held"], 6 * 250.0)
        with self.assertQueryCount(few):
            self.env["res.partner"]._symetrie_payment_figures()
