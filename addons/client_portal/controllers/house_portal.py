# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class HousePortal(CustomerPortal):
    """The builder's client follows their house: progress, documents, quote,
    commitments and the yearly survey."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        houses = None
        if {"house_count", "house_document_count", "house_commitment_count"} & set(counters):
            houses = request.env["project.project"]._portal_houses()
        if "house_count" in counters:
            values["house_count"] = len(houses)
        if "house_document_count" in counters:
            values["house_document_count"] = len(houses.client_portal_document_ids)
        if "house_commitment_count" in counters:
            # What waits for the client: commitments not yet acknowledged.
            values["house_commitment_count"] = len(
                houses.mq_commitment_ids.filtered(lambda c: not c.client_ack_date)
            )
        if "house_quote_count" in counters:
            Order = request.env["sale.order"].sudo()
            values["house_quote_count"] = Order.search_count(
                Order._portal_house_quote_domain(request.env.user)
            )
        if "house_survey_count" in counters:
            values["house_survey_count"] = len(
                request.env["survey.user_input"]._portal_open_label_invitations()
            )
        return values

    def _house_or_404(self, project_id):
        house = request.env["project.project"]._portal_house(project_id)
        if not house:
            raise request.not_found()
        return house

    @http.route("/my/house", type="http", auth="user", website=True)
    def portal_my_houses(self, **kw):
        houses = request.env["project.project"]._portal_houses()
        if len(houses) == 1:
            return request.redirect(f"/my/house/{houses.id}")
        values = self._prepare_portal_layout_values()
        values.update({"houses": houses, "page_name": "houses"})
        return request.render("client_portal.portal_my_houses", values)

    @http.route("/my/house/<int:project_id>", type="http", auth="user", website=True)
    def portal_my_house(self, project_id, **kw):
        house = self._house_or_404(project_id)
        Order = request.env["sale.order"].sudo()
        Complaint = request.env["mq.complaint"].sudo()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "house": house,
                "page_name": "house",
                "progress": house._portal_progress(),
                "updates": house._portal_updates(),
                "documents": house.client_portal_document_ids,
                "quotes": Order.search(
                    Order._portal_house_quote_domain(request.env.user),
                    order="date_order desc, id desc",
                ),
                "commitments": house.mq_commitment_ids,
                "complaints": Complaint.search(
                    [("project_id", "=", house.id)], order="date desc, id desc"
                ),
                "invitations": request.env[
                    "survey.user_input"
                ]._portal_open_label_invitations(),
                "acknowledged": kw.get("acknowledged") == "1",
            }
        )
        return request.render("client_portal.portal_my_house", values)

    @http.route(
        "/my/house/<int:project_id>/files/<int:attachment_id>",
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_house_file(self, project_id, attachment_id, **kw):
        house = self._house_or_404(project_id)
        attachment = house._portal_file_or_none(attachment_id)
        if not attachment:
            raise request.not_found()
        stream = request.env["ir.binary"]._get_stream_from(attachment.sudo())
        as_attachment = not (attachment.mimetype or "").startswith("image/")
        return stream.get_response(as_attachment=as_attachment)

    @http.route(
        "/my/house/<int:project_id>/commitments",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_house_acknowledge(self, project_id, **kw):
        house = self._house_or_404(project_id)
        pending = house.mq_commitment_ids.filtered(lambda c: not c.client_ack_date)
        try:
            # As the client: the model checks the commitments are theirs.
            request.env["mq.commitment"].browse(pending.ids).action_client_acknowledge()
        except AccessError as error:
            raise request.not_found() from error
        return request.redirect(f"/my/house/{house.id}?acknowledged=1#commitments")

    @http.route("/my/house/quotes/<int:order_id>", type="http", auth="user", website=True)
    def portal_my_house_quote(self, order_id, **kw):
        Order = request.env["sale.order"].sudo()
        quote = Order.search(
            Order._portal_house_quote_domain(request.env.user) + [("id", "=", order_id)],
            limit=1,
        )
        if not quote:
            raise request.not_found()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "quote": quote,
                "page_name": "house_quote",
                "annex_costs": quote._mq_annex_cost_summary(),
            }
        )
        return request.render("client_portal.portal_my_house_quote", values)
