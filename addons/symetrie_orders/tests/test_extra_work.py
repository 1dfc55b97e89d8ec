# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import WorkOrderCase


@tagged("post_install", "-at_install")
class TestExtraWork(WorkOrderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.symetrie_quote_threshold = 150.0
        cls.order = cls._make_order(price=400.0)
        cls.order.with_user(cls.landlord).action_symetrie_send()
        cls.order.with_user(cls.portal_a).action_symetrie_accept()

    def _quote(self, amount, user=None, description="Remplacer le siphon"):
        order = self.order.with_user(user or self.portal_a)
        return order._symetrie_submit_extra_work(description, amount)

    def _kinds(self):
        return self.order.symetrie_event_ids.sorted("id").mapped("kind")

    def test_small_quote_is_accepted_at_once_as_an_order_line(self):
        quote = self._quote(120.0)
        self.assertEqual(quote.state, "accepted")
        self.assertTrue(quote.automatic)
        self.assertEqual(quote.order_line_id.order_id, self.order)
        self.assertEqual(quote.order_line_id.price_unit, 120.0)
        self.assertEqual(self.order.amount_untaxed, 520.0)
        self.assertEqual(self._kinds()[-2:], ["quote_submitted", "quote_accepted"])

    def test_threshold_is_the_company_setting(self):
        self.company.symetrie_quote_threshold = 100.0
        self.assertEqual(self._quote(120.0).state, "submitted")
        self.assertEqual(self._quote(100.0).state, "accepted")

    def test_large_quote_waits_for_an_administrator(self):
        quote = self._quote(480.0)
        self.assertEqual(quote.state, "submitted")
        self.assertFalse(quote.order_line_id)
        self.assertEqual(self.order.amount_untaxed, 400.0)
        self.assertEqual(self._kinds()[-1], "quote_submitted")
        quote.with_user(self.manager).action_symetrie_accept()
        self.assertEqual(quote.state, "accepted")
        self.assertFalse(quote.automatic)
        self.assertEqual(quote.decided_by_id, self.manager)
        self.assertEqual(self.order.amount_untaxed, 880.0)
        self.assertEqual(self._kinds()[-1], "quote_accepted")
        with self.assertRaises(UserError):
            quote.with_user(self.manager).action_symetrie_accept()

    def test_approved_after_work_accepted_is_billable(self):
        quote = self._quote(480.0)
        self._walk(self.order, ["on_site", "work_done", "work_accepted"])
        quote.with_user(self.manager).action_symetrie_accept()
        self.assertEqual(quote.order_line_id.qty_received, 1.0)

    def test_refusal_needs_a_reason_and_is_an_event(self):
        quote = self._quote(480.0)
        wizard = (
            self.env["symetrie.extra.work.refuse.wizard"]
            .with_user(self.manager)
            .create({"extra_work_ids": [(6, 0, quote.ids)], "reason": " "})
        )
        with self.assertRaises(ValidationError):
            wizard.action_refuse()
        self.assertEqual(quote.state, "submitted")
        wizard.reason = "Compris dans le forfait"
        wizard.action_refuse()
        self.assertEqual(quote.state, "refused")
        self.assertEqual(quote.refusal_reason, "Compris dans le forfait")
        self.assertFalse(quote.order_line_id)
        self.assertEqual(self.order.amount_untaxed, 400.0)
        self.assertEqual(self._kinds()[-1], "quote_refused")

    def test_only_administrators_decide(self):
        quote = self._quote(480.0)
        for user in (self.landlord, self.portal_a, self.employee):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                quote.with_user(user).action_symetrie_accept()
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                quote.with_user(user)._symetrie_refuse("Non")
        self.assertEqual(quote.state, "submitted")
        self.assertFalse(quote.order_line_id)

    def test_bad_amounts_are_refused_and_nothing_written(self):
        events = len(self.order.symetrie_event_ids)
        for amount in (0, -50.0, "abc", None, float("nan")):
            with self.subTest(amount=amount), self.assertRaises(ValidationError):
                self._quote(amount)
        with self.assertRaises(ValidationError):
            self._quote(50.0, description="  ")
        self.assertFalse(self.order.symetrie_extra_work_ids)
        self.assertEqual(len(self.order.symetrie_event_ids), events)

    def test_another_contractor_cannot_quote(self):
        with self.assertRaises(AccessError):
            self._quote(50.0, user=self.portal_b)
        with self.assertRaises(AccessError):
            self._quote(50.0, user=self.employee)
        self.assertFalse(self.order.symetrie_extra_work_ids)

    def test_no_quote_before_acceptance_or_after_the_work(self):
        draft = self._make_order()
        with self.assertRaises(UserError):
            draft.with_user(self.landlord)._symetrie_submit_extra_work("Plus", 50.0)
        self._walk(self.order, ["on_site", "work_done", "work_accepted"])
        with self.assertRaises(UserError):
            self._quote(50.0)

    def test_portal_reads_only_its_quotes_and_writes_nothing(self):
        quote = self._quote(480.0)
        self.assertEqual(
            self.env["symetrie.extra.work"].with_user(self.portal_a).search([]), quote
        )
        self.assertFalse(self.env["symetrie.extra.work"].with_user(self.portal_b).search([]))
        with self.assertRaises(AccessError):
            quote.with_user(self.portal_a).write({"amount": 1.0})
        with self.assertRaises(AccessError):
            self.env["symetrie.extra.work"].with_user(self.portal_a).create(
                {"order_id": self.order.id, "description": "x", "amount": 1.0}
            )
