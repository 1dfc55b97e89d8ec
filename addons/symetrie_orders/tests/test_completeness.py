# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import WorkOrderCase


@tagged("post_install", "-at_install")
class TestCompleteness(WorkOrderCase):
    def _assert_refused(self, order, *missing):
        mails_before = self.env["mail.mail"].search_count([])
        with self.assertRaises(UserError) as error:
            order.action_symetrie_send()
        for item in missing:
            self.assertIn(item, str(error.exception))
        self.assertEqual(order.symetrie_step, "draft")
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.symetrie_event_ids)
        self.assertEqual(self.env["mail.mail"].search_count([]), mails_before)
        return str(error.exception)

    def test_every_missing_item_is_named(self):
        order = self._make_order(symetrie_trade_id=self.locksmith.id)
        order.write(
            {
                "symetrie_tenant_phone": False,
                "symetrie_access_instructions": False,
                "symetrie_description": False,
            }
        )
        message = self._assert_refused(
            order,
            "the tenant's phone",
            "the access instructions (code or keys)",
            "the description of the work",
        )
        self.assertIn(order.name, message)

    def test_access_required_for_locksmith_only(self):
        order = self._make_order(symetrie_access_instructions=False)
        order.action_symetrie_send()
        self.assertEqual(order.symetrie_step, "sent")
        locksmith_order = self._make_order(
            symetrie_trade_id=self.locksmith.id, symetrie_access_instructions=False
        )
        self._assert_refused(locksmith_order, "the access instructions (code or keys)")

    def test_order_without_dwelling_trade_or_line(self):
        order = self._make_order(
            symetrie_dwelling_id=False,
            symetrie_trade_id=False,
            symetrie_tenant_id=False,
            order_line=[],
        )
        self._assert_refused(
            order, "the dwelling", "the trade", "the tenant", "at least one order line"
        )

    def test_confirm_and_email_buttons_are_checked_too(self):
        order = self._make_order(symetrie_tenant_phone=False)
        with self.assertRaises(UserError):
            order.button_confirm()
        with self.assertRaises(UserError):
            order.action_rfq_send()
        self.assertEqual(order.state, "draft")

    def test_message_in_french_for_french_user(self):
        self.landlord.lang = "fr_FR"
        order = self._make_order(symetrie_tenant_phone=False)
        with self.assertRaises(UserError) as error:
            # The web client passes the user's language in the context.
            order.with_user(self.landlord).with_context(lang="fr_FR").action_symetrie_send()
        self.assertIn("le téléphone du locataire", str(error.exception))
        self.assertIn("ne peut pas être envoyé", str(error.exception))

    def test_complete_order_is_sent(self):
        order = self._make_order()
        order.with_user(self.landlord).action_symetrie_send()
        self.assertEqual(order.state, "purchase")
        self.assertEqual(order.symetrie_step, "sent")
        self.assertTrue(order.symetrie_sent_date)
        self.assertEqual(order.symetrie_event_ids.step, "sent")
        self.assertEqual(order.symetrie_event_ids.author_id, self.landlord)
        self.assertIn(self.contractor_a, order.message_partner_ids)

    def test_ordinary_purchase_orders_are_not_checked(self):
        order = self._make_plain_order(price=5)
        order.button_confirm()
        self.assertEqual(order.state, "purchase")
        self.assertEqual(order.symetrie_step, "draft")
        self.assertFalse(order.symetrie_event_ids)
        self.assertFalse(order.sudo().symetrie_tracking_token)
