# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import datetime, timedelta

from odoo import fields
from odoo.tests import tagged

from .common import PortalCase, screenshots_on_signal

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def local(moment):
    """A datetime-local form value (the portal user's time, Paris)."""
    return moment.strftime("%Y-%m-%dT%H:%M")


class VisitCase(PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tenant.email = "yasmine.locataire@example.com"
        (cls.order_a | cls.order_b).symetrie_tenant_email = cls.tenant.email
        cls.order_a.with_user(cls.landlord)._symetrie_post_step("accepted")
        cls.tomorrow = datetime.now().replace(second=0, microsecond=0) + timedelta(days=1)

    def _assert_says(self, response, *messages):
        text = response.text.replace("&#39;", "'")
        self.assertTrue(any(m in text for m in messages), messages)
        self.assertNotIn("Traceback", text)

    def _events(self, order=None, kind=None):
        events = (order or self.order_a).sudo().symetrie_event_ids
        return events.filtered(lambda e: e.kind == kind) if kind else events

    def _tenant_mails(self):
        return self.env["mail.mail"].sudo().search(
            [("email_to", "=", self.tenant.email)], order="id"
        )

    def _propose(self, slots, order=None):
        order = order or self.order_a
        data = {"csrf_token": self._csrf()}
        for number, (start, end) in enumerate(slots, 1):
            data[f"slot_start_{number}"] = start
            data[f"slot_end_{number}"] = end
        return self.url_open(
            f"/my/work-orders/{order.id}/slots", data=data, allow_redirects=False
        )

    def _two_slots(self):
        first = self.tomorrow.replace(hour=9, minute=0)
        second = first + timedelta(days=1)
        return [
            (local(first), local(first + timedelta(hours=2))),
            (local(second), local(second + timedelta(hours=2))),
        ]

    def _proposed(self):
        """Two slots proposed as the contractor (model API, naive UTC)."""
        start = datetime.now().replace(microsecond=0) + timedelta(days=2)
        return self.order_a.with_user(self.portal_a)._symetrie_propose_slots(
            [(start, start + timedelta(hours=2)), (start + timedelta(days=1),
                                                   start + timedelta(days=1, hours=2))]
        )

    def _book_past_visit(self, hours_ago=3):
        start = datetime.now().replace(microsecond=0) - timedelta(hours=hours_ago)
        self.order_a.with_user(self.landlord)._symetrie_book_visit(
            start, start + timedelta(hours=2)
        )


@tagged("post_install", "-at_install")
class TestVisitSlots(VisitCase):
    def test_contractor_proposes_tenant_chooses_the_visit_is_booked(self):
        self._as(self.portal_a)
        mails_before = len(self._tenant_mails())
        response = self._propose(self._two_slots())
        self.assertEqual(response.status_code, 303, response.text[:500])
        slots = self._events(kind="slots_proposed").sorted("visit_start")
        self.assertEqual(len(slots), 2)
        self.assertEqual(set(slots.mapped("source")), {"portal"})
        self.assertEqual(len(self._tenant_mails()), mails_before + 1, "tenant asked to choose")
        # The tenant sees the slots on the tracking link, without an account.
        self._as(None)
        token = self._token(self.order_a)
        page = self.url_open(f"/track/{token}")
        self.assertEqual(page.status_code, 200)
        self.assertEqual(page.text.count("o_tenant_slot_button"), 2)
        response = self.url_open(
            f"/track/{token}/slot",
            data={"csrf_token": self._csrf(), "slot_id": slots[1].id},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303, response.text[:500])
        order = self.order_a
        self.assertEqual(order.symetrie_step, "visit_booked")
        self.assertEqual(order.symetrie_visit_start, slots[1].visit_start)
        self.assertEqual(order.symetrie_technician_id, self.portal_a.partner_id)
        self.assertEqual(len(self._events(kind="slot_chosen")), 1)
        booked = self._events().filtered(lambda e: e.step == "visit_booked" and e.kind == "step")
        self.assertEqual(booked.source, "portal")
        # The tenant is e-mailed the booked visit, the contractor is told.
        self.assertEqual(len(self._tenant_mails()), mails_before + 2)
        told = self.env["mail.message"].sudo().search(
            [("model", "=", "purchase.order"), ("res_id", "=", order.id),
             ("partner_ids", "in", self.contractor_a.id)]
        )
        self.assertTrue(told, "the contractor is told the slot chosen")
        # A second choice: refused, nothing written.
        events_before = len(self._events())
        response = self.url_open(
            f"/track/{token}/slot",
            data={"csrf_token": self._csrf(), "slot_id": slots[0].id},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("o_tenant_tracking", response.text)
        self._assert_says(response, "Aucun créneau n'attend votre choix", "No slot is waiting for your choice")
        self.assertEqual(len(self._events()), events_before)
        self.assertEqual(order.symetrie_visit_start, slots[1].visit_start)

    def test_bad_slots_are_refused_and_nothing_written(self):
        self._as(self.portal_a)
        past = datetime.now() - timedelta(hours=2)
        first = self.tomorrow.replace(hour=9, minute=0)
        # (slots, the message in French or in English)
        cases = {
            "past": (
                [(local(past), local(past + timedelta(hours=1)))],
                ("Un créneau ne peut pas être dans le passé.", "A slot cannot be in the past."),
            ),
            "end before start": (
                [(local(first), local(first - timedelta(hours=1)))],
                ("Un créneau doit finir après son début.", "A slot must end after it starts."),
            ),
            "four": (
                [
                    (local(first + timedelta(days=n)), local(first + timedelta(days=n, hours=1)))
                    for n in range(4)
                ],
                ("Proposez au plus 3 créneaux.", "Propose at most 3 slots."),
            ),
            "none": ([], ("Proposez au moins un créneau.", "Propose at least one slot.")),
            "not a date": ([("demain", "après-demain")], ("",)),
        }
        mails_before = len(self._tenant_mails())
        for case, (slots, messages) in cases.items():
            with self.subTest(case):
                response = self._propose(slots)
                self.assertEqual(response.status_code, 400, case)
                self.assertIn("o_work_order_error", response.text)
                text = response.text.replace("&#39;", "'")
                self.assertTrue(any(m in text for m in messages), case)
                self.assertNotIn("Traceback", response.text)
                self.assertFalse(self._events(kind="slots_proposed"), case)
        self.assertEqual(len(self._tenant_mails()), mails_before)

    def test_direct_booking_waits_for_the_tenant_then_is_allowed(self):
        self._proposed()
        self._as(self.portal_a)
        start, end = self._slot()
        data = {
            "csrf_token": self._csrf(), "step": "visit_booked", "current_step": "accepted",
            "visit_start": start, "visit_end": end,
        }
        page = self.url_open(f"/my/work-orders/{self.order_a.id}").text
        self.assertIn("o_work_order_pending_slots", page)
        self.assertNotIn("o_step_visit_booked", page, "no direct booking offered yet")
        url = f"/my/work-orders/{self.order_a.id}/step"
        response = self.url_open(url, data=data, allow_redirects=False)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.order_a.symetrie_step, "accepted")
        # Once the company's delay has passed, the contractor books directly.
        self.order_a.sudo().company_id.symetrie_slot_answer_hours = 0
        self.assertIn("o_step_visit_booked", self.url_open(f"/my/work-orders/{self.order_a.id}").text)
        response = self.url_open(url, data=data, allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.order_a.symetrie_step, "visit_booked")
        self.assertFalse(self.order_a._symetrie_pending_slots(), "the booking closes the round")

    def test_landlord_books_even_while_slots_wait(self):
        self._proposed()
        start = datetime.now() + timedelta(days=5)
        self.order_a.with_user(self.landlord)._symetrie_book_visit(
            start, start + timedelta(hours=1)
        )
        self.assertEqual(self.order_a.symetrie_step, "visit_booked")

    def test_no_slots_without_a_tenant_email(self):
        self.order_a.symetrie_tenant_email = False
        with self.assertRaisesRegex(Exception, "e-mail"):
            self._proposed()
        self.assertFalse(self._events(kind="slots_proposed"))

    def test_tenant_asks_for_other_slots(self):
        self._proposed()
        token = self._token(self.order_a)
        self._as(None)
        url = f"/track/{token}/other-slots"
        response = self.url_open(
            url, data={"csrf_token": self._csrf(), "message": "  "}, allow_redirects=False
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._events(kind="slots_refused"))
        response = self.url_open(
            url, data={"csrf_token": self._csrf(), "message": "Le soir après 18h"},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        refused = self._events(kind="slots_refused")
        self.assertEqual(refused.note, "Le soir après 18h")
        self.assertFalse(self.order_a._symetrie_pending_slots())
        # The contractor proposes again.
        self._proposed()
        self.assertEqual(len(self.order_a._symetrie_pending_slots()), 2)
        # The tenant reads each round of slots as one line, not one per slot.
        kinds = [
            line["kind"]
            for line in self.order_a._symetrie_tenant_timeline()
            if line["kind"] != "step"
        ]
        self.assertEqual(kinds, ["slots_proposed", "slots_refused", "slots_proposed"])


@tagged("post_install", "-at_install")
class TestVisitAccess(VisitCase):
    def test_another_contractor_gets_nothing(self):
        self._proposed()
        self._book_past_visit()
        self._as(self.portal_b)
        for url in (
            f"/my/work-orders/{self.order_a.id}/visit.ics",
        ):
            self.assertEqual(self.url_open(url).status_code, 404, url)
        before = len(self._events())
        for url, data in (
            (f"/my/work-orders/{self.order_a.id}/slots", {"slot_start_1": local(self.tomorrow),
                                                          "slot_end_1": local(self.tomorrow + timedelta(hours=1))}),
            (f"/my/work-orders/{self.order_a.id}/tenant-absent", {}),
        ):
            response = self.url_open(
                url, data={"csrf_token": self._csrf(), **data},
                files={"photos": ("avis.png", PNG, "image/png")}, allow_redirects=False,
            )
            self.assertEqual(response.status_code, 404, url)
        self.assertEqual(len(self._events()), before)

    def test_model_methods_refuse_another_contractor(self):
        order = self.order_a.with_user(self.portal_b)
        start = datetime.now() + timedelta(days=2)
        with self.assertRaises(Exception):
            order._symetrie_propose_slots([(start, start + timedelta(hours=1))])
        self._book_past_visit()
        with self.assertRaises(Exception):
            order._symetrie_check_tenant_absent()
        self.assertFalse(self._events(kind="slots_proposed"))

    def test_a_token_reaches_only_its_own_order(self):
        slots = self._proposed()
        self.order_b.with_user(self.landlord)._symetrie_post_step("accepted")
        token_b = self._token(self.order_b)
        self._as(None)
        response = self.url_open(
            f"/track/{token_b}/slot",
            data={"csrf_token": self._csrf(), "slot_id": slots[0].id},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.order_a.symetrie_step, "accepted")
        self.assertFalse(self._events(kind="slot_chosen"))
        self.assertFalse(self._events(self.order_b, "slot_chosen"))
        # A wrong token opens nothing.
        for path in ("slot", "no-show", "other-slots"):
            response = self.url_open(
                f"/track/{'x' * 43}/{path}", data={"csrf_token": self._csrf()},
                allow_redirects=False,
            )
            self.assertEqual(response.status_code, 404, path)
        self.assertEqual(self.url_open(f"/track/{'x' * 43}/visit.ics").status_code, 404)

    def test_ics_of_the_booked_visit(self):
        token = self._token(self.order_a)
        self._as(None)
        self.assertEqual(self.url_open(f"/track/{token}/visit.ics").status_code, 404,
                         "no visit booked yet")
        start = datetime(2030, 1, 15, 8, 0)
        self.order_a.with_user(self.landlord)._symetrie_book_visit(
            start, start + timedelta(hours=2)
        )
        response = self.url_open(f"/track/{token}/visit.ics")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers["Content-Type"].startswith("text/calendar"))
        body = response.content.decode()
        self.assertTrue(body.startswith("BEGIN:VCALENDAR\r\n"))
        self.assertTrue(body.endswith("END:VCALENDAR\r\n"))
        for line in ("VERSION:2.0", "DTSTART:20300115T080000Z", "DTEND:20300115T100000Z",
                     "BEGIN:VEVENT", "END:VEVENT"):
            self.assertIn(line + "\r\n", body)
        self.assertRegex(body, r"UID:work-order-\d+-20300115T080000Z@")
        self.assertRegex(body, r"DTSTAMP:\d{8}T\d{6}Z\r\n")
        self.assertIn("SUMMARY:", body)
        summary = body.split("SUMMARY:")[1].split("\r\n")[0]
        self.assertIn(self.order_a.name, summary)
        # The order's reference may hold "43" too (P00743): not a price.
        self.assertNotIn("43", summary.replace(self.order_a.name, ""), "no price")
        self.assertNotIn("43217", body)
        self.assertTrue(all(len(line.encode()) <= 75 for line in body.split("\r\n")))
        # The contractor's order page links its own .ics; a public visitor is
        # sent to log in.
        self.assertEqual(
            self.url_open(f"/my/work-orders/{self.order_a.id}/visit.ics",
                          allow_redirects=False).status_code, 303,
        )
        self._as(self.portal_a)
        page = self.url_open(f"/my/work-orders/{self.order_a.id}")
        self.assertIn(f"/my/work-orders/{self.order_a.id}/visit.ics", page.text)
        response = self.url_open(f"/my/work-orders/{self.order_a.id}/visit.ics")
        self.assertEqual(response.status_code, 200)
        self.assertIn("DTSTART:20300115T080000Z", response.text)


@tagged("post_install", "-at_install")
class TestMissedVisits(VisitCase):
    def _post_absent(self, files=None, note="Avis laissé dans la boîte"):
        return self.url_open(
            f"/my/work-orders/{self.order_a.id}/tenant-absent",
            data={"csrf_token": self._csrf(), "note": note},
            files=files or {},
            allow_redirects=False,
        )

    def _attachments(self):
        return self.env["ir.attachment"].search_count(
            [("res_model", "=", "purchase.order"), ("res_id", "=", self.order_a.id)]
        )

    def test_tenant_absent_needs_a_photo_then_the_contractor_proposes_again(self):
        self._book_past_visit()
        missed_start = self.order_a.symetrie_visit_start
        self._as(self.portal_a)
        before = (len(self._events()), self._attachments())
        response = self._post_absent()
        self.assertEqual(response.status_code, 400)
        self.assertEqual((len(self._events()), self._attachments()), before)
        mails_before = len(self._tenant_mails())
        response = self._post_absent({"photos": ("avis.png", PNG, "image/png")})
        self.assertEqual(response.status_code, 303, response.text[:400])
        absent = self._events(kind="tenant_absent")
        self.assertEqual(absent.visit_start, missed_start)
        self.assertEqual(absent.attachment_ids.mimetype, "image/png")
        self.assertEqual(len(self._tenant_mails()), mails_before + 1)
        self.assertFalse(self.order_a.symetrie_visit_start, "a new slot is needed")
        self.assertEqual(len(self._propose(self._two_slots()).headers.get("Location", "")) > 0, True)
        self.assertEqual(len(self._events(kind="slots_proposed")), 2)

    def test_tenant_absent_before_the_visit_is_refused(self):
        start = datetime.now() + timedelta(days=1)
        self.order_a.with_user(self.landlord)._symetrie_book_visit(
            start, start + timedelta(hours=2)
        )
        self._as(self.portal_a)
        before = (len(self._events()), self._attachments())
        response = self._post_absent({"photos": ("avis.png", PNG, "image/png")})
        self.assertEqual(response.status_code, 400)
        self.assertEqual((len(self._events()), self._attachments()), before)

    def _no_show(self, note=""):
        return self.url_open(
            f"/track/{self._token(self.order_a)}/no-show",
            data={"csrf_token": self._csrf(), "note": note},
            allow_redirects=False,
        )

    def test_tenant_reports_nobody_came_within_the_window(self):
        self._book_past_visit(hours_ago=3)
        self.order_a.user_id = self.landlord
        self._as(None)
        response = self._no_show("Personne entre 9h et 11h")
        self.assertEqual(response.status_code, 303, response.text[:400])
        no_show = self._events(kind="no_show")
        self.assertEqual(no_show.note, "Personne entre 9h et 11h")
        self.assertEqual(no_show.source, "portal")
        told = self.env["mail.message"].sudo().search(
            [("model", "=", "purchase.order"), ("res_id", "=", self.order_a.id),
             ("partner_ids", "in", self.contractor_a.id)]
        )
        self.assertIn(self.landlord.partner_id, told.partner_ids)
        # Reported once: the visit is no longer booked.
        self.assertEqual(self._no_show().status_code, 400)
        self.assertEqual(len(self._events(kind="no_show")), 1)

    def test_nobody_came_before_the_end_or_after_the_window_is_refused(self):
        self._book_past_visit(hours_ago=1)  # the slot is not over yet
        self._as(None)
        response = self._no_show()
        self.assertEqual(response.status_code, 400)
        self._assert_says(response, "Vous pourrez signaler", "You can say nobody came")
        self.assertFalse(self._events(kind="no_show"))
        self.order_a.sudo().company_id.symetrie_no_show_window_hours = 1
        start = datetime.now().replace(microsecond=0) - timedelta(hours=5)
        self.order_a.with_user(self.landlord)._symetrie_book_visit(
            start, start + timedelta(hours=2)
        )
        response = self._no_show()
        self.assertEqual(response.status_code, 400)
        self._assert_says(response, "dans les 1 heures", "within 1 hours")
        self.assertFalse(self._events(kind="no_show"))
        # Before the slot even starts.
        start = fields.Datetime.now() + timedelta(days=1)
        self.order_a.with_user(self.landlord)._symetrie_book_visit(
            start, start + timedelta(hours=2)
        )
        self.assertEqual(self._no_show().status_code, 400)
        self.assertFalse(self._events(kind="no_show"))


@tagged("post_install", "-at_install")
class TestVisitTours(VisitCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_contractor_proposes_slots_and_tenant_picks_one_on_a_phone(self):
        with screenshots_on_signal():
            self.start_tour(
                f"/my/work-orders/{self.order_a.id}", "client_portal_visit_propose_tour",
                login=self.portal_a.login,
            )
        self.assertEqual(len(self._events(kind="slots_proposed")), 2)
        with screenshots_on_signal():
            self.start_tour(
                f"/track/{self._token(self.order_a)}?debug=1", "client_portal_visit_choose_tour"
            )
        self.assertEqual(self.order_a.symetrie_step, "visit_booked")
        self.assertEqual(str(self.order_a.symetrie_visit_start), "2030-01-16 13:00:00")

    def test_tenant_reports_a_missed_visit_on_a_phone(self):
        self._book_past_visit(hours_ago=3)
        with screenshots_on_signal():
            self.start_tour(
                f"/track/{self._token(self.order_a)}?debug=1", "client_portal_visit_no_show_tour"
            )
        self.assertEqual(len(self._events(kind="no_show")), 1)


@tagged("post_install", "-at_install")
class TestVisitRouteMatrix(VisitCase):
    """Every new route as every kind of visitor: only contractor A (for its
    order) and the order's own token get through; nothing is written else."""

    def _actors(self):
        return {
            "contractor B": self.portal_b,
            "technician of C": self.tech_c,
            "public": None,
            "employee without orders group": self.employee,
        }

    def test_contractor_routes_refused_to_everyone_else(self):
        self._proposed()
        start = datetime(2030, 1, 15, 8, 0)
        self.order_b.with_user(self.landlord)._symetrie_post_step("accepted")
        order = self.order_a
        routes = [
            ("GET", f"/my/work-orders/{order.id}/visit.ics", None),
            ("POST", f"/my/work-orders/{order.id}/slots",
             {"slot_start_1": local(self.tomorrow), "slot_end_1": local(self.tomorrow + timedelta(hours=1))}),
            ("POST", f"/my/work-orders/{order.id}/tenant-absent", {"note": "x"}),
        ]
        order.with_user(self.landlord)._symetrie_book_visit(start, start + timedelta(hours=2))
        before = (len(self._events()), order.symetrie_visit_start)
        checked = 0
        for actor_name, actor in self._actors().items():
            self._as(actor)
            for method, url, data in routes:
                case = f"{method} {url} as {actor_name}"
                with self.subTest(case):
                    if method == "GET":
                        response = self.url_open(url, allow_redirects=False)
                    else:
                        response = self.url_open(
                            url, data=dict(data, csrf_token=self._csrf()),
                            files={"photos": ("avis.png", PNG, "image/png")},
                            allow_redirects=False,
                        )
                    self.assertIn(response.status_code, (303, 403, 404), case)
                    if response.status_code == 303:
                        self.assertIn("/web/login", response.headers.get("Location", ""), case)
                    self.assertNotIn("BEGIN:VCALENDAR", response.text, case)
                    checked += 1
        self.assertEqual((len(self._events()), order.symetrie_visit_start), before)
        self.assertEqual(checked, 12)

    def test_a_technician_not_assigned_gets_nothing_when_the_company_says_so(self):
        other_tech = self._portal_user("cp_tech_a3", "Théo Alpha", self.contractor_a)
        self.contractor_a.portal_technicians_see_all = False
        start = datetime(2030, 1, 15, 8, 0)
        self.order_a.with_user(self.landlord)._symetrie_book_visit(
            start, start + timedelta(hours=2), technician=self.portal_a.partner_id
        )
        self._as(other_tech)
        response = self.url_open(f"/my/work-orders/{self.order_a.id}/visit.ics")
        self.assertEqual(response.status_code, 404)
        with self.assertRaises(Exception):
            self.order_a.with_user(other_tech)._symetrie_propose_slots(
                [(start + timedelta(days=1), start + timedelta(days=1, hours=1))]
            )

    def test_tenant_routes_by_token(self):
        self._proposed()
        slot = self._events(kind="slots_proposed")[:1]
        self.order_b.with_user(self.landlord)._symetrie_post_step("accepted")
        tokens = {
            "token of another order": self._token(self.order_b),
            "wrong token": "x" * 43,
        }
        checked = 0
        for actor_name, actor in self._actors().items():
            self._as(actor)
            for token_name, token in tokens.items():
                for path, data in (
                    ("slot", {"slot_id": slot.id}),
                    ("other-slots", {"message": "Le soir"}),
                    ("no-show", {}),
                ):
                    case = f"{path}, {token_name}, as {actor_name}"
                    with self.subTest(case):
                        response = self.url_open(
                            f"/track/{token}/{path}",
                            data=dict(data, csrf_token=self._csrf()),
                            allow_redirects=False,
                        )
                        expected = 404 if token_name == "wrong token" else 400
                        self.assertEqual(response.status_code, expected, case)
                        checked += 1
        self.assertEqual(self.order_a.symetrie_step, "accepted")
        self.assertFalse(self._events(kind="slot_chosen") | self._events(kind="slots_refused"))
        self.assertFalse(self._events(self.order_b).filtered(lambda e: e.kind != "step"))
        self.assertEqual(checked, 24)
