# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import WorkOrderCase


class TestTenantPage(WorkOrderCase):
    """What the tenant's tracking page shows of the people on the order, as
    ``_symetrie_tenant_page`` reads it in its one query."""

    def _page(self, order):
        return self.env["purchase.order"]._symetrie_tenant_page(
            order.sudo().symetrie_tracking_token
        )

    def test_people_on_the_page(self):
        self.tenant.tz = "Europe/Paris"
        technician = self.env["res.partner"].create(
            {"name": "Karim Benali", "parent_id": self.contractor_a.id}
        )
        order = self._walk(self._make_order(partner=technician), ["sent", "accepted"])
        start, end = self._slot()
        order.with_user(self.landlord)._symetrie_book_visit(start, end, technician=technician)
        page = self._page(order)
        self.assertEqual(page["contractor_name"], "Plomberie A", "the company, not its contact")
        self.assertEqual(page["technician_first_name"], "Karim")
        self.assertEqual((page["tenant_lang"], page["tz"]), ("fr_FR", "Europe/Paris"))
        self.assertEqual(page["landlord_name"], self.company.name)

    def test_sole_trader_and_no_technician_yet(self):
        sole_trader = self.env["res.partner"].create({"name": "Jean Artisan", "supplier_rank": 1})
        self.tenant.tz = False
        page = self._page(self._walk(self._make_order(partner=sole_trader), ["sent"]))
        self.assertEqual(page["contractor_name"], "Jean Artisan")
        self.assertEqual(page["technician_first_name"], "")
        self.assertEqual(page["tz"], "Europe/Paris", "the dwelling's time when the tenant has none")

    def test_no_page_for_a_draft_or_a_wrong_token(self):
        order = self._make_order()
        self.assertIsNone(self._page(order), "a draft has no page")
        self.assertIsNone(self.env["purchase.order"]._symetrie_tenant_page("x" * 43))
