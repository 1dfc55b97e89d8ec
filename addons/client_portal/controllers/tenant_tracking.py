# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from .formatting import datetime_formatter


class TenantTracking(http.Controller):
    """The tenant's tracking page: no account, an unguessable token, no price.

    The page is read in one query (``_symetrie_tenant_page``): it is the
    most-served page of the product. Not a ``website=True`` route: the page
    sets its language itself (the tenant's), so it skips the frontend routing's language resolution (public
    user, default language read from ``ir.default``) on every request.
    """

    def _lang(self, tenant_lang):
        """The tenant's language; else, as the frontend routing would, the
        browser's nearest installed one or the database's default."""
        if tenant_lang and tenant_lang in dict(request.env["res.lang"].get_installed()):
            return tenant_lang
        IrHttp = request.env["ir.http"]
        return IrHttp.get_nearest_lang(request.best_lang) or IrHttp._get_default_lang().code

    def _order(self, token):
        """The token's order in the tenant's language, or an empty recordset:
        for the routes that act on it (rate, slots, report, calendar)."""
        order = request.env["purchase.order"]._symetrie_find_by_token(token)
        request.update_context(lang=self._lang(order.sudo().symetrie_tenant_id.lang))
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

    def _company_context(self, company_id):
        """Render the page in the order's company (the landlord's), when the
        public user belongs to it, else in the public user's first company.

        Both come from the user's cached companies: without them, the layout
        reads the public user's row for its default company on every request,
        one of the four queries the page took."""
        allowed = request.env.user._get_company_ids()
        if not allowed:
            return {}
        return {"allowed_company_ids": [company_id if company_id in allowed else allowed[0]]}

    def _render(self, token, error=None, thanks=False, status=200):
        """The page of ``token``, read in one query, or Odoo's 404 page."""
        page = request.env["purchase.order"]._symetrie_tenant_page(token)
        if not page:
            return self._not_found()
        request.update_context(
            lang=self._lang(page["tenant_lang"]), **self._company_context(page["company_id"])
        )
        lang = request.env.lang
        format_ = datetime_formatter(request.env, page["tz"])
        order = request.env["purchase.order"].browse(page["order_id"])
        trade = page["trade_name"]
        values = {
            "page": page,
            "token": token,
            "trade_name": trade.get(lang) or trade.get("en_US", ""),
            "timeline": [
                dict(line, date_text=format_(line["date"]))
                for line in order._symetrie_tenant_timeline(page["events"])
            ],
            "visit_start": format_(page["visit_start"]),
            "visit_end": format_(page["visit_end"], time_only=True),
            "open_slots": [
                {
                    "id": slot.id,
                    "start": format_(slot.visit_start),
                    "end": format_(slot.visit_end, time_only=True),
                }
                for slot in page["open_slots"]
            ],
            "error": error,
            "thanks": thanks,
        }
        return request.render("client_portal.tenant_tracking_page", values, status=status)

    @http.route("/track/<string:token>", type="http", auth="public", sitemap=False)
    def tenant_tracking(self, token, **kw):
        return self._render(token, thanks=kw.get("rated") == "1")

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
            return self._render(token, error=str(error), status=400)
        return request.redirect(f"/track/{token}?rated=1")
