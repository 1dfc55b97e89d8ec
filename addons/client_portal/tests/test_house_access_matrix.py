# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common_house import PNG, HouseCase

# Client A acts last on every route, so what the others tried is checked
# before A's own action changes anything.
ACTORS = ("client B", "contractor", "public", "employee", "client A")
LOGGED_IN = {"client A", "client B", "contractor", "employee"}
CLIENTS = {"client A", "client B"}


@tagged("post_install", "-at_install")
class TestHouseAccessMatrix(HouseCase):
    """Every route of the builder's client pages, as every kind of visitor:
    only client A sees or changes client A's records; the others get a 404
    (a login redirect for the public) with nothing of those records."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.complaint_photo = cls._attachment(cls.complaint_a, "fissure.png", PNG)
        cls.complaint_a.answer = "<p>Le menuisier passe jeudi.</p>"
        cls.complaint_a.action_answer()

    def _actor(self, name):
        return {
            "client A": self.portal_a,
            "client B": self.portal_b,
            "contractor": self.contractor,
            "public": None,
            "employee": self.employee,
        }[name]

    def _secrets_of_a(self):
        return (
            self.house_a.name,
            "Fondations Arnaud",
            "Les murs du rez-de-chaussée",
            "Plan de masse Arnaud",
            self.quote_a.name,
            self.complaint_a.name,
            "Le menuisier passe jeudi",
        )

    def _routes(self):
        a, doc, photo = self.house_a, self.document_a, self.update_photo
        complaint = self.complaint_a
        new_complaint = {
            "project_id": a.id,
            "category_id": self.category.id,
            "name": "Porte de garage bloquée",
            "description": "Elle ne s'ouvre plus.",
        }
        # (name, method, url, data, who gets it, what that one sees)
        return [
            ("home", "GET", "/my/home", None, LOGGED_IN, ()),
            ("house list", "GET", "/my/house", None, LOGGED_IN, ()),
            ("house A", "GET", f"/my/house/{a.id}", None, {"client A"},
             (a.name, "Fondations Arnaud", "Hors d&#39;eau Arnaud", "Les murs du rez-de-chaussée",
              "Plan de masse Arnaud", self.quote_a.name, "Julie Bâtisseur", "+33 6 11 22 33 44")),
            ("shared document of A", "GET", f"/my/house/{a.id}/files/{doc.id}", None, {"client A"},
             ("Plan de masse de la maison Arnaud",)),
            ("update photo of A", "GET", f"/my/house/{a.id}/files/{photo.id}", None, {"client A"}, ()),
            ("unshared file of A", "GET", f"/my/house/{a.id}/files/{self.internal_file_a.id}", None, set(), ()),
            ("quote A", "GET", f"/my/house/quotes/{self.quote_a.id}", None, {"client A"},
             (self.quote_a.name, "Étude de sol", "Compris")),
            ("draft quote A", "GET", f"/my/house/quotes/{self.draft_quote_a.id}", None, set(), ()),
            ("complaint list", "GET", "/my/complaints", None, {"client A", "client B", "contractor"}, ()),
            ("complaint A", "GET", f"/my/complaints/{complaint.id}", None, {"client A"},
             (complaint.name, "Le menuisier passe jeudi")),
            ("complaint A photo", "GET",
             f"/my/complaints/{complaint.id}/photos/{self.complaint_photo.id}", None, {"client A"}, ()),
            ("complaint form", "GET", "/my/complaints/new", None, CLIENTS, ()),
            ("acknowledge A's commitments", "POST", f"/my/house/{a.id}/commitments", {}, {"client A"}, ()),
            ("complaint on house A", "POST", "/my/complaints/new", new_complaint, {"client A"}, ()),
            ("satisfaction on complaint A", "POST", f"/my/complaints/{complaint.id}/satisfaction",
             {"satisfaction": "satisfied"}, {"client A"}, ()),
        ]

    def _request(self, method, url, data):
        if method == "GET":
            return self.url_open(url, allow_redirects=False)
        return self.url_open(url, data=dict(data, csrf_token=self._csrf()), allow_redirects=False)

    def _written(self):
        """What a POST of this table could write."""
        self.env.invalidate_all()
        return (
            self._complaint_count(),
            tuple(self.house_a.mq_commitment_ids.mapped("client_ack_date")),
            self.complaint_a.state,
        )

    def test_every_route_as_every_visitor(self):
        checked = 0
        for name, method, url, data, allowed_actors, shown in self._routes():
            for actor_name in ACTORS:
                case = f"{name} as {actor_name}"
                with self.subTest(case):
                    self._as(self._actor(actor_name))
                    before = self._written()
                    response = self._request(method, url, data)
                    body = response.text
                    if actor_name in allowed_actors:
                        self.assertIn(response.status_code, (200, 303), case)
                        for text in shown:
                            self.assertIn(text, body, case)
                    else:
                        if actor_name == "public":
                            self.assertEqual(response.status_code, 303, case)
                            self.assertIn("/web/login", response.headers.get("Location", ""), case)
                        else:
                            self.assertEqual(response.status_code, 404, case)
                        self.assertEqual(self._written(), before, f"{case}: nothing written")
                    if actor_name != "client A":
                        for secret in self._secrets_of_a():
                            self.assertNotIn(secret, body, case)
                    # Nobody, not even the client, sees the builder's internal note.
                    self.assertNotIn("marge du lot", body, case)
                    checked += 1
        self.assertEqual(checked, 75)
        # What client A did last on each POST route took effect.
        self.assertTrue(all(self.house_a.mq_commitment_ids.mapped("client_ack_date")))
        self.assertFalse(any(self.house_b.mq_commitment_ids.mapped("client_ack_date")))
        self.assertEqual(self.complaint_a.state, "closed")
        self.assertEqual(self.complaint_a.satisfaction, "satisfied")
        filed = self.env["mq.complaint"].search([("name", "=", "Porte de garage bloquée")])
        self.assertEqual(filed.partner_id, self.client_a)
        self.assertEqual(filed.project_id, self.house_a)

    def test_each_client_lands_on_their_own_house(self):
        for user, house in ((self.portal_a, self.house_a), (self.portal_b, self.house_b)):
            self._as(user)
            response = self.url_open("/my/house", allow_redirects=False)
            self.assertEqual(response.status_code, 303)
            self.assertTrue(response.headers["Location"].endswith(f"/my/house/{house.id}"))

    def test_counters_on_my_home_are_the_clients_own(self):
        self._as(self.portal_a)
        counters = [
            "house_count",
            "house_document_count",
            "house_quote_count",
            "house_commitment_count",
            "house_complaint_count",
            "house_survey_count",
        ]
        response = self.make_jsonrpc_request("/my/counters", {"counters": counters})
        self.assertEqual(
            response,
            {
                "house_count": 1,
                "house_document_count": 1,
                "house_quote_count": 1,
                "house_commitment_count": len(self.house_a.mq_commitment_ids),
                "house_complaint_count": 1,
                "house_survey_count": 0,
            },
        )
        self._as(self.contractor)
        response = self.make_jsonrpc_request("/my/counters", {"counters": counters})
        self.assertEqual(set(response.values()), {0})

    def test_a_client_with_two_houses_chooses_on_a_list_and_in_the_form(self):
        second = self._house("Maison Arnaud – Annecy", self.client_a)
        self._as(self.portal_a)
        page = self.url_open("/my/house", allow_redirects=False)
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.house_a.name, page.text)
        self.assertIn(second.name, page.text)
        self.assertNotIn(self.house_b.name, page.text)
        form = self.url_open(f"/my/complaints/new?project_id={second.id}").text
        self.assertIn(f'<option value="{second.id}" selected="True">', form)
        self.assertNotIn(self.house_b.name, form)
