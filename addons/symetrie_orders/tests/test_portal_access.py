# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import WorkOrderCase


@tagged("post_install", "-at_install")
class TestContractorPortalAccess(WorkOrderCase):
    def setUp(self):
        super().setUp()
        self.order_a = self._walk(self._make_order(), ["sent"])
        self.order_b = self._walk(self._make_order(partner=self.contractor_b), ["sent"])
        self.order_a.symetrie_internal_note = "Locataire difficile"

    def test_contractor_moves_its_own_order_through_its_steps(self):
        order = self.order_a.with_user(self.portal_a)
        order.action_symetrie_accept()
        start, end = self._slot()
        order._symetrie_book_visit(start, end, technician=self.tech_a, source="portal")
        order.action_symetrie_on_the_way()
        order.action_symetrie_on_site()
        photo = self.env["ir.attachment"].create(
            {"name": "apres.png", "raw": b"\x89PNG fake", "mimetype": "image/png"}
        )
        order._symetrie_work_done("Joint changé", attachments=photo, source="portal")
        self.assertEqual(self.order_a.symetrie_step, "work_done")
        events = self.order_a.symetrie_event_ids.sorted("id")
        self.assertEqual(events[0].source, "backend")
        self.assertEqual(set(events[1:].mapped("source")), {"portal"})
        self.assertEqual(events[-1].author_id, self.portal_a)
        self.assertEqual(events[-1].note, "Joint changé")
        self.assertEqual(events[-1].attachment_ids, photo)
        self.assertEqual((photo.res_model, photo.res_id), ("purchase.order", self.order_a.id))

    def test_contractor_cannot_accept_its_own_work(self):
        self._walk(self.order_a, ["accepted", "on_site", "work_done"])
        with self.assertRaises(AccessError):
            self.order_a.with_user(self.portal_a).action_symetrie_accept_work()
        with self.assertRaises(AccessError):
            self.order_a.with_user(self.portal_a)._symetrie_post_step("billed")
        self.assertEqual(self.order_a.symetrie_step, "work_done")

    def test_contractor_cannot_read_or_move_another_contractors_order(self):
        order_b = self.order_b.with_user(self.portal_a)
        with self.assertRaises(AccessError):
            order_b.read(["name", "amount_total"])
        with self.assertRaises(AccessError):
            order_b.action_symetrie_accept()
        self.assertEqual(self.order_b.symetrie_step, "sent")
        PurchaseOrder = self.env["purchase.order"].with_user(self.portal_a)
        self.assertEqual(PurchaseOrder.search([("symetrie_is_work_order", "=", True)]), self.order_a)
        Event = self.env["symetrie.order.event"].with_user(self.portal_a)
        self.assertEqual(Event.search([]).order_id, self.order_a)

    def test_contractor_never_reads_internal_note_or_token(self):
        order = self.order_a.with_user(self.portal_a)
        self.assertEqual(order.symetrie_address, self.order_a.symetrie_address)
        for field in ("symetrie_internal_note", "symetrie_tracking_token"):
            with self.assertRaises(AccessError):
                order.read([field])

    def test_landlord_user_reads_internal_note(self):
        order = self.order_a.with_user(self.landlord)
        self.assertEqual(order.symetrie_internal_note, "Locataire difficile")

    def test_public_user_cannot_move_an_order(self):
        public = self.env.ref("base.public_user")
        with self.assertRaises(AccessError):
            self.order_a.with_user(public).action_symetrie_accept()
        self.assertEqual(self.order_a.symetrie_step, "sent")
