# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_house import PNG, HouseCase


@tagged("post_install", "-at_install")
class TestComplaintTrust(HouseCase):
    def test_client_cannot_file_on_another_clients_house_by_rpc(self):
        Complaint = self.env["mq.complaint"].with_user(self.portal_a)
        before = self._complaint_count()
        with self.assertRaises(AccessError):
            Complaint.create(
                {
                    "name": "Sur la maison des Blanc",
                    "description": "<p>forgé</p>",
                    "partner_id": self.client_a.id,
                    "project_id": self.house_b.id,
                    "category_id": self.category.id,
                }
            )
        self.assertEqual(self._complaint_count(), before)
        on_b = self.env["mq.complaint"].search([("project_id", "=", self.house_b.id)])
        self.assertNotIn("Sur la maison des Blanc", on_b.mapped("name"))

    def test_internal_note_images_are_not_listed_to_the_client(self):
        shown = self._attachment(self.complaint_a, "fissure-client.png", PNG)
        note_image = self._attachment(self.complaint_a, "note-interne.png", PNG)
        self.complaint_a.with_user(self.builder).message_post(
            body="Note interne : reprise à nos frais ?",
            subtype_xmlid="mail.mt_note",
            attachment_ids=note_image.ids,
        )
        photos = self.complaint_a.with_user(self.portal_a)._portal_photos()
        self.assertIn(shown, photos)
        self.assertNotIn(note_image, photos)
