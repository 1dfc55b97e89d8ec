# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import json

from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.symetrie_orders.tests.test_intervention_report import signature_png

from .common import PortalCase, screenshots_on_signal

PNG_1PX = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
PRICES = ("43217", "43 217", "43,217", "43\u202f217", "43\xa0217")


@tagged("post_install", "-at_install")
class TestInterventionReportPortal(PortalCase):
    """The signature, the reports and extra work quotes through the portal routes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order_a.sudo().company_id.symetrie_quote_threshold = 150.0
        order = cls.order_a.with_user(cls.portal_a)
        for step in ("accepted", "on_site"):
            order._symetrie_post_step(step)
        order._symetrie_work_done("Joint du siphon changé")

    def _sign(self, order, signature, name="Yasmine Locataire"):
        payload = {
            "id": 1,
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "name": name,
                "signature": signature.decode() if isinstance(signature, bytes) else signature,
            },
        }
        response = self.url_open(
            f"/my/work-orders/{order.id}/sign",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        return response.json()

    def _post(self, path, data, files=None):
        data = dict(data, csrf_token=self._csrf())
        return self.url_open(path, data=data, files=files, allow_redirects=False)

    # -- signature --------------------------------------------------------
    def test_technician_gets_the_signature_and_everyone_downloads_the_report(self):
        self._as(self.portal_a)
        result = self._sign(self.order_a, signature_png())
        self.assertTrue(result["result"]["force_refresh"], result)
        self.assertEqual(self.order_a.symetrie_signed_by, "Yasmine Locataire")
        report = self.url_open(f"/my/work-orders/{self.order_a.id}/report")
        self.assertEqual(report.status_code, 200)
        self.assertIn("Yasmine Locataire", report.text)
        for price in PRICES:
            self.assertNotIn(price, report.text)
        page = self.url_open(f"/my/work-orders/{self.order_a.id}")
        self.assertIn("o_report_download", page.text)
        self.assertNotIn("o_report_sign_card", page.text)
        # The tenant, through the tracking link, without an account.
        self._as(None)
        token = self._token(self.order_a)
        tracked = self.url_open(f"/track/{token}")
        self.assertIn(f"/track/{token}/report.pdf", tracked.text)
        tenant_report = self.url_open(f"/track/{token}/report.pdf")
        self.assertEqual(tenant_report.status_code, 200)
        self.assertEqual(tenant_report.content, self.order_a.symetrie_report_attachment_id.raw)

    def test_signature_that_is_not_an_image_is_refused_and_nothing_written(self):
        self._as(self.portal_a)
        events = len(self.order_a.symetrie_event_ids)
        for signature in ("", "pas une image", base64.b64encode(b"%PDF-1.4 fake")):
            with self.subTest(signature=signature):
                result = self._sign(self.order_a, signature)
                self.assertIn("error", result["result"])
                self.assertNotIn("force_refresh", result["result"])
        self.order_a.invalidate_recordset()
        self.assertFalse(self.order_a.symetrie_report_date)
        self.assertFalse(self.order_a.symetrie_report_attachment_id)
        self.assertEqual(len(self.order_a.symetrie_event_ids), events)

    def test_another_contractor_gets_nothing(self):
        self._as(self.portal_b)
        result = self._sign(self.order_a, signature_png())
        self.assertNotIn("force_refresh", result.get("result") or {})
        self.assertFalse(self.order_a.symetrie_report_date)
        response = self._post(f"/my/work-orders/{self.order_a.id}/no-signature", {"reason": "absent"})
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.order_a.symetrie_report_date)
        self.order_a.with_user(self.portal_a)._symetrie_sign_report(signature_png(), "Yasmine")
        for suffix in ("report", "work-order"):
            response = self.url_open(f"/my/work-orders/{self.order_a.id}/{suffix}")
            self.assertEqual(response.status_code, 404, suffix)
        response = self._post(
            f"/my/work-orders/{self.order_a.id}/extra-work",
            {"description": "Hors forfait", "amount": "50"},
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.order_a.symetrie_extra_work_ids)

    def test_a_tenant_token_reaches_only_its_own_report(self):
        self.order_a.with_user(self.portal_a)._symetrie_sign_report(signature_png(), "Yasmine")
        self._as(None)
        # Order B has no report yet; its token does not open A's.
        self.assertEqual(
            self.url_open(f"/track/{self._token(self.order_b)}/report.pdf").status_code, 404
        )
        for token in ("x" * 40, self._token(self.order_a)[:-1] + "!"):
            self.assertEqual(self.url_open(f"/track/{token}/report.pdf").status_code, 404)
        self.assertEqual(
            self.url_open(f"/my/work-orders/{self.order_a.id}/report", allow_redirects=False).status_code,
            303,
        )

    def test_absent_tenant_from_the_portal(self):
        self._as(self.portal_a)
        url = f"/my/work-orders/{self.order_a.id}/no-signature"
        response = self._post(url, {"reason": "napping"})
        self.assertEqual(response.status_code, 400)
        self.assertIn("o_work_order_error", response.text)
        self.assertFalse(self.order_a.symetrie_report_date)
        response = self._post(url, {"reason": "absent"})
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.order_a.symetrie_no_signature_reason, "absent")
        self.assertTrue(self.order_a.symetrie_report_attachment_id)

    # -- work order PDF -----------------------------------------------------
    def test_work_order_pdf_for_the_technician_without_price(self):
        self._as(self.portal_a)
        response = self.url_open(f"/my/work-orders/{self.order_a.id}/work-order")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Digicode 1357", response.text)
        for price in PRICES:
            self.assertNotIn(price, response.text)

    # -- extra work -----------------------------------------------------------
    def test_quote_with_bad_amount_is_refused_and_nothing_written(self):
        self._as(self.portal_a)
        url = f"/my/work-orders/{self.order_a.id}/extra-work"
        events = len(self.order_a.symetrie_event_ids)
        attachments = self.env["ir.attachment"].sudo().search_count([])
        for amount in ("0", "-20", "abc", ""):
            with self.subTest(amount=amount):
                response = self._post(
                    url,
                    {"description": "Remplacer le robinet", "amount": amount},
                    files={"photos": ("robinet.png", PNG_1PX, "image/png")},
                )
                self.assertEqual(response.status_code, 400)
                self.assertIn("o_work_order_error", response.text)
        self.assertFalse(self.order_a.symetrie_extra_work_ids)
        self.assertEqual(len(self.order_a.symetrie_event_ids), events)
        self.assertEqual(self.env["ir.attachment"].sudo().search_count([]), attachments)

    def test_quotes_and_decisions_on_the_order_page(self):
        self._as(self.portal_a)
        url = f"/my/work-orders/{self.order_a.id}/extra-work"
        response = self._post(
            url,
            {"description": "Remplacer le robinet", "amount": "95,50"},
            files={"photos": ("robinet.png", PNG_1PX, "image/png")},
        )
        self.assertEqual(response.status_code, 303)
        response = self._post(url, {"description": "Changer le ballon", "amount": "890"})
        self.assertEqual(response.status_code, 303)
        small, large = self.order_a.symetrie_extra_work_ids.sorted("id")
        self.assertEqual((small.amount, small.state), (95.5, "accepted"))
        self.assertEqual(small.photo_ids.mimetype, "image/png")
        self.assertEqual(large.state, "submitted")
        manager = new_test_user(
            self.env, login="cp_wo_manager", groups="symetrie_orders.group_orders_manager"
        )
        large.with_user(manager)._symetrie_refuse("Compris dans le contrat")
        page = self.url_open(f"/my/work-orders/{self.order_a.id}")
        self.assertIn("Remplacer le robinet", page.text)
        self.assertIn("Compris dans le contrat", page.text)
        self.assertIn("Refusé", page.text)


@tagged("post_install", "-at_install")
class TestInterventionReportTour(PortalCase):
    # A phone: the tenant signs with a finger on the technician's phone.
    browser_size = "390x844"
    touch_enabled = True

    def test_technician_gets_the_signature_and_downloads_the_report(self):
        order = self.order_a.with_user(self.portal_a)
        for step in ("accepted", "on_site"):
            order._symetrie_post_step(step)
        order._symetrie_work_done("Joint du siphon changé")
        with screenshots_on_signal():
            self.start_tour(
                self._french_url(f"/my/work-orders/{self.order_a.id}"),
                "client_portal_report_tour",
                login=self.portal_a.login,
            )
        self.assertEqual(self.order_a.symetrie_signed_by, "Yasmine Locataire")
        signature = base64.b64decode(self.order_a.symetrie_signature)
        self.assertTrue(signature.startswith(b"\x89PNG"))
        self.assertEqual(self.order_a.symetrie_event_ids.sorted("id")[-1].kind, "report_signed")
        self.assertTrue(self.order_a.symetrie_report_attachment_id)


@tagged("post_install", "-at_install")
class TestReportRoutesAccess(PortalCase):
    """Odoo's generic report routes: the reports of another contractor's
    order show nothing of it."""

    def test_another_contractor_cannot_render_the_reports(self):
        order = self.order_a.with_user(self.portal_a)
        for step in ("accepted", "on_site"):
            order._symetrie_post_step(step)
        order._symetrie_work_done("Joint du siphon changé")
        order._symetrie_sign_report(signature_png(), "Yasmine Locataire")
        self._as(self.portal_b)
        with mute_logger("odoo.http"):
            self._assert_reports_refused()

    def _assert_reports_refused(self):
        for report in ("report_intervention", "report_work_order"):
            for kind in ("html", "pdf"):
                with self.subTest(report=report, kind=kind):
                    response = self.url_open(
                        f"/report/{kind}/symetrie_orders.{report}/{self.order_a.id}"
                    )
                    self.assertNotEqual(response.status_code, 200)
                    self.assertNotIn("Digicode", response.text)
                    self.assertNotIn("Yasmine", response.text)
