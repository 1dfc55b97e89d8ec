# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PortalCase


@tagged("post_install", "-at_install")
class TestTechnicianScopeByRpc(PortalCase):
    """"Technicians see only their assigned orders" holds on every path, not
    only on /my/work-orders: the ORM, the order's lines and events, /my/purchase."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contractor_a.portal_technicians_see_all = False
        cls.boss_a = cls.env["res.users"].create(
            {
                "login": "cp_boss_a",
                "password": "cp_boss_a",
                "partner_id": cls.contractor_a.id,
                "groups_id": [(6, 0, [cls.env.ref("base.group_portal").id])],
            }
        )
        cls.assigned = cls._sent_order(cls.contractor_a, "Assignée à Karim", 10.0)
        cls.assigned.with_user(cls.landlord).action_symetrie_accept()
        cls.assigned.with_user(cls.landlord)._symetrie_book_visit(
            cls.assigned._portal_local_datetime("2030-01-02T09:00"),
            cls.assigned._portal_local_datetime("2030-01-02T11:00"),
            technician=cls.portal_a.partner_id,
        )

    def test_technician_reads_only_assigned_orders(self):
        Order = self.env["purchase.order"].with_user(self.portal_a)
        self.assertEqual(
            Order.search([("symetrie_is_work_order", "=", True)]), self.assigned
        )
        with self.assertRaises(AccessError):
            self.order_a.with_user(self.portal_a).read(["symetrie_tenant_phone"])
        lines = self.env["purchase.order.line"].with_user(self.portal_a).search([])
        self.assertEqual(lines.order_id, self.assigned)
        events = self.env["symetrie.order.event"].with_user(self.portal_a).search([])
        self.assertEqual(events.order_id, self.assigned)

    def test_technician_cannot_accept_an_order_not_assigned(self):
        with self.assertRaises(AccessError):
            self.order_a.with_user(self.portal_a).action_symetrie_accept()
        self.assertEqual(self.order_a.symetrie_step, "sent")

    def test_company_user_and_see_all_still_read_everything(self):
        Order = self.env["purchase.order"].with_user(self.boss_a)
        self.assertEqual(
            Order.search([("symetrie_is_work_order", "=", True)]),
            self.order_a | self.assigned,
        )
        self.contractor_a.portal_technicians_see_all = True
        Order = self.env["purchase.order"].with_user(self.portal_a)
        self.assertEqual(
            Order.search([("symetrie_is_work_order", "=", True)]),
            self.order_a | self.assigned,
        )

    def test_my_purchase_agrees(self):
        self._as(self.portal_a)
        page = self.url_open("/my/purchase").text
        self.assertNotIn(self.order_a.name, page)
        response = self.url_open(f"/my/purchase/{self.order_a.id}", allow_redirects=False)
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn("Digicode", response.text)
