# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .test_bills import BillCase

ACCEPTED = ["sent", "accepted", "on_site", "work_done", "work_accepted"]
DONE = ACCEPTED[:4]


class MoneyCase(BillCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Invoicing rights only: no work order group, no purchase group.
        cls.bookkeeper = new_test_user(
            cls.env, login="wo_bookkeeper", groups="account.group_account_invoice"
        )

    def _outstanding_payment(self, bill, amount, pay_date=date(2026, 2, 1)):
        """A payment to the contractor made without the bill: an outstanding debit."""
        payment = self.env["account.payment"].create(
            {
                "payment_type": "outbound",
                "partner_type": "supplier",
                "partner_id": bill.partner_id.id,
                "amount": amount,
                "date": pay_date,
            }
        )
        payment.action_post()
        return payment.move_id.line_ids.filtered(
            lambda line: line.account_id == self._payable(bill).account_id
        )

    @staticmethod
    def _payable(bill):
        return bill.line_ids.filtered(lambda line: line.display_type == "payment_term")


@tagged("post_install", "-at_install")
class TestHoldsWhereMoneyMoves(MoneyCase):
    def test_held_bill_shows_odoo_blocked_state_until_released(self):
        order = self._walk(self._order(), DONE)
        bill = self._bill(order)
        self.assertEqual(bill.payment_state, "blocked")
        with self.assertRaises(UserError):
            bill.with_user(self.accountant).action_toggle_block_payment()
        self.assertEqual(bill.payment_state, "blocked")
        order.with_user(self.landlord).action_symetrie_accept_work()
        self.assertEqual(bill.payment_state, "not_paid")
        self._pay(bill, date(2026, 2, 1))
        self.assertIn(bill.payment_state, ("paid", "in_payment"))

    def test_outstanding_payment_cannot_be_assigned_to_a_held_bill(self):
        bill = self._bill(self._walk(self._order(), DONE))
        line = self._outstanding_payment(bill, 250.0)
        with self.assertRaises(UserError) as error:
            bill.with_user(self.accountant).js_assign_outstanding_line(line.id)
        self.assertIn("held", str(error.exception))
        self.assertFalse(line.reconciled)
        self.assertEqual(bill.amount_residual, 250.0)

    def test_held_bill_lines_cannot_be_reconciled_by_hand(self):
        bill = self._bill(self._walk(self._order(), DONE))
        line = self._outstanding_payment(bill, 250.0)
        with self.assertRaises(UserError):
            (self._payable(bill) + line).with_user(self.accountant).reconcile()
        self.assertEqual(bill.payment_state, "blocked")

    def test_released_bill_takes_an_outstanding_payment(self):
        order = self._walk(self._order(), ACCEPTED)
        bill = self._bill(order)
        line = self._outstanding_payment(bill, 250.0)
        bill.with_user(self.accountant).js_assign_outstanding_line(line.id)
        self.assertIn(bill.payment_state, ("paid", "in_payment"))
        self.assertEqual(bill.symetrie_paid_date, date(2026, 2, 1))
        self.assertEqual(order.symetrie_step, "paid")

    def test_credit_note_cancelling_a_held_bill_is_allowed(self):
        bill = self._bill(self._walk(self._order(), DONE))
        reversal = bill._reverse_moves(
            [{"invoice_date": bill.invoice_date, "date": bill.date}], cancel=True
        )
        self.assertEqual(reversal.state, "posted")
        self.assertEqual(bill.amount_residual, 0.0)


@tagged("post_install", "-at_install")
class TestWhoMayHold(MoneyCase):
    def _manual_hold(self, user, reason, bill):
        wizard = self.env["symetrie.bill.hold.wizard"].with_user(user)
        return wizard.create({"move_id": bill.id, "reason": reason, "note": "Motif"}).action_hold()

    def test_order_user_cannot_release_a_hold(self):
        bill = self._bill(self._walk(self._order(), ACCEPTED))
        self._manual_hold(self.accountant, "missing_document", bill)
        with self.assertRaises(AccessError):
            bill.with_user(self.landlord).action_symetrie_release()
        self.assertTrue(bill.symetrie_is_held)

    def test_order_manager_holds_and_releases_work_not_accepted_only(self):
        bill = self._bill(self._walk(self._order(), ACCEPTED))
        self._manual_hold(self.manager, "work_not_accepted", bill)
        self.assertEqual(bill.symetrie_hold_reason, "work_not_accepted")
        self.assertFalse(bill.symetrie_hold_ids.automatic)
        # The work is accepted: only the hold put by hand keeps the bill held.
        bill._symetrie_update_automatic_holds()
        self.assertTrue(bill.symetrie_is_held)
        with self.assertRaises(AccessError):
            self._manual_hold(self.manager, "dispute", bill)
        self._manual_hold(self.accountant, "dispute", bill)
        bill.with_user(self.manager).action_symetrie_release()
        self.assertEqual(bill.symetrie_hold_reasons, "Dispute")
        bill.with_user(self.bookkeeper).action_symetrie_release()
        self.assertFalse(bill.symetrie_is_held)


@tagged("post_install", "-at_install")
class TestAccountantWithoutOrders(MoneyCase):
    def test_bookkeeper_posts_and_pays_a_work_order_bill(self):
        self.assertFalse(self.bookkeeper.has_group("symetrie_orders.group_orders_user"))
        order = self._walk(self._order(), ACCEPTED)
        self.accountant = self.bookkeeper
        bill = self._bill(order)
        self.assertEqual(bill.state, "posted")
        self.assertEqual(order.symetrie_step, "billed")
        self._pay(bill, date(2026, 2, 1))
        self.assertEqual(order.symetrie_step, "paid")
        events = order.symetrie_event_ids.sorted("id")[-2:]
        self.assertEqual(events.mapped("step"), ["billed", "paid"])
        self.assertEqual(events.author_id, self.bookkeeper)

    def test_bookkeeper_bill_before_acceptance_is_held(self):
        order = self._walk(self._order(), DONE)
        self.accountant = self.bookkeeper
        bill = self._bill(order)
        self.assertEqual(bill.symetrie_hold_reason, "work_not_accepted")
        order.with_user(self.landlord).action_symetrie_accept_work()
        self.assertFalse(bill.symetrie_is_held)


@tagged("post_install", "-at_install")
class TestContractorSeesLateBills(MoneyCase):
    def test_portal_user_reads_the_late_cost_of_a_bill_paid_late(self):
        bill = self._bill(self._walk(self._order(price=10000.0), ACCEPTED))
        self._pay(bill, date(2026, 3, 1))
        self.env.invalidate_all()
        mine = bill.with_user(self.portal_a)
        self.assertEqual(mine.symetrie_days_late, 20)
        self.assertGreater(mine.symetrie_late_cost, 40.0)


@tagged("post_install", "-at_install")
class TestBillMatchingPerLine(MoneyCase):
    def _two_unit_order(self):
        order = self._order()
        order.order_line.product_qty = 2
        return order

    def _bill_qty(self, order, qty, price=250.0):
        line = order.order_line[:1]
        bill = self.env["account.move"].with_user(self.accountant).create(
            {
                "move_type": "in_invoice",
                "partner_id": order.partner_id.id,
                "invoice_date": date(2026, 1, 10),
                "invoice_payment_term_id": self.term_30.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": line.product_id.id,
                            "quantity": qty,
                            "price_unit": price,
                            "tax_ids": [],
                            "purchase_line_id": line.id,
                        }
                    )
                ],
            }
        )
        bill.action_post()
        return bill

    def test_partial_bills_pass_until_the_accepted_quantity(self):
        order = self._walk(self._two_unit_order(), ACCEPTED)
        first = self._bill_qty(order, 1)
        self.assertFalse(first.symetrie_is_held, first.symetrie_hold_reasons)
        second = self._bill_qty(order, 1)
        self.assertFalse(second.symetrie_is_held, second.symetrie_hold_reasons)
        third = self._bill_qty(order, 1)
        self.assertEqual(third.symetrie_hold_reason, "already_billed")

    def test_second_full_bill_is_held_already_billed(self):
        order = self._walk(self._order(), ACCEPTED)
        first = self._bill(order)
        second = self._bill(order)
        self.assertFalse(first.symetrie_is_held)
        self.assertTrue(second.symetrie_is_held)
        self.assertEqual(second.symetrie_hold_reasons, "Already billed")
        # The first bill is withdrawn: the second one is the bill now.
        first.with_user(self.accountant).button_draft()
        self.assertFalse(second.symetrie_is_held)

    def test_two_bills_before_acceptance_only_the_later_is_already_billed(self):
        order = self._walk(self._order(), DONE)
        first = self._bill(order)
        second = self._bill(order)
        order.with_user(self.landlord).action_symetrie_accept_work()
        self.assertFalse(first.symetrie_is_held)
        self.assertEqual(second.symetrie_hold_reason, "already_billed")

    def test_unit_price_beyond_tolerance_is_held(self):
        order = self._walk(self._two_unit_order(), ACCEPTED)
        bill = self._bill_qty(order, 1, price=260.0)
        self.assertEqual(bill.symetrie_hold_reason, "amount_mismatch")

    def test_automatic_hold_lifts_when_the_order_amount_is_corrected(self):
        order = self._walk(self._order(), ACCEPTED)
        bill = self._bill(order, price=300.0)
        self.assertEqual(bill.symetrie_hold_reason, "amount_mismatch")
        order.order_line.with_user(self.landlord).price_unit = 300.0
        self.assertFalse(bill.symetrie_is_held)
        self.assertEqual(bill.payment_state, "not_paid")
        self.assertTrue(bill.symetrie_hold_ids.released_on)

    def test_automatic_hold_lifts_when_the_bill_is_corrected(self):
        order = self._walk(self._order(), ACCEPTED)
        bill = self._bill(order, price=300.0)
        bill.with_user(self.accountant).button_draft()
        bill.invoice_line_ids.with_user(self.accountant).price_unit = 250.0
        bill.with_user(self.accountant).action_post()
        self.assertFalse(bill.symetrie_is_held)


