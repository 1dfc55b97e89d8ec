# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.tests import tagged

from .common import PortalCase

# A real 1x1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestPortalBadInput(PortalCase):
    def setUp(self):
        super().setUp()
        for step in ("accepted", "on_site"):
            self.order_a.with_user(self.landlord)._symetrie_post_step(step)
        self._as(self.portal_a)
        self.url = f"/my/work-orders/{self.order_a.id}/step"

    def _attachments(self):
        return self.env["ir.attachment"].search_count(
            [("res_model", "=", "purchase.order"), ("res_id", "=", self.order_a.id)]
        )

    def _post_work_done(self, files, note="Joint changé", csrf=True):
        data = {"step": "work_done", "current_step": "on_site", "note": note}
        if csrf:
            data["csrf_token"] = self._csrf()
        return self.url_open(self.url, data=data, files=files, allow_redirects=False)

    def test_non_image_file_is_refused_and_nothing_stored(self):
        before = (self._attachments(), len(self.order_a.symetrie_event_ids))
        response = self._post_work_done(
            {"photos": ("rapport.pdf", b"%PDF-1.4 not a photo", "application/pdf")}
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("rapport.pdf", response.text)
        self.assertNotIn("Traceback", response.text)
        self.assertEqual((self._attachments(), len(self.order_a.symetrie_event_ids)), before)
        self.assertEqual(self.order_a.symetrie_step, "on_site")

    def test_image_disguised_as_something_else_is_checked_by_content(self):
        response = self._post_work_done(
            {"photos": ("photo.png", b"<script>alert(1)</script>", "image/png")}
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.order_a.symetrie_step, "on_site")

    def test_oversize_photo_is_refused(self):
        self.env.company.portal_upload_max_mb = 1
        big = PNG + b"\0" * (1024 * 1024)
        before = self._attachments()
        response = self._post_work_done({"photos": ("grande.png", big, "image/png")})
        self.assertEqual(response.status_code, 400)
        self.assertIn("1 Mo", response.text)
        self.assertEqual(self._attachments(), before)
        self.assertEqual(self.order_a.symetrie_step, "on_site")

    def test_photo_is_stored_on_the_order_with_the_step(self):
        response = self._post_work_done({"photos": ("apres.png", PNG, "image/png")})
        self.assertEqual(response.status_code, 303)
        event = self.order_a.symetrie_event_ids.sorted("id")[-1]
        self.assertEqual(event.step, "work_done")
        self.assertEqual(event.attachment_ids.mimetype, "image/png")
        self.assertEqual(event.attachment_ids.res_id, self.order_a.id)

    def test_script_in_a_note_is_shown_as_text(self):
        response = self._post_work_done({}, note="<script>alert('x')</script> fait")
        self.assertEqual(response.status_code, 303)
        page = self.url_open(f"/my/work-orders/{self.order_a.id}")
        self.assertNotIn("<script>alert('x')</script>", page.text)
        self.assertIn("&lt;script&gt;alert(", page.text)

    def test_double_submission_writes_one_event(self):
        first = self._post_work_done({})
        second = self._post_work_done({})
        self.assertEqual(first.status_code, 303)
        self.assertEqual(second.status_code, 409)
        steps = self.order_a.symetrie_event_ids.mapped("step")
        self.assertEqual(steps.count("work_done"), 1)

    def test_missing_csrf_is_refused_and_nothing_written(self):
        before = len(self.order_a.symetrie_event_ids)
        response = self._post_work_done({}, csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(len(self.order_a.symetrie_event_ids), before)

    def test_nul_character_in_a_note_or_search_is_a_bad_request(self):
        events = self.order_a.symetrie_event_ids
        response = self._post_work_done({}, note="Joint\x00 changé")
        self.assertEqual(response.status_code, 400)
        self.assertIn('role="alert"', response.text)
        self.assertEqual(self.order_a.symetrie_step, "on_site")
        self.assertEqual(self.order_a.symetrie_event_ids, events)
        response = self.url_open("/my/work-orders?search=P0%00")
        self.assertEqual(response.status_code, 400)

    def test_refused_step_shows_the_reason(self):
        data = {"step": "accepted", "current_step": "on_site", "csrf_token": self._csrf()}
        response = self.url_open(self.url, data=data, allow_redirects=False)
        self.assertEqual(response.status_code, 400)
        self.assertIn("ne peut pas suivre", response.text)

    def test_visit_with_end_before_start_is_refused(self):
        start, end = self._slot()
        data = {
            "step": "visit_booked",
            "current_step": "on_site",
            "visit_start": end,
            "visit_end": start,
            "csrf_token": self._csrf(),
        }
        response = self.url_open(self.url, data=data, allow_redirects=False)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.order_a.symetrie_step, "on_site")


@tagged("post_install", "-at_install")
class TestTenantPage(PortalCase):
    def test_tenant_without_language_and_wrong_link(self):
        """A tenant without a language reads the page in the browser's language
        (an installed one); a wrong link gets Odoo's 404 page, not a bare one."""
        order = self.order_a
        order.symetrie_tenant_id.sudo().lang = False
        self.authenticate(None, None)
        page = self.url_open(
            f"/track/{self._token(order)}", headers={"Accept-Language": "fr-FR,fr;q=0.9"}
        )
        self.assertEqual(page.status_code, 200)
        self.assertIn("Votre intervention", page.text)
        wrong = self.url_open("/track/" + "x" * 43)
        self.assertEqual(wrong.status_code, 404)
        # Odoo's own 404 page (its picture), in whatever language it speaks.
        self.assertIn("http_routing/404.svg", wrong.text)
        self.assertNotIn("7 rue du Portail", wrong.text)

    def test_tenant_page_is_french_and_rates_once(self):
        order = self.order_a
        for step in ("accepted", "on_site"):
            order.with_user(self.landlord)._symetrie_post_step(step)
        order.with_user(self.landlord)._symetrie_work_done("Fait")
        self.authenticate(None, None)
        url = f"/track/{self._token(order)}"
        page = self.url_open(url)
        self.assertIn("Votre intervention", page.text)
        self.assertIn("Travaux terminés", page.text)
        self.assertNotIn("217,89", page.text)
        self.assertNotIn("217.89", page.text)
        rate = {"stars": "4", "comment": "<b>Très bien</b>", "csrf_token": self._csrf()}
        response = self.url_open(url + "/rate", data=rate, allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertEqual(order.symetrie_tenant_rating, 4)
        self.assertEqual(order.symetrie_tenant_comment, "<b>Très bien</b>")
        again = self.url_open(url + "/rate", data=dict(rate, stars="1"), allow_redirects=False)
        self.assertEqual(again.status_code, 400)
        self.assertEqual(order.symetrie_tenant_rating, 4)
        nul = self._sent_order(self.contractor_a, "Nul", 10.0)
        for step in ("accepted", "on_site"):
            nul.with_user(self.landlord)._symetrie_post_step(step)
        nul.with_user(self.landlord)._symetrie_work_done("Fait")
        response = self.url_open(
            f"/track/{self._token(nul)}/rate",
            data={"stars": "5", "comment": "Très\x00 bien", "csrf_token": self._csrf()},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(nul.symetrie_tenant_rating)
        bad = self._sent_order(self.contractor_a, "Autre", 10.0)
        response = self.url_open(
            f"/track/{self._token(bad)}/rate",
            data={"stars": "9", "csrf_token": self._csrf()},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 400)
