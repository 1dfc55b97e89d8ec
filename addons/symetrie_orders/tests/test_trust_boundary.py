# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import WorkOrderCase
from .test_bills import BillCase


@tagged("post_install", "-at_install")
class TestTenantMailNotReadByContractor(WorkOrderCase):
    """The tenant's e-mails carry the private tracking link: nobody but the
    tenant receives it, the contractor reading the order's messages included."""

    def test_contractor_reads_no_tenant_mail_nor_token(self):
        order = self._walk(self._make_order(), ["sent", "accepted", "visit_booked"])
        token = order.sudo().symetrie_tracking_token
        logged = self.env["mail.message"].sudo().search(
            [("model", "=", "purchase.order"), ("res_id", "=", order.id)]
        )
        self.assertTrue(
            any(token in (m.body or "") for m in logged), "the tenant's mail is logged"
        )
        Message = self.env["mail.message"].with_user(self.portal_a)
        visible = Message.search(
            [("model", "=", "purchase.order"), ("res_id", "=", order.id)]
        )
        for values in visible.read(["body", "subject"]):
            self.assertNotIn(token, values["body"] or "")
        tenant_mails = logged.filtered(lambda m: token in (m.body or ""))
        with self.assertRaises(AccessError):
            tenant_mails.with_user(self.portal_a).read(["body"])
        thread = order.with_user(self.portal_a).message_ids
        self.assertTrue(thread, "the contractor still reads the order's thread")
        self.assertFalse(thread & tenant_mails)


@tagged("post_install", "-at_install")
class TestHoldRights(BillCase):
    """Holds are placed and released by accounting users only (order managers
    for "work not accepted"), whatever calls the method."""

    def setUp(self):
        super().setUp()
        order = self._walk(
            self._order(), ["sent", "accepted", "on_site", "work_done", "work_accepted"]
        )
        self.bill = self._bill(order)
        self.bill._symetrie_hold("missing_document", note="Kbis")
        self.staff = new_test_user(
            self.env, login="wo_staff_no_accounting",
            groups="symetrie_orders.group_orders_manager",
        )

    def test_portal_user_cannot_release_by_rpc(self):
        with self.assertRaises(AccessError):
            self.bill.with_user(self.portal_a).action_symetrie_release()
        self.assertTrue(self.bill.symetrie_is_held)

    def test_landlord_staff_without_accounting_cannot_release_nor_hold(self):
        for user in (self.landlord, self.staff):
            with self.assertRaises(AccessError):
                self.bill.with_user(user).action_symetrie_release()
            self.assertTrue(self.bill.symetrie_is_held)
        with self.assertRaises(AccessError):
            self.env["symetrie.bill.hold.wizard"].sudo().create(
                {"move_id": self.bill.id, "reason": "dispute", "note": "x"}
            ).with_user(self.landlord).action_hold()
        self.assertEqual(self.bill.symetrie_hold_reason, "missing_document")

    def test_accountant_releases(self):
        self.bill.with_user(self.accountant).action_symetrie_release()
        self.assertFalse(self.bill.symetrie_is_held)
