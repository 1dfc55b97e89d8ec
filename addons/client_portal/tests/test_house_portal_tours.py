# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import screenshots_on_signal
from .common_house import HouseCase


@tagged("post_install", "-at_install")
class TestHousePortalTours(HouseCase):
    # A phone: the client follows the house with one thumb.
    browser_size = "390x844"
    touch_enabled = True

    def test_client_follows_the_house_and_files_a_complaint_from_a_phone(self):
        with screenshots_on_signal():
            self.start_tour("/my/house", "client_portal_house_tour", login=self.portal_a.login)
        commitments = self.house_a.mq_commitment_ids
        self.assertTrue(commitments)
        self.assertTrue(all(commitments.mapped("client_ack_date")))
        complaint = self.env["mq.complaint"].search(
            [("name", "=", "Fissure au plafond du salon")]
        )
        self.assertEqual(complaint.partner_id, self.client_a)
        self.assertEqual(complaint.project_id, self.house_a)
        self.assertEqual(complaint.category_id.name, self.category.name)
        photo = self.env["ir.attachment"].search(
            [("res_model", "=", "mq.complaint"), ("res_id", "=", complaint.id)]
        )
        self.assertEqual(photo.mimetype, "image/png")

        # The builder answers in the back office; the client later reads it.
        complaint.with_user(self.builder).write(
            {"answer": "<p>Le plaquiste passe mardi à 9 h.</p>"}
        )
        complaint.with_user(self.builder).action_answer()
        with screenshots_on_signal():
            self.start_tour(
                "/my/complaints", "client_portal_complaint_answer_tour", login=self.portal_a.login
            )
        self.assertEqual(complaint.state, "closed")
        self.assertEqual(complaint.satisfaction, "satisfied")
