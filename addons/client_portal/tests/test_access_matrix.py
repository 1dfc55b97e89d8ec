# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import PortalCase

REFUSED = (303, 403, 404)


@tagged("post_install", "-at_install")
class TestPortalAccessMatrix(PortalCase):
    """Every portal route of the contractor and tenant pages, as every kind of
    visitor: allowed ones get the page, the others a refusal without the data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order_cancelled = cls._sent_order(cls.contractor_a, "Annulé Alpha", 111.0)
        cls.order_cancelled.with_user(cls.landlord)._symetrie_cancel("Doublon")

    def _actors(self):
        return {
            "contractor A": self.portal_a,
            "contractor B": self.portal_b,
            "technician of C": self.tech_c,
            "public": None,
            "employee without orders group": self.employee,
        }

    def _request(self, method, url, data=None):
        if method == "GET":
            return self.url_open(url, allow_redirects=False)
        payload = dict(data or {}, csrf_token=self._csrf())
        return self.url_open(url, data=payload, allow_redirects=False)

    def _check(self, case, response, allowed, must_show=(), must_hide=()):
        body = response.text
        if allowed:
            self.assertIn(response.status_code, (200, 303), case)
        else:
            self.assertIn(response.status_code, REFUSED, case)
            if response.status_code == 303:
                self.assertIn("/web/login", response.headers.get("Location", ""), case)
        for text in must_show:
            self.assertIn(text, body, case)
        for text in must_hide:
            self.assertNotIn(text, body, case)

    def test_contractor_routes(self):
        a, b = self.order_a, self.order_b
        secrets_of_a = (a.symetrie_description, "7 rue du Portail", "217,89", "217.89")
        routes = [
            # (name, method, url, data, who is allowed, what the allowed one sees)
            ("list", "GET", "/my/work-orders?filterby=all", None, {"contractor A", "contractor B", "technician of C"}),
            ("list searched", "GET", "/my/work-orders?filterby=all&search=Portail", None, {"contractor A", "contractor B", "technician of C"}),
            ("order A", "GET", f"/my/work-orders/{a.id}", None, {"contractor A"}),
            ("order B", "GET", f"/my/work-orders/{b.id}", None, {"contractor B"}),
            ("bills", "GET", "/my/work-bills", None, {"contractor A", "contractor B", "technician of C"}),
            ("home", "GET", "/my/home", None, {"contractor A", "contractor B", "technician of C", "employee without orders group"}),
        ]
        checked = 0
        for name, method, url, data, allowed_actors in routes:
            for actor_name, actor in self._actors().items():
                case = f"{name} as {actor_name}"
                with self.subTest(case):
                    self._as(actor)
                    response = self._request(method, url, data)
                    allowed = actor_name in allowed_actors
                    sees_a = actor_name == "contractor A" and name != "order B"
                    self._check(
                        case,
                        response,
                        allowed,
                        must_show=(a.name,) if sees_a and name.startswith(("list", "order A")) else (),
                        must_hide=() if sees_a else secrets_of_a,
                    )
                    checked += 1
        self.assertEqual(checked, 30)

    def test_posting_a_step_on_order_a(self):
        url = f"/my/work-orders/{self.order_a.id}/step"
        data = {"step": "accepted", "current_step": "sent"}
        checked = 0
        for actor_name, actor in self._actors().items():
            if actor_name == "contractor A":
                continue
            case = f"accept order A as {actor_name}"
            with self.subTest(case):
                self._as(actor)
                response = self._request("POST", url, data)
                self._check(case, response, False, must_hide=(self.order_a.symetrie_description,))
                self.assertEqual(self.order_a.symetrie_step, "sent", case)
                checked += 1
        self._as(self.portal_a)
        response = self._request("POST", url, data)
        self._check("accept order A as contractor A", response, True)
        self.assertEqual(self.order_a.symetrie_step, "accepted")
        self.assertEqual(self.order_a.symetrie_event_ids.sorted("id")[-1].source, "portal")
        self.assertEqual(checked + 1, 5)

    def test_tenant_routes(self):
        a, b = self.order_a, self.order_b
        tokens = {
            "token of A": (self._token(a), True, ("7 rue du Portail",), ("9 avenue Bêta",)),
            "token of another order": (self._token(b), True, ("9 avenue Bêta",), ("7 rue du Portail",)),
            "wrong token": ("x" * 43, False, (), ("7 rue du Portail", "9 avenue Bêta")),
            "cancelled order's token": (
                self._token(self.order_cancelled),
                False,
                (),
                ("7 rue du Portail", "9 avenue Bêta"),
            ),
        }
        checked = 0
        for actor_name, actor in self._actors().items():
            for token_name, (token, allowed, shows, hides) in tokens.items():
                case = f"tracking page, {token_name}, as {actor_name}"
                with self.subTest(case):
                    self._as(actor)
                    response = self._request("GET", f"/track/{token}")
                    self.assertEqual(response.status_code, 200 if allowed else 404, case)
                    for text in shows:
                        self.assertIn(text, response.text, case)
                    for text in hides + ("217,89", "217.89", "439,71", "439.71", "Digicode"):
                        self.assertNotIn(text, response.text, case)
                    checked += 1
                # Rating: nobody rates an order whose work is not done, nor a
                # wrong or cancelled token's order.
                case = f"rating, {token_name}, as {actor_name}"
                with self.subTest(case):
                    response = self._request("POST", f"/track/{token}/rate", {"stars": "5"})
                    self.assertEqual(response.status_code, 400 if allowed else 404, case)
                    checked += 1
        self.assertFalse(any((a | b | self.order_cancelled).mapped("symetrie_tenant_rating")))
        self.assertEqual(checked, 40)


@tagged("post_install", "-at_install")
class TestTechnicianScope(PortalCase):
    def test_technician_sees_only_assigned_orders_when_company_says_so(self):
        other_tech = self._portal_user("cp_tech_a2", "Théo Alpha", self.contractor_a)
        assigned = self._sent_order(self.contractor_a, "Assignée à Théo", 10.0)
        for order in (assigned, self.order_a):
            order.with_user(self.landlord).action_symetrie_accept()
        start, end = self._slot()
        assigned.with_user(other_tech)._symetrie_book_visit(
            *[assigned._portal_local_datetime(v) for v in (start, end)],
            technician=other_tech.partner_id,
            source="portal",
        )
        self.authenticate(other_tech.login, other_tech.login)
        page = self.url_open("/my/work-orders?filterby=all").text
        self.assertIn(assigned.name, page)
        self.assertIn(self.order_a.name, page, "by default a technician sees all")

        self.contractor_a.portal_technicians_see_all = False
        page = self.url_open("/my/work-orders?filterby=all").text
        self.assertIn(assigned.name, page)
        self.assertNotIn(self.order_a.name, page)
        response = self.url_open(f"/my/work-orders/{self.order_a.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 404)
