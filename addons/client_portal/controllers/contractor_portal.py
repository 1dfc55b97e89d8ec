# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from odoo.addons.symetrie_orders.models.symetrie_order_event import OPEN_STEPS

from ..models.purchase_order import PORTAL_ACTIONS
from .formatting import datetime_formatter
from .uploads import uploaded_files

# The contractor's to-do: open orders, except declined ones (the landlord's move).
TODO_STEPS = sorted(OPEN_STEPS - {"declined"})


class ContractorPortal(CustomerPortal):
    """Work orders and bills of the contractor's company, from a phone."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Order = request.env["purchase.order"]
        if "work_order_count" in counters:
            values["work_order_count"] = (
                Order.search_count(Order._portal_work_order_domain())
                if Order.has_access("read")
                else 0
            )
        if "work_bill_count" in counters:
            Move = request.env["account.move"]
            values["work_bill_count"] = (
                Move.search_count(self._work_bill_domain()) if Move.has_access("read") else 0
            )
        return values

    def _work_order_filters(self):
        now = fields.Datetime.now()
        return {
            "open": {"label": request.env._("To do"), "domain": [("symetrie_step", "in", TODO_STEPS)]},
            "new": {"label": request.env._("To accept"), "domain": [("symetrie_step", "=", "sent")]},
            "late": {
                "label": request.env._("Late"),
                "domain": [
                    ("symetrie_step", "in", TODO_STEPS),
                    ("symetrie_deadline", "<", now),
                ],
            },
            "emergency": {
                "label": request.env._("Emergencies"),
                "domain": [("symetrie_urgency", "=", "emergency")],
            },
            "done": {
                "label": request.env._("Done"),
                "domain": [
                    ("symetrie_step", "in", ("work_done", "work_accepted", "billed", "paid"))
                ],
            },
            "all": {"label": request.env._("All"), "domain": []},
        }

    def _work_order_sortings(self):
        return {
            "deadline": {"label": request.env._("Deadline"), "order": "symetrie_deadline asc, id desc"},
            "newest": {"label": request.env._("Newest"), "order": "symetrie_sent_date desc, id desc"},
        }

    @http.route(
        ["/my/work-orders", "/my/work-orders/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_work_orders(self, page=1, filterby="open", sortby="deadline", search=None, **kw):
        Order = request.env["purchase.order"]
        filters = self._work_order_filters()
        sortings = self._work_order_sortings()
        filterby = filterby if filterby in filters else "open"
        sortby = sortby if sortby in sortings else "deadline"
        domain = Order._portal_work_order_domain() + filters[filterby]["domain"]
        if search:
            # Access rules first, then the search on what the contractor sees
            # (the tenant's name included, which the portal user cannot read).
            visible = Order.search(domain)
            Order = Order.sudo()
            domain = [
                ("id", "in", visible.ids),
                "|",
                "|",
                ("name", "ilike", search),
                ("symetrie_address", "ilike", search),
                ("symetrie_tenant_id.name", "ilike", search),
            ]
        count = Order.search_count(domain)
        pager = portal_pager(
            url="/my/work-orders",
            url_args={"filterby": filterby, "sortby": sortby, "search": search},
            total=count,
            page=page,
            step=self._items_per_page,
        )
        orders = Order.search(
            domain,
            order=sortings[sortby]["order"],
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        request.session["my_work_orders_history"] = orders.ids[:100]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "orders": orders,
                # One formatter for the page's deadlines, in the user's timezone
                # (the datetime widget's rule), not the widget once per row.
                "format_deadline": datetime_formatter(
                    request.env, request.env.context.get("tz") or request.env.user.tz
                ),
                "page_name": "work_orders",
                "pager": pager,
                "default_url": "/my/work-orders",
                "searchbar_filters": filters,
                "filterby": filterby,
                "searchbar_sortings": sortings,
                "sortby": sortby,
                "search": search or "",
            }
        )
        return request.render("client_portal.portal_my_work_orders", values)

    def _work_order_or_404(self, order_id):
        """The order if this user may see it; otherwise a plain 404."""
        Order = request.env["purchase.order"]
        order = Order.search(
            Order._portal_work_order_domain() + [("id", "=", order_id)], limit=1
        )
        if not order:
            raise request.not_found()
        return order

    def _portal_order_action(self, order_id, action):
        """Run ``action(order)`` as the portal user; a refusal is the order page
        with its message (403, 400) and nothing written; None when done."""
        order = self._work_order_or_404(order_id)
        try:
            action(order)
        except AccessError:
            request.env.cr.rollback()
            return self._render_work_order(
                order, error=request.env._("You are not allowed to do this."), status=403
            )
        except (UserError, ValidationError) as error:
            request.env.cr.rollback()
            return self._render_work_order(order, error=str(error), status=400)
        return None

    @http.route("/my/work-orders/<int:order_id>", type="http", auth="user", website=True)
    def portal_my_work_order(self, order_id, **kw):
        order = self._work_order_or_404(order_id)
        return self._render_work_order(order)

    def _render_work_order(self, order, error=None, message=None, status=200):
        # Access was checked by the caller; the page also shows the tenant and
        # technician, whom a portal user cannot read directly.
        order = order.sudo()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "work_order": order,
                "page_name": "work_order",
                "events": order.symetrie_event_ids.sorted("id"),
                "next_actions": order._portal_next_actions(),
                "photos": order.symetrie_photo_ids,
                "error": error,
                "message": message,
                "upload_limit_mb": order.company_id.portal_upload_max_mb,
            }
        )
        values = self._get_page_view_values(
            order, None, values, "my_work_orders_history", False
        )
        return request.render("client_portal.portal_my_work_order", values, status=status)

    @http.route(
        "/my/work-orders/<int:order_id>/step",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_work_order_step(self, order_id, step=None, current_step=None, **post):
        order = self._work_order_or_404(order_id)
        if step not in PORTAL_ACTIONS:
            return self._render_work_order(order, error=request.env._("Unknown action."), status=400)
        if current_step != order.symetrie_step:
            # A second tap on a button already handled: nothing more is written.
            return self._render_work_order(
                order, message=request.env._("This step was already recorded."), status=409
            )
        try:
            # Posted as the portal user: the model checks who may post what.
            order._portal_post_step_from_form(step, post, uploaded_files("photos"))
        except AccessError:
            return self._render_work_order(
                order, error=request.env._("You are not allowed to do this."), status=403
            )
        except (UserError, ValidationError) as error:
            request.env.cr.rollback()
            return self._render_work_order(order, error=str(error), status=400)
        return request.redirect(f"/my/work-orders/{order.id}?posted={step}")

    def _work_bill_domain(self):
        partner = request.env.user.partner_id.commercial_partner_id
        return [
            ("move_type", "in", ("in_invoice", "in_refund")),
            ("state", "=", "posted"),
            ("commercial_partner_id", "=", partner.id),
        ]

    @http.route(
        ["/my/work-bills", "/my/work-bills/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_work_bills(self, page=1, filterby="all", **kw):
        Move = request.env["account.move"]
        filters = {
            "all": {"label": request.env._("All"), "domain": []},
            "held": {"label": request.env._("Held"), "domain": [("symetrie_is_held", "=", True)]},
            "unpaid": {
                "label": request.env._("Not paid"),
                "domain": [("payment_state", "in", ("not_paid", "partial", "blocked"))],
            },
        }
        filterby = filterby if filterby in filters else "all"
        domain = self._work_bill_domain() + filters[filterby]["domain"]
        pager = portal_pager(
            url="/my/work-bills",
            url_args={"filterby": filterby},
            total=Move.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        bills = Move.search(
            domain,
            order="invoice_date desc, id desc",
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "bills": bills,
                "page_name": "work_bills",
                "pager": pager,
                "default_url": "/my/work-bills",
                "searchbar_filters": filters,
                "filterby": filterby,
            }
        )
        return request.render("client_portal.portal_my_work_bills", values)

