# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged

from .common import use_french


@tagged("post_install", "-at_install")
class TestOrdersUi(HttpCase):
    def setUp(self):
        super().setUp()
        # The users are French: the tours read the French labels.
        use_french(self.env, "symetrie_orders")
        self.env.ref("base.user_admin").lang = "fr_FR"

    def test_admin_opens_the_work_orders_app(self):
        self.start_tour("/odoo", "symetrie_orders_open_app", login="admin")

    def test_landlord_sends_a_work_order_from_a_dwelling(self):
        landlord = new_test_user(
            self.env,
            login="tour_landlord",
            password="tour_landlord",
            groups="symetrie_orders.group_orders_user",
            lang="fr_FR",
        )
        self.env["res.partner"].create(
            {"name": "Plomberie Tour", "is_company": True, "supplier_rank": 1}
        )
        tenant = self.env["res.partner"].create(
            {"name": "Lina Locataire", "mobile": "+33 6 98 76 54 32", "lang": "fr_FR"}
        )
        dwelling = self.env["symetrie.dwelling"].create(
            {
                "name": "TOUR-001",
                "street": "5 rue du Tour",
                "zip": "69002",
                "city": "Lyon",
                "access_instructions": "Digicode 2468",
                "tenant_id": tenant.id,
            }
        )
        self.start_tour("/odoo", "symetrie_orders_send_work_order", login=landlord.login)
        order = self.env["purchase.order"].search(
            [("symetrie_dwelling_id", "=", dwelling.id)]
        )
        self.assertEqual(order.symetrie_step, "sent")
        self.assertEqual(order.symetrie_urgency, "urgent")
        self.assertEqual(order.symetrie_tenant_phone, "+33 6 98 76 54 32")
        self.assertEqual(order.symetrie_event_ids.author_id, landlord)
