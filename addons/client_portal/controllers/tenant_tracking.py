# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request


class TenantTracking(http.Controller):
    """The tenant's tracking page: no account, an unguessable token, no price."""

    def _order_or_404(self, token):
        order = request.env["purchase.order"]._symetrie_find_by_token(token)
        if not order:
            raise request.not_found()
        # The page speaks the tenant's language.
        lang = order.symetrie_tenant_id.lang
        if lang and lang in dict(request.env["res.lang"].get_installed()):
            request.update_context(lang=lang)
        return order.with_context(lang=request.env.lang)

    def _render(self, order, token, error=None, thanks=False, status=200):
        company = order.company_id
        technician = order.symetrie_technician_id
        values = {
            "order": order,
            "token": token,
            "timeline": order._symetrie_tenant_timeline(),
            "technician_first_name": (technician.sudo().name or "").split(" ")[0],
            "contractor_name": order.partner_id.commercial_partner_id.name,
            "landlord": company,
            "can_rate": order._symetrie_tenant_can_rate(),
            "error": error,
            "thanks": thanks,
        }
        return request.render("client_portal.tenant_tracking_page", values, status=status)

    @http.route("/track/<string:token>", type="http", auth="public", website=True, sitemap=False)
    def tenant_tracking(self, token, **kw):
        order = self._order_or_404(token)
        return self._render(order, token, thanks=kw.get("rated") == "1")

    @http.route(
        "/track/<string:token>/rate",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
        sitemap=False,
    )
    def tenant_rate(self, token, stars=None, comment=None, **kw):
        order = self._order_or_404(token)
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
