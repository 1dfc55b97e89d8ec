# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import EvaluationCase


@tagged("post_install", "-at_install")
class TestReply(EvaluationCase):
    """The evaluated contractor reads the evaluations about it and replies once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.about_a = cls._evaluate(cls.contractor_a, 2, comment="Retards répétés")
        cls.about_b = cls._evaluate(cls.contractor_b, 4)
        cls.draft_about_a = cls._evaluate(
            cls.contractor_a,
            1,
            submit=False,
            evaluator_partner_id=cls.env["res.partner"].create({"name": "Autre"}).id,
        )

    def test_contractor_reads_the_submitted_evaluations_about_it(self):
        Evaluation = self.env["symetrie.evaluation"].with_user(self.portal_a)
        about_me = Evaluation.search([("partner_id", "=", self.contractor_a.id)])
        self.assertEqual(about_me, self.about_a)
        self.assertEqual(about_me.comment, "Retards répétés")
        self.assertEqual(len(about_me.line_ids), len(self.axes))
        with self.assertRaises(AccessError):
            self.about_b.with_user(self.portal_a).read(["comment"])
        with self.assertRaises(AccessError):
            self.draft_about_a.with_user(self.portal_a).read(["comment"])
        # Reading is all the rule gives: no write nor delete.
        with self.assertRaises(AccessError):
            self.about_a.with_user(self.portal_a).check_access("write")
        with self.assertRaises(AccessError):
            self.about_a.line_ids.with_user(self.portal_a).check_access("write")

    def test_one_reply_the_landlord_sees(self):
        self.about_a.with_user(self.portal_a)._symetrie_post_reply(
            "  Les retards venaient de la pièce manquante.  "
        )
        evaluation = self.about_a.with_user(self.evaluator)
        self.assertEqual(evaluation.reply, "Les retards venaient de la pièce manquante.")
        self.assertEqual(evaluation.reply_by_id, self.portal_a)
        self.assertTrue(evaluation.reply_date)
        with self.assertRaises(UserError):
            self.about_a.with_user(self.portal_a)._symetrie_post_reply("Encore un mot")
        self.assertEqual(evaluation.reply, "Les retards venaient de la pièce manquante.")

    def test_only_the_evaluated_contractor_replies_with_text(self):
        with self.assertRaises(AccessError):
            self.about_a.with_user(self.portal_b)._symetrie_post_reply("Ce n'est pas moi")
        with self.assertRaises(ValidationError):
            self.about_a.with_user(self.portal_a)._symetrie_post_reply("   ")
        with self.assertRaises(UserError):
            self.about_a.with_user(self.evaluator).write({"reply": "Réponse inventée"})
        self.assertFalse(self.about_a.reply)
