# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_house import PNG, HouseCase


@tagged("post_install", "-at_install")
class TestHouseModels(HouseCase):
    def test_progress_names_where_the_house_stands_and_what_comes_next(self):
        progress = self.house_a._portal_progress()
        self.assertEqual((progress["reached_count"], progress["total_count"]), (2, 4))
        self.assertEqual(progress["percent"], 50)
        self.assertEqual(progress["current"].name, "Fondations Arnaud")
        self.assertEqual(progress["next"].name, "Hors d'eau Arnaud")
        self.assertEqual(
            self.house_b._portal_progress()["percent"], 0, "no milestone planned yet"
        )

    def test_updates_are_the_builders_messages_not_internal_notes(self):
        bodies = " ".join(self.house_a._portal_updates().mapped("body"))
        self.assertIn("Les murs du rez-de-chaussée", bodies)
        self.assertNotIn("marge du lot", bodies)
        self.house_a.message_post(
            body="Réponse de la famille Arnaud par e-mail.",
            author_id=self.client_a.id,
            message_type="email",
            subtype_xmlid="mail.mt_comment",
        )
        bodies = " ".join(self.house_a._portal_updates().mapped("body"))
        self.assertNotIn("famille Arnaud", bodies, "the client's own e-mail is not builder news")

    def test_only_shared_documents_and_update_photos_are_downloadable(self):
        house = self.house_a
        self.assertEqual(house._portal_file_or_none(self.document_a.id), self.document_a)
        self.assertEqual(house._portal_file_or_none(self.update_photo.id), self.update_photo)
        self.assertIsNone(house._portal_file_or_none(self.internal_file_a.id))
        self.assertIsNone(self.house_b._portal_file_or_none(self.document_a.id))

    def test_a_house_not_followed_on_the_portal_is_not_shown(self):
        Project = self.env["project.project"].with_user(self.portal_a)
        domain = Project._portal_house_domain()
        self.assertEqual(Project.sudo().search(domain), self.house_a)
        self.house_a.client_portal_house = False
        self.assertFalse(Project.sudo().search(domain))

    def test_only_sent_house_quotes_reach_the_client(self):
        Order = self.env["sale.order"].with_user(self.portal_a)
        self.assertEqual(Order.sudo().search(Order._portal_house_quote_domain()), self.quote_a)

    def test_open_survey_invitations_of_a_running_campaign(self):
        campaign = self.env["mq.survey.campaign"].create(
            {
                "name": "Enquête test",
                "year": 2031,
                "date_start": date.today() - timedelta(days=300),
                "date_end": date.today(),
                "date_close": date.today() + timedelta(days=30),
            }
        )
        campaign.action_create_survey()
        campaign.action_start()
        invitation = campaign.survey_id._create_answer(partner=self.client_a)
        campaign.survey_id._create_answer(partner=self.client_b)
        Input = self.env["survey.user_input"].with_user(self.portal_a)
        self.assertEqual(Input._portal_open_label_invitations(), invitation)
        invitation.state = "done"
        self.assertFalse(Input._portal_open_label_invitations())
        invitation.state = "new"
        campaign.action_close()
        self.assertFalse(Input._portal_open_label_invitations())

    def test_filing_creates_the_complaint_for_its_contact_with_photos(self):
        Complaint = self.env["mq.complaint"].with_user(self.portal_a)
        complaint = Complaint._portal_file(
            {
                "project_id": str(self.house_a.id),
                "category_id": str(self.category.id),
                "name": "Fuite au grenier",
                "description": "Une tache au plafond\naprès la pluie.",
                "request_key": "k1",
            },
            [("tache.png", PNG)],
        )
        complaint = complaint.sudo()
        self.assertEqual(complaint.partner_id, self.client_a)
        self.assertTrue(complaint.is_filed_from_portal)
        self.assertEqual(complaint.user_id, self.builder, "the house's manager by default")
        self.assertIn("Une tache au plafond<br>après la pluie.", complaint.description)
        self.assertEqual(complaint.activity_ids.user_id, self.builder)
        self.assertEqual(complaint.activity_ids.date_deadline, complaint.date_deadline)

    def test_satisfaction_closes_an_answered_complaint_of_the_client_only(self):
        self.complaint_a.answer = "<p>Réparé.</p>"
        self.complaint_a.action_answer()
        with self.assertRaises(AccessError):
            self.complaint_a.with_user(self.portal_b)._portal_give_satisfaction("satisfied")
        with self.assertRaises(UserError):
            self.complaint_a.with_user(self.portal_a)._portal_give_satisfaction("ravi")
        self.complaint_a.with_user(self.portal_a)._portal_give_satisfaction("neutral")
        self.assertEqual(self.complaint_a.state, "closed")
        self.assertEqual(self.complaint_a.satisfaction, "neutral")

    def test_the_builder_reads_on_the_house_what_the_client_acknowledged(self):
        commitments = self.house_a.mq_commitment_ids
        commitments.with_user(self.portal_a).action_client_acknowledge()
        note = self.house_a.message_ids.filtered(lambda m: m.author_id == self.client_a)
        self.assertEqual(len(note), 1)
        self.assertEqual(note.author_id, self.client_a)
        self.assertIn(str(len(commitments)), note.body)
        self.assertTrue(note.subtype_id.internal, "an internal note, not news for the client")
        commitments.with_user(self.portal_a).action_client_acknowledge()
        self.assertEqual(
            len(self.house_a.message_ids.filtered(lambda m: m.author_id == self.client_a)), 1,
            "acknowledging again tells nothing new",
        )
