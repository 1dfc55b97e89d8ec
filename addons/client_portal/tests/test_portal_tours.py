# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import PortalCase, screenshots_on_signal


@tagged("post_install", "-at_install")
class TestPortalTours(PortalCase):
    # A phone: the pages are used with one thumb.
    browser_size = "390x844"
    touch_enabled = True

    def test_contractor_takes_an_order_to_work_done_from_a_phone(self):
        with screenshots_on_signal():
            self.start_tour(
                "/my/work-orders", "client_portal_contractor_tour", login=self.portal_a.login
            )
        order = self.order_a
        self.assertEqual(order.symetrie_step, "work_done")
        events = order.symetrie_event_ids.sorted("id")
        self.assertEqual(
            events.mapped("step"), ["sent", "accepted", "visit_booked", "on_site", "work_done"]
        )
        self.assertEqual(set(events[1:].mapped("source")), {"portal"})
        self.assertEqual(events[-1].attachment_ids.mimetype, "image/png")
        # 09:00 in Paris in winter is 08:00 UTC.
        self.assertEqual(str(order.symetrie_visit_start), "2030-01-15 08:00:00")

    def test_tenant_follows_and_rates_without_an_account(self):
        order = self.order_a
        for step in ("accepted", "on_site"):
            order.with_user(self.landlord)._symetrie_post_step(step)
        order.with_user(self.landlord)._symetrie_work_done("Fait")
        with screenshots_on_signal():
            # The page has no JavaScript but in debug mode, where the tour runs.
            self.start_tour(
                f"/track/{self._token(order)}?debug=1", "client_portal_tenant_tour"
            )
        self.assertEqual(order.symetrie_tenant_rating, 4)
        self.assertEqual(order.symetrie_tenant_comment, "Technicien ponctuel et soigneux.")