@tagged("post_install", "-at_install")
class TestTwoStepApproval(MoneyCase):
    def test_approved_work_order_is_sent(self):
        self.company.write({"po_double_validation": "two_step", "po_double_validation_amount": 0})
        approver = new_test_user(
            self.env, login="wo_approver", groups="purchase.group_purchase_manager"
        )
        order = self._make_order()
        order.with_user(self.landlord).action_symetrie_send()
        self.assertEqual(order.state, "to approve")
        self.assertEqual(order.symetrie_step, "draft")
        order.with_user(approver).button_approve()
        self.assertEqual(order.state, "purchase")
        self.assertEqual(order.symetrie_step, "sent")
        self.assertEqual(self._steps(order), ["sent"])


@tagged("post_install", "-at_install")
class TestPaymentUndone(MoneyCase):
    def test_unreconcile_then_reset_to_draft_roll_the_steps_back(self):
        order = self._walk(self._order(), ACCEPTED)
        bill = self._bill(order)
        self._pay(bill, date(2026, 3, 1))
        self.assertEqual(order.symetrie_step, "paid")
        self._payable(bill).with_user(self.bookkeeper).remove_move_reconcile()
        self.assertEqual(bill.payment_state, "not_paid")
        self.assertFalse(bill.symetrie_paid_date)
        self.assertFalse(bill.symetrie_paid_late)
        self.assertEqual(bill.symetrie_days_to_pay, 0)
        self.assertEqual(order.symetrie_step, "billed")
        bill.with_user(self.bookkeeper).button_draft()
        self.assertEqual(order.symetrie_step, "work_accepted")
        self.assertEqual(
            self._steps(order)[-3:], ["paid", "billed", "work_accepted"],
            "the history is kept: the roll-back is a new event",
        )
        # Posted again and paid again: billed and paid once more.
        bill.with_user(self.bookkeeper).action_post()
        self.assertEqual(order.symetrie_step, "billed")
        self._pay(bill, date(2026, 2, 1))
        self.assertEqual(bill.symetrie_paid_date, date(2026, 2, 1))
        self.assertEqual(order.symetrie_step, "paid")


