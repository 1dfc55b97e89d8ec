# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import content_disposition, request

from .contractor_portal import ContractorPortal
from .tenant_tracking import TenantTracking
from .uploads import uploaded_files


def _file_response(content, filename, mimetype):
    return request.make_response(
        content,
        headers=[
            ("Content-Type", mimetype),
            ("Content-Length", len(content)),
            ("Content-Disposition", content_disposition(filename)),
            ("X-Content-Type-Options", "nosniff"),
        ],
    )


def _report_response(order):
    """The stored intervention report of ``order`` (sudo), or a 404."""
    attachment = order.sudo().symetrie_report_attachment_id
    if not attachment:
        raise request.not_found()
    return _file_response(attachment.raw, attachment.name, attachment.mimetype)


class InterventionReportPortal(ContractorPortal):
    """The tenant's signature, the intervention report, the technician's work
    order and extra work quotes, from the contractor's order page."""

    @http.route(
        "/my/work-orders/<int:order_id>/sign",
        type="json",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_work_order_sign(self, order_id, name=None, signature=None, **kw):
        # The portal signature widget posts here and shows the error it gets.
        try:
            order = self._work_order_or_404(order_id)
            order._symetrie_sign_report(signature, name)
        except AccessError:
            request.env.cr.rollback()
            return {"error": request.env._("You are not allowed to do this.")}
        except (UserError, ValidationError) as error:
            request.env.cr.rollback()
            return {"error": str(error)}
        return {
            "force_refresh": True,
            "redirect_url": f"/my/work-orders/{order.id}?signed=1",
        }

    @http.route(
        "/my/work-orders/<int:order_id>/no-signature",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_work_order_no_signature(self, order_id, reason=None, **kw):
        refused = self._portal_order_action(
            order_id, lambda order: order._symetrie_report_not_signed(reason)
        )
        return refused or request.redirect(f"/my/work-orders/{order_id}?signed=1")

    @http.route(
        "/my/work-orders/<int:order_id>/report",
        type="http",
        auth="user",
        website=True,
    )
    def portal_work_order_report(self, order_id, **kw):
        return _report_response(self._work_order_or_404(order_id))

    @http.route(
        "/my/work-orders/<int:order_id>/work-order",
        type="http",
        auth="user",
        website=True,
    )
    def portal_work_order_pdf(self, order_id, **kw):
        order = self._work_order_or_404(order_id)
        content, report_format = (
            request.env["ir.actions.report"]
            .sudo()
            .with_context(tz=order._symetrie_dwelling_tz())
            ._render_qweb_pdf("symetrie_orders.action_report_work_order", order.ids)
        )
        pdf = report_format == "pdf"
        return _file_response(
            content,
            f"{order.name}.{'pdf' if pdf else 'html'}",
            "application/pdf" if pdf else "text/html; charset=utf-8",
        )

    @http.route(
        "/my/work-orders/<int:order_id>/extra-work",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_work_order_extra_work(self, order_id, description=None, amount=None, **kw):
        refused = self._portal_order_action(
            order_id,
            lambda order: order._portal_submit_extra_work(
                description, amount, uploaded_files("photos")
            ),
        )
        return refused or request.redirect(f"/my/work-orders/{order_id}?quoted=1")


class InterventionReportTracking(TenantTracking):
    """The tenant downloads the report of the intervention through the link."""

    @http.route(
        "/track/<string:token>/report.pdf",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
    )
    def tenant_report(self, token, **kw):
        return _report_response(self._order_or_404(token))
