# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from lxml import html

from odoo.tests import HttpCase, tagged

from .common import FrenchPortalMixin


@tagged("post_install", "-at_install")
class TestDemoMoney(FrenchPortalMixin, HttpCase):
    """On the demo database, the contractor reads his bills in euros, the
    builder's client his house quote."""

    def setUp(self):
        super().setUp()
        if not self.env.ref("symetrie_orders.company_oph", raise_if_not_found=False):
            self.skipTest("Demo data is not loaded.")
        if not self.env.ref("client_portal.user_client_bernard", raise_if_not_found=False):
            self.skipTest("Demo data is not loaded.")

    @staticmethod
    def _visible_text(page):
        """The page's text as the visitor reads it (no scripts, no styles)."""
        tree = html.fromstring(page.text)
        for node in tree.xpath("//script|//style|//template"):
            node.drop_tree()
        return tree.xpath("string(//main)") or tree.text_content()

    def test_demo_contractor_bills_page_in_euros(self):
        self.authenticate("plombier", "plombier")
        page = self.url_open("/my/work-bills")
        self.assertEqual(page.status_code, 200)
        text = self._visible_text(page)
        # The plumber's two demo bills (95 and 310 EUR without tax), held and
        # paid late, with 20 % VAT.
        self.assertIn("114,00\xa0€", text)
        self.assertIn("372,00\xa0€", text)
        self.assertNotIn("$", text)

    def test_demo_client_house_quote_in_euros(self):
        quote = self.env.ref("mq_label.quote_bernard")
        house = self.env.ref("mq_label.project_house_bernard")
        self.authenticate("bernard", "bernard")
        # The house page lists the quote; the quote page gives its amounts:
        # the house (189,000 EUR) and two annex costs (1,800 and 4,200 EUR).
        for url in (f"/my/house/{house.id}", f"/my/house/quotes/{quote.id}"):
            page = self.url_open(url)
            self.assertEqual(page.status_code, 200, url)
            text = self._visible_text(page)
            self.assertIn("€", text, url)
            self.assertNotIn("$", text, url)
        self.assertRegex(text, r"189\s?000,00\s€")
        self.assertRegex(text, r"4\s?200,00\s€")
        self.assertRegex(text, r"195\s?000,00\s€")
