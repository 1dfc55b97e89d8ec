# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import escape

from odoo.tests import tagged

from .common import PortalCase


@tagged("post_install", "-at_install")
class TestLandlordRatingPortal(PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.axes = cls.env["symetrie.evaluation.axis"].search([])
        cls.department = cls.env.ref("symetrie_evaluation.department_local")

    def _form(self, score=4, skip=0):
        data = {"department_id": str(self.department.id), "comment": "Merci", "csrf_token": self._csrf()}
        for axis in self.axes[skip:]:
            data[f"axis_{axis.id}"] = str(score)
        return data

    def _given(self, partner):
        return self.env["symetrie.evaluation"].search(
            [
                ("direction", "=", "contractor_to_landlord"),
                ("evaluator_partner_id", "=", partner.id),
            ]
        )

    def test_contractor_rates_the_landlord_once_per_quarter_and_department(self):
        self._as(self.portal_a)
        page = self.url_open("/my/landlord-rating")
        self.assertEqual(page.status_code, 200)
        self.assertIn(str(escape(self.axes[0].with_context(lang="fr_FR").name)), page.text)
        response = self.url_open(
            "/my/landlord-rating/submit", data=self._form(), allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
        evaluation = self._given(self.contractor_a)
        self.assertEqual(evaluation.state, "submitted")
        self.assertEqual(evaluation.department_id, self.department)
        self.assertEqual(len(evaluation.line_ids), len(self.axes))
        self.assertEqual(evaluation.score, 4)
        again = self.url_open(
            "/my/landlord-rating/submit", data=self._form(2), allow_redirects=False
        )
        self.assertEqual(again.status_code, 400)
        self.assertEqual(len(self._given(self.contractor_a)), 1)

    def test_every_axis_must_be_scored_and_nothing_is_half_written(self):
        self._as(self.portal_a)
        response = self.url_open(
            "/my/landlord-rating/submit", data=self._form(skip=1), allow_redirects=False
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn(str(escape(self.axes[0].with_context(lang="fr_FR").name)), response.text)
        self.assertFalse(self._given(self.contractor_a))
        out_of_range = self._form(score=9)
        response = self.url_open(
            "/my/landlord-rating/submit", data=out_of_range, allow_redirects=False
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._given(self.contractor_a))

    def test_only_contractors_reach_the_rating(self):
        self._as(None)
        response = self.url_open("/my/landlord-rating", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])
        self._as(self.employee)
        response = self.url_open(
            "/my/landlord-rating/submit", data=self._form(), allow_redirects=False
        )
        self.assertIn(response.status_code, (403, 404))
        self.assertFalse(self.env["symetrie.evaluation"].search([("comment", "=", "Merci")]))

    def test_contractor_sees_its_own_and_the_landlords_scorecards_only(self):
        Scorecard = self.env["symetrie.scorecard"]
        values = {
            "company_id": self.env.company.id,
            "period_type": "month",
            "date_from": "2020-01-01",
            "date_to": "2020-01-31",
            "score": 77.0,
            "band": "B",
        }
        Scorecard.create(
            [
                dict(values, partner_id=self.contractor_a.id, role="contractor"),
                dict(values, partner_id=self.contractor_b.id, role="contractor"),
                dict(values, partner_id=self.env.company.partner_id.id, role="landlord"),
            ]
        )
        self._as(self.portal_a)
        page = self.url_open("/my/scorecards").text
        self.assertIn("Plomberie Alpha", page)
        self.assertIn(self.env.company.partner_id.name, page)
        self.assertNotIn("Électricité Bêta", page)


@tagged("post_install", "-at_install")
class TestLandlordTilesOnlyForContractors(PortalCase):
    def test_only_a_contractor_is_offered_to_rate_the_landlord(self):
        counters = ["landlord_rating_count", "scorecard_count"]
        self.authenticate(self.portal_a.login, self.portal_a.login)
        contractor = self.make_jsonrpc_request("/my/counters", {"counters": counters})
        self.assertEqual(contractor["landlord_rating_count"], 1)
        household = self.env["res.partner"].create({"name": "Foyer Sans Travaux"})
        client = self._portal_user("cp_house_client", "Famille Sans Travaux", household)
        self.authenticate(client.login, client.login)
        self.assertEqual(
            self.make_jsonrpc_request("/my/counters", {"counters": counters}),
            {"landlord_rating_count": 0, "scorecard_count": 0},
        )
