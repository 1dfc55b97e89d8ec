# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The visit as the tenant lives it: slots proposed by the contractor and
chosen by the tenant, missed visits on both sides, the visit as an .ics file.
The rules are the model's (symetrie.visit.planning.mixin); these routes only
read the forms and say the outcome."""
import re

from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from .contractor_portal import ContractorPortal
from .tenant_tracking import TenantTracking
from .uploads import uploaded_files

SLOT_FIELD = re.compile(r"^slot_start_(\d{1,2})$")


def ics_response(order):
    content = order._symetrie_visit_ics()
    if not content:
        raise request.not_found()
    return request.make_response(
        content,
        headers=[
            ("Content-Type", "text/calendar; charset=utf-8"),
            ("Content-Disposition", f'attachment; filename="visit-{order.id}.ics"'),
            ("Cache-Control", "no-store"),
        ],
    )


class ContractorVisitSlots(ContractorPortal):
    @http.route(
        "/my/work-orders/<int:order_id>/slots",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_work_order_slots(self, order_id, note=None, **post):
        def propose(order):
            numbers = sorted(int(m.group(1)) for m in map(SLOT_FIELD.match, post) if m)
            slots = []
            for number in numbers:
                start = post.get(f"slot_start_{number}")
                end = post.get(f"slot_end_{number}")
                if not (start or end):
                    continue  # a row left empty
                slots.append(
                    (order._portal_local_datetime(start), order._portal_local_datetime(end))
                )
            order._symetrie_propose_slots(slots, note=note)

        refused = self._portal_order_action(order_id, propose)
        return refused or request.redirect(f"/my/work-orders/{order_id}?posted=slots")

    @http.route(
        "/my/work-orders/<int:order_id>/tenant-absent",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_work_order_tenant_absent(self, order_id, note=None, **post):
        def absent(order):
            # Checked before any photo is stored: a refusal stores nothing.
            order._symetrie_check_tenant_absent()
            uploads = uploaded_files("photos")
            if not uploads:
                raise ValidationError(request.env._("Add a photo of the notice you left."))
            photos = order._portal_photos_from_uploads(uploads)
            order._symetrie_tenant_absent(photos, note=note)

        refused = self._portal_order_action(order_id, absent)
        return refused or request.redirect(f"/my/work-orders/{order_id}?posted=tenant_absent")

    @http.route(
        "/my/work-orders/<int:order_id>/visit.ics", type="http", auth="user", website=False
    )
    def portal_work_order_ics(self, order_id, **kw):
        return ics_response(self._work_order_or_404(order_id))


class TenantVisitSlots(TenantTracking):
    def _tenant_visit_action(self, token, action, done):
        order = self._order_or_404(token)
        try:
            action(order)
        except (UserError, ValidationError) as error:
            request.env.cr.rollback()
            return self._render(token, error=str(error), status=400)
        return request.redirect(f"/track/{token}?done={done}")

    @http.route(
        "/track/<string:token>/slot",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
        sitemap=False,
    )
    def tenant_choose_slot(self, token, slot_id=None, **kw):
        def choose(order):
            try:
                chosen = int(slot_id or 0)
            except ValueError:
                chosen = 0
            order._symetrie_tenant_choose_slot(chosen)

        return self._tenant_visit_action(token, choose, "slot")

    @http.route(
        "/track/<string:token>/other-slots",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
        sitemap=False,
    )
    def tenant_other_slots(self, token, message=None, **kw):
        return self._tenant_visit_action(
            token, lambda order: order._symetrie_tenant_ask_other_slots(message), "other_slots"
        )

    @http.route(
        "/track/<string:token>/no-show",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
        sitemap=False,
    )
    def tenant_no_show(self, token, note=None, **kw):
        return self._tenant_visit_action(
            token, lambda order: order._symetrie_tenant_report_no_show(note), "no_show"
        )

    @http.route(
        "/track/<string:token>/visit.ics", type="http", auth="public", website=False,
        sitemap=False,
    )
    def tenant_visit_ics(self, token, **kw):
        order = request.env["purchase.order"]._symetrie_find_by_token(token)
        if not order:
            raise request.not_found()
        return ics_response(order)
