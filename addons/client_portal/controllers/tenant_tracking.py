# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import babel.dates

from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request
from odoo.tools.misc import babel_locale_parse, posix_to_ldml


# What the page shows, read with the order and its people in a few narrow
# queries (not every column of purchase_order and res_partner).
ORDER_FIELDS = [
    "company_id",
    "partner_id",
    "symetrie_tenant_id",
    "symetrie_technician_id",
    "symetrie_trade_id",
    "symetrie_address",
    "symetrie_floor",
    "symetrie_door",
    "symetrie_visit_start",
    "symetrie_visit_end",
    "symetrie_tenant_rated_on",
]
PARTNER_FIELDS = ["name", "lang", "tz", "commercial_partner_id"]


class TenantTracking(http.Controller):
    """The tenant's tracking page: no account, an unguessable token, no price.

    Not a ``website=True`` route: the page sets its language itself (the
    tenant's), so it skips the frontend routing's language resolution (public
    user, default language read from ``ir.default``) on every request.
    """

    def _lang(self, order):
        """The tenant's language; else, as the frontend routing would, the
        browser's nearest installed one or the database's default."""
        lang = order.symetrie_tenant_id.lang
        if lang and lang in dict(request.env["res.lang"].get_installed()):
            return lang
        IrHttp = request.env["ir.http"]
        return IrHttp.get_nearest_lang(request.best_lang) or IrHttp._get_default_lang().code

    def _order(self, token):
        """The token's order in the tenant's language, or an empty recordset."""
        order = request.env["purchase.order"]._symetrie_find_by_token(token, ORDER_FIELDS)
        if order:
            (order.symetrie_tenant_id | order.partner_id | order.symetrie_technician_id).fetch(
                PARTNER_FIELDS
            )
        request.update_context(lang=self._lang(order))
        return order.with_context(lang=request.env.lang)

    def _order_or_404(self, token):
        """The token's order in the tenant's language, or a 404: for the routes
        that add actions to the page (kept for them)."""
        order = self._order(token)
        if not order:
            raise request.not_found()
        return order

    def _not_found(self):
        """Odoo's frontend 404 page, as a wrong or cancelled link always had
        (without the footer's language selector, which needs the website
        routing's languages)."""
        return request.render("http_routing.404", {"no_footer": True}, status=404)

    def _datetime_format(self, tz_name):
        """``format(value, time_only=False)``: a UTC datetime in the tenant's
        timezone, as Odoo's datetime widget with ``hide_seconds`` shows it (the
        page's language formats), the patterns worked out once per page, not
        once per event."""
        lang = request.env["res.lang"]._get_data(code=request.env.lang)
        locale = babel_locale_parse(lang.code)
        tzinfo = babel.dates.get_timezone(tz_name)

        def pattern(strftime_pattern):
            ldml = posix_to_ldml(strftime_pattern, locale=locale)
            return ldml.replace(":ss", "").replace(":s", "")

        full = pattern(f"{lang.date_format} {lang.time_format}")
        time = pattern(lang.time_format)

        def format_(value, time_only=False):
            if not value:
                return ""
            if time_only:
                return babel.dates.format_time(value, format=time, tzinfo=tzinfo, locale=locale)
            return babel.dates.format_datetime(value, format=full, tzinfo=tzinfo, locale=locale)

        return format_

    def _render(self, order, token, error=None, thanks=False, status=200):
        company = order.company_id
        company.fetch(["name", "phone", "email"])
        order.symetrie_trade_id.fetch(["name"])
        technician = order.symetrie_technician_id
        format_ = self._datetime_format(order._symetrie_dwelling_tz())
        values = {
            "order": order,
            "token": token,
            "timeline": [
                dict(event, date_text=format_(event["date"]))
                for event in order._symetrie_tenant_timeline()
            ],
            "visit_start": format_(order.symetrie_visit_start),
            "visit_end": format_(order.symetrie_visit_end, time_only=True),
            "technician_first_name": (technician.sudo().name or "").split(" ")[0],
            "contractor_name": order.partner_id.commercial_partner_id.name,
            "landlord": company,
            "can_rate": order._symetrie_tenant_can_rate(),
            "error": error,
            "thanks": thanks,
        }
        return request.render("client_portal.tenant_tracking_page", values, status=status)

    @http.route("/track/<string:token>", type="http", auth="public", sitemap=False)
    def tenant_tracking(self, token, **kw):
        order = self._order(token)
        if not order:
            return self._not_found()
        return self._render(order, token, thanks=kw.get("rated") == "1")

    @http.route(
        "/track/<string:token>/rate",
        type="http",
        auth="public",
        methods=["POST"],
        sitemap=False,
    )
    def tenant_rate(self, token, stars=None, comment=None, **kw):
        order = self._order(token)
        if not order:
            return self._not_found()
        try:
            stars = int(stars or 0)
        except ValueError:
            stars = 0
        try:
            order._symetrie_tenant_rate(stars, comment)
        except (UserError, ValidationError) as error:
            request.env.cr.rollback()
            return self._render(order, token, error=str(error), status=400)
        return request.redirect(f"/track/{token}?rated=1")
