# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from urllib.parse import urlsplit

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common_trust import TrustCase

TOO_BIG = 2**31


@tagged("post_install", "-at_install")
class TestOutOfRangeIds(TrustCase):
    """An id past PostgreSQL's integer in a portal URL is a 404, never a 500."""

    def test_out_of_range_ids_are_not_found(self):
        urls = {
            self.boss_a: (
                f"/my/work-orders/{TOO_BIG}",
                f"/my/purchase/{TOO_BIG}",
            ),
            self.portal_a: (
                f"/my/house/{TOO_BIG}",
                f"/my/house/{self.house_a.id}/files/{TOO_BIG}",
                f"/my/house/quotes/{TOO_BIG}",
                f"/my/complaints/{TOO_BIG}",
                f"/my/complaints/{self.complaint_a.id}/photos/{TOO_BIG}",
            ),
        }
        checked = 0
        for user, paths in urls.items():
            self.authenticate(user.login, user.login)
            for path in paths:
                with self.subTest(path):
                    response = self.url_open(path)
                    self.assertEqual(response.status_code, 404, path)
                    checked += 1
        self.assertEqual(checked, 7)


@tagged("post_install", "-at_install")
class TestUploadLimitWithinServerLimit(TrustCase):
    def test_limit_cannot_exceed_what_the_server_accepts(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "web.max_file_upload_size", str(8 * 1024 * 1024)
        )
        with self.assertRaises(ValidationError):
            self.env.company.portal_upload_max_mb = 10
        self.env.company.portal_upload_max_mb = 5
        self.assertEqual(self.env.company.portal_upload_max_mb, 5)

    def test_oversize_request_gets_a_clear_message(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "web.max_file_upload_size", str(64 * 1024)
        )
        self.authenticate(self.boss_a.login, self.boss_a.login)
        response = self.url_open(
            f"/my/work-orders/{self.order_unassigned.id}/step",
            data={"step": "accepted", "current_step": "sent",
                  "csrf_token": self._csrf()},
            files={"photos": ("big.png", b"x" * (256 * 1024), "image/png")},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 413)
        self.assertIn('role="alert"', response.text)
        self.assertEqual(self.order_unassigned.symetrie_step, "sent")


@tagged("post_install", "-at_install")
class TestOrdersNotSentYet(TrustCase):
    """An order is the contractor's once it was sent: before, neither our pages
    nor Odoo's purchase pages show it (nor its door code or price)."""

    def test_contractor_sees_no_order_before_it_is_sent(self):
        draft, cancelled = self._unsent_orders(self.company_a)
        self.authenticate(self.boss_a.login, self.boss_a.login)
        for order in (draft, cancelled):
            # Redirects followed, a language prefix may come first.
            with self.subTest(order=order.symetrie_step, page="ours"):
                response = self.url_open(f"/my/work-orders/{order.id}")
                self.assertEqual(response.status_code, 404)
                self.assertNotIn(order.name, response.text)
                self.assertNotIn("8642", response.text)
            with self.subTest(order=order.symetrie_step, page="purchase's"):
                response = self.url_open(f"/my/purchase/{order.id}")
                # Purchase sends a visitor it refuses back to /my.
                self.assertRegex(urlsplit(response.url).path, r"^(/\w+)?/my$")
                self.assertNotIn(order.name, response.text)
                self.assertNotIn("8642", response.text)
        listing = self.url_open("/my/purchase").text
        self.assertNotIn(draft.name, listing)
        # Once sent, the same order is the contractor's.
        draft.with_user(self.landlord).action_symetrie_send()
        response = self.url_open(f"/my/work-orders/{draft.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("8642", response.text)


@tagged("post_install", "-at_install")
class TestWorkOrderLinksOpenItsPage(TrustCase):
    """The order's link in the contractor's e-mails and in Odoo's purchase
    list opens the work order's own page, where its steps are posted."""

    def test_mail_link_and_purchase_list_open_the_work_order_page(self):
        order = self.order_assigned
        page = rf"^(/\w+)?/my/work-orders/{order.id}$"
        self.authenticate(self.boss_a.login, self.boss_a.login)
        response = self.url_open(f"/mail/view?model=purchase.order&res_id={order.id}")
        self.assertEqual(response.status_code, 200)
        self.assertRegex(urlsplit(response.url).path, page)
        self.assertIn(order.name, response.text)
        listing = self.url_open("/my/purchase").text
        self.assertIn(f'href="/my/work-orders/{order.id}?', listing)
