# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextlib
from datetime import datetime, timedelta
from unittest.mock import patch

from odoo import Command, http
from odoo.tests import HttpCase, new_test_user
from odoo.tests.common import ChromeBrowser

from odoo.addons.symetrie_orders.tests.common import use_french

SCREENSHOT_SIGNAL = "client_portal-screenshot:"
# The add-ons whose French the portal pages of these tests show.
PORTAL_MODULES = ("portal", "symetrie_orders", "symetrie_evaluation", "mq_label", "client_portal")
# Our portal pages, that Odoo serves under a language prefix.
PORTAL_PREFIXES = ("/my", "/track")


@contextlib.contextmanager
def screenshots_on_signal():
    """Save a screenshot (in --screenshots) when a tour step logs the signal.

    Capture only: the browser's console handling is otherwise unchanged.
    """
    original = ChromeBrowser._handle_console

    def handle_console(browser, type, args=None, stackTrace=None, **kw):  # noqa: A002
        if type == "log" and args:
            first = browser._from_remoteobject(args[0])
            if isinstance(first, str) and first.startswith(SCREENSHOT_SIGNAL):
                browser.take_screenshot(prefix=first[len(SCREENSHOT_SIGNAL):] + "_")
        return original(browser, type, args=args, stackTrace=stackTrace, **kw)

    with patch.object(ChromeBrowser, "_handle_console", handle_console):
        yield


def new_portal_user(env, login, partner):
    """A French portal user of ``partner``, whose password is its login."""
    return new_test_user(
        env,
        login=login,
        password=login,
        groups="base.group_portal",
        partner_id=partner.id,
        lang="fr_FR",
        tz="Europe/Paris",
    )


class FrenchPortalMixin:
    """The visitors of these tests are French, whatever the database's languages.

    French is loaded with our add-ons' terms, and a page is asked for at the
    URL Odoo serves a French visitor (http_routing): under ``/fr/`` unless
    French is the default language, as a browser gets after the redirect.
    Forms are posted to their plain URL, as the pages' own forms do.
    """

    @classmethod
    def _use_french(cls):
        use_french(cls.env, *PORTAL_MODULES)

    def _french_url(self, url):
        if not url.startswith(PORTAL_PREFIXES):
            return url
        default_lang = self.env["ir.default"].sudo()._get("res.partner", "lang") or next(
            iter(self.env["res.lang"]._get_active_by("code"))
        )
        if default_lang == "fr_FR":
            return url
        return "/" + self.env["res.lang"]._get_data(code="fr_FR").url_code + url

    def url_open(self, url, data=None, files=None, *args, **kwargs):
        if not (data or files):
            url = self._french_url(url)
        return super().url_open(url, data, files, *args, **kwargs)


class PortalCase(FrenchPortalMixin, HttpCase):
    """Two contractors with portal users, a technician elsewhere, a tenant."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        Partner = cls.env["res.partner"]
        cls._use_french()
        cls.landlord = new_test_user(
            cls.env, login="cp_landlord", groups="symetrie_orders.group_orders_user"
        )
        cls.employee = new_test_user(
            cls.env, login="cp_employee", password="cp_employee", groups="base.group_user"
        )
        cls.contractor_a = Partner.create(
            {"name": "Plomberie Alpha", "is_company": True, "supplier_rank": 1}
        )
        cls.contractor_b = Partner.create(
            {"name": "Électricité Bêta", "is_company": True, "supplier_rank": 1}
        )
        cls.contractor_c = Partner.create(
            {"name": "Serrurerie Gamma", "is_company": True, "supplier_rank": 1}
        )
        cls.portal_a = cls._portal_user("cp_portal_a", "Karim Alpha", cls.contractor_a)
        cls.portal_b = cls._portal_user("cp_portal_b", "Bruno Bêta", cls.contractor_b)
        cls.tech_c = cls._portal_user("cp_tech_c", "Chloé Gamma", cls.contractor_c)
        cls.tenant = Partner.create(
            {
                "name": "Yasmine Locataire",
                "mobile": "+33 6 10 20 30 40",
                "lang": "fr_FR",
                "tz": "Europe/Paris",
            }
        )
        cls.dwelling = cls.env["symetrie.dwelling"].create(
            {
                "name": "CP-001",
                "street": "7 rue du Portail",
                "zip": "69003",
                "city": "Lyon",
                "floor": "3",
                "door": "C",
                "access_instructions": "Digicode 1357",
                "tenant_id": cls.tenant.id,
            }
        )
        cls.product = cls.env.ref("symetrie_orders.product_work_order_intervention")
        cls.order_a = cls._sent_order(cls.contractor_a, "Fuite chez Alpha", 43217.89)
        cls.dwelling_b = cls.env["symetrie.dwelling"].create(
            {
                "name": "CP-002",
                "street": "9 avenue Bêta",
                "zip": "69007",
                "city": "Lyon",
                "tenant_id": cls.tenant.id,
            }
        )
        cls.order_b = cls._sent_order(
            cls.contractor_b, "Prise chez Bêta", 65439.71, dwelling=cls.dwelling_b
        )

    @classmethod
    def _portal_user(cls, login, name, company):
        contact = cls.env["res.partner"].create({"name": name, "parent_id": company.id})
        return new_portal_user(cls.env, login, contact)

    @classmethod
    def _sent_order(cls, contractor, description, price, dwelling=None):
        order = (
            cls.env["purchase.order"]
            .with_user(cls.landlord)
            .create(
                {
                    "symetrie_is_work_order": True,
                    "partner_id": contractor.id,
                    "symetrie_dwelling_id": (dwelling or cls.dwelling).id,
                    "symetrie_trade_id": cls.env.ref("symetrie_orders.trade_plumbing").id,
                    "symetrie_description": description,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": cls.product.id,
                                "name": "Intervention",
                                "product_qty": 1,
                                "price_unit": price,
                            }
                        )
                    ],
                }
            )
        )
        order.action_symetrie_send()
        return order

    def _as(self, actor):
        """Log in as ``actor`` (a user), or as nobody for None."""
        if actor is None:
            self.authenticate(None, None)
        else:
            self.authenticate(actor.login, actor.login)

    def _token(self, order):
        return order.sudo().symetrie_tracking_token

    def _csrf(self):
        return http.Request.csrf_token(self)

    def _slot(self):
        start = datetime.now().replace(second=0, microsecond=0) + timedelta(days=1)
        return start.strftime("%Y-%m-%dT%H:%M"), (start + timedelta(hours=2)).strftime(
            "%Y-%m-%dT%H:%M"
        )
