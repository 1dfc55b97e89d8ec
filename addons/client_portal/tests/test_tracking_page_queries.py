# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import re

from odoo.tests import HttpCase, tagged

from .test_visit_slots import VisitCase

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestTrackingPageQueries(VisitCase):
    """The tenant's page is read in one query and costs no more queries than
    Odoo's own /web/login page, however long the order's history, with its
    slots, visit and report shown (issue 17: its throughput must match
    /web/login's)."""

    def _page_queries(self, path):
        self.env.flush_all()
        self.env.invalidate_all()
        # The link as e-mailed, without a language prefix (the French
        # portal tests' url_open adds one, which the routing resolves).
        HttpCase.url_open(self, path)  # warm the routing map and the template cache
        before = self.cr.sql_log_count
        response = HttpCase.url_open(self, path)
        self.assertEqual(response.status_code, 200)
        return self.cr.sql_log_count - before, response.text

    def test_tracking_page_costs_no_more_queries_than_the_login_page(self):
        self._as(None)
        login, _text = self._page_queries("/web/login")
        path = f"/track/{self._token(self.order_a)}"
        self._proposed()
        with_slots, text = self._page_queries(path)
        self.assertIn("o_tenant_slot_button", text, "the slots are on the page")
        # A longer history: the visit booked, the technician on the way and on
        # site, the work done, a report attached.
        slot = self._events(kind="slots_proposed")[:1]
        self.order_a.sudo()._symetrie_tenant_choose_slot(slot.id)
        for step in ("on_the_way", "on_site", "work_done"):
            self.order_a.with_user(self.landlord)._symetrie_post_step(
                step, note="Fuite réparée, joint changé." if step == "work_done" else None
            )
        self.order_a.sudo().symetrie_report_attachment_id = self.env["ir.attachment"].create(
            {"name": "rapport.pdf", "raw": b"%PDF-1.4", "res_model": "purchase.order",
             "res_id": self.order_a.id}
        )
        long_history, text = self._page_queries(path)
        self.assertIn("o_tenant_report_download", text, "the report is on the page")
        self.assertIn("o_tenant_rating_form", text, "the rating form is on the page")
        _logger.info(
            "/web/login: %s queries; /track: %s with slots, %s with a long history",
            login, with_slots, long_history,
        )
        self.assertLessEqual(with_slots, login, f"/web/login {login}, /track {with_slots}")
        self.assertEqual(long_history, with_slots, "the history adds no query")

    def test_order_of_a_company_the_public_user_is_not_in(self):
        """A landlord's second company: the page still opens, at the same
        cost, rendered in a company the public user belongs to."""
        other = self.env["res.company"].create({"name": "Bailleur Deux"})
        public = self.env.ref("base.public_user")
        self.assertNotIn(other, public.company_ids)
        self.order_b.sudo().company_id = other
        self._as(None)
        login, _text = self._page_queries("/web/login")
        queries, text = self._page_queries(f"/track/{self._token(self.order_b)}")
        self.assertIn("9 avenue Bêta", text)
        self.assertLessEqual(queries, login, f"/web/login {login}, /track {queries}")

    def test_tracking_page_sends_no_javascript(self):
        """A tenant's phone gets the styled page and its forms, without
        Odoo's frontend scripts; in debug mode (developers, the tours) the
        page has Odoo's frontend layout and its scripts."""
        self._as(None)
        self._proposed()
        path = f"/track/{self._token(self.order_a)}"
        _queries, text = self._page_queries(path)
        self.assertIsNone(re.search(r"<script[^>]*\bsrc=", text), "no script file")
        self.assertNotIn("__session_info__", text)
        self.assertIn("web.assets_frontend.min.css", text)
        self.assertIn('name="viewport"', text)
        for form in ("o_tenant_slot_button", "o_tenant_other_slots", "csrf_token"):
            self.assertIn(form, text)
        _queries, debug_text = self._page_queries(path + "?debug=1")
        self.assertIn("__session_info__", debug_text)
        self.assertRegex(debug_text, r"<script[^>]*\bsrc=[^>]*web\.assets_frontend_minimal")
        self.assertIn("o_tenant_slot_button", debug_text)
