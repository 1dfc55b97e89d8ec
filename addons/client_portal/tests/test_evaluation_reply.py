# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from .common import PortalCase


@tagged("post_install", "-at_install")
class TestEvaluationReplyPortal(PortalCase):
    """The contractor reads the evaluations about its company and replies once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        axes = cls.env["symetrie.evaluation.axis"].search([])
        Evaluation = cls.env["symetrie.evaluation"]

        def evaluate(partner, comment):
            evaluation = Evaluation.create(
                {
                    "direction": "landlord_to_contractor",
                    "partner_id": partner.id,
                    "evaluator_partner_id": cls.landlord.partner_id.id,
                    "comment": comment,
                    "line_ids": [
                        Command.create({"axis_id": axis.id, "score": 2}) for axis in axes
                    ],
                }
            )
            evaluation.action_submit()
            return evaluation

        cls.about_a = evaluate(cls.contractor_a, "Chantier laissé sale")
        cls.about_b = evaluate(cls.contractor_b, "Très bon travail chez B")

    def test_contractor_reads_and_replies_once(self):
        self._as(self.portal_a)
        page = self.url_open("/my/evaluations")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Chantier laissé sale", page.text)
        self.assertNotIn("Très bon travail chez B", page.text)
        url = f"/my/evaluations/{self.about_a.id}/reply"
        response = self.url_open(
            url,
            data={"reply": "Nettoyé le lendemain.", "csrf_token": self._csrf()},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.about_a.reply, "Nettoyé le lendemain.")
        self.assertEqual(self.about_a.reply_by_id, self.portal_a)
        again = self.url_open(url, data={"reply": "Autre chose", "csrf_token": self._csrf()})
        self.assertEqual(again.status_code, 400)
        self.assertEqual(self.about_a.reply, "Nettoyé le lendemain.")
        self.assertIn("Nettoyé le lendemain.", self.url_open("/my/evaluations").text)

    def test_no_reply_to_another_contractors_evaluation(self):
        self._as(self.portal_a)
        response = self.url_open(
            f"/my/evaluations/{self.about_b.id}/reply",
            data={"reply": "Pas moi", "csrf_token": self._csrf()},
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.about_b.reply)
        empty = self.url_open(
            f"/my/evaluations/{self.about_a.id}/reply",
            data={"reply": "   ", "csrf_token": self._csrf()},
        )
        self.assertEqual(empty.status_code, 400)
        self.assertFalse(self.about_a.reply)