@tagged("post_install", "-at_install", "is_query_count")
class TestLateCostQueries(MoneyCase):
    """The Payment Delays list costs the same queries for 2 bills or 12."""

    def _bills(self, count):
        bills = self.env["account.move"]
        for index in range(count):
            bill = self._bill(self._walk(self._order(), ACCEPTED))
            if index % 2:
                self._pay(bill, date(2026, 3, 1))
            bills |= bill
        return bills

    def _queries(self, bills):
        self.env.flush_all()
        self.env.invalidate_all()
        bills = self.env["account.move"].with_user(self.accountant).browse(bills.ids)
        before = self.cr.sql_log_count
        costs = bills.mapped("symetrie_late_cost")
        return self.cr.sql_log_count - before, costs

    def test_late_costs_do_not_grow_with_the_bills(self):
        self._queries(self._bills(2))  # caches (access rules, rates) filled
        few, costs = self._queries(self._bills(2))
        self.assertTrue(all(cost > 40.0 for cost in costs))
        many, costs = self._queries(self._bills(12))
        self.assertEqual(len(costs), 12)
        self.assertEqual(few, many)


@tagged("post_install", "-at_install", "is_query_count")
class TestPaymentDelaysViewQueries(MoneyCase):
    """The Payment Delays list, read as the web client reads it, costs the same
    queries for 2 late bills or 20, each due on its own day and in a currency
    the euro fee is converted into."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        euro = cls.env.ref("base.EUR")
        currency = cls.company.currency_id
        if currency == euro:
            currency = cls.env.ref("base.USD")
            currency.active = True
        cls.currency = currency
        action = cls.env.ref("symetrie_orders.account_move_action_delays")
        cls.domain = safe_eval(action.domain)
        arch = cls.env["account.move"].get_views([(action.view_id.id, "list")])
        cls.spec = {
            node.get("name"): {}
            for node in etree.fromstring(arch["views"]["list"]["arch"]).iter("field")
        }

    def _late_bills(self, count, first_day):
        bills = self.env["account.move"]
        for index in range(count):
            bill = self._bill(
                self._walk(self._order(), ACCEPTED),
                invoice_date=first_day + timedelta(days=index),
                currency=self.currency,
            )
            bills |= bill
        return bills

    def _view_queries(self, bills):
        self.env.flush_all()
        self.env.invalidate_all()
        Move = self.env["account.move"].with_user(self.accountant)
        domain = self.domain + [("id", "in", bills.ids)]
        before = self.cr.sql_log_count
        rows = Move.web_search_read(domain, self.spec)["records"]
        return self.cr.sql_log_count - before, rows

    def test_payment_delays_view_does_not_grow_with_late_bills(self):
        self._view_queries(self._late_bills(2, date(2025, 1, 6)))  # caches filled
        few, rows = self._view_queries(self._late_bills(2, date(2025, 3, 3)))
        self.assertEqual(len(rows), 2)
        self.assertTrue(all(row["symetrie_late_cost"] > 0 for row in rows))
        many, rows = self._view_queries(self._late_bills(20, date(2025, 5, 5)))
        self.assertEqual(len(rows), 20)
        self.assertTrue(all(row["symetrie_days_late"] > 0 for row in rows))
        self.assertEqual(few, many)


@tagged("post_install", "-at_install")
class TestHoldWizardDefault(MoneyCase):
    def test_reason_offered_first_is_one_the_user_may_use(self):
        Wizard = self.env["symetrie.bill.hold.wizard"]
        self.assertEqual(
            Wizard.with_user(self.accountant).default_get(["reason"])["reason"],
            "missing_document",
        )
        self.assertEqual(
            Wizard.with_user(self.manager).default_get(["reason"])["reason"],
            "work_not_accepted",
        )
