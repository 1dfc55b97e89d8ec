# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import EvaluationCase


@tagged("post_install", "-at_install")
class TestMultiCompany(EvaluationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Autre Bailleur"})
        cls.other_user = new_test_user(
            cls.env,
            login="ev_other_company",
            groups="symetrie_evaluation.group_evaluation_user",
            company_id=cls.other_company.id,
            company_ids=[Command.set(cls.other_company.ids)],
        )

    def test_another_company_does_not_see_our_evaluations(self):
        evaluation = self._evaluate(self.contractor_a, 4)
        Evaluation = self.env["symetrie.evaluation"].with_user(self.other_user)
        self.assertFalse(Evaluation.search([("id", "=", evaluation.id)]))
        with self.assertRaises(AccessError):
            evaluation.with_user(self.other_user).read(["score"])

    def test_portal_user_cannot_rate_a_landlord_it_does_not_belong_to(self):
        with self.assertRaises(AccessError):
            self._evaluate(
                self.env["res.partner"],
                3,
                user=self.portal_a,
                direction="contractor_to_landlord",
                partner_id=False,
                company_id=self.other_company.id,
            )
