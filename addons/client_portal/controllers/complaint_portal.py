# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import uuid

from odoo import http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from .uploads import uploaded_files


class ComplaintPortal(CustomerPortal):
    """The builder's client files complaints and follows their handling."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "house_complaint_count" in counters:
            Complaint = request.env["mq.complaint"]
            values["house_complaint_count"] = (
                Complaint.search_count(self._complaint_domain())
                if Complaint.has_access("read")
                else 0
            )
        return values

    def _complaint_domain(self):
        # Staff also reach this page: it shows only the visitor's own complaints.
        partner = request.env.user.partner_id.commercial_partner_id
        return [("partner_id", "child_of", partner.id)]

    def _complaint_filters(self):
        return {
            "all": {"label": request.env._("All"), "domain": []},
            "open": {
                "label": request.env._("Being handled"),
                "domain": [("state", "in", ("new", "in_progress"))],
            },
            "answered": {
                "label": request.env._("Answered"),
                "domain": [("state", "=", "answered")],
            },
            "closed": {"label": request.env._("Closed"), "domain": [("state", "=", "closed")]},
        }

    @http.route(
        ["/my/complaints", "/my/complaints/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_complaints(self, page=1, filterby="all", search=None, **kw):
        Complaint = request.env["mq.complaint"]
        if not Complaint.has_access("read"):
            raise request.not_found()
        filters = self._complaint_filters()
        filterby = filterby if filterby in filters else "all"
        domain = self._complaint_domain() + filters[filterby]["domain"]
        if search:
            domain += [("name", "ilike", search)]
        pager = portal_pager(
            url="/my/complaints",
            url_args={"filterby": filterby, "search": search},
            total=Complaint.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        complaints = Complaint.search(
            domain, limit=self._items_per_page, offset=pager["offset"]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                # The category and contact names are not readable by a client.
                "complaints": complaints.sudo(),
                "page_name": "complaints",
                "pager": pager,
                "default_url": "/my/complaints",
                "searchbar_filters": filters,
                "filterby": filterby,
                "search": search or "",
                "can_file": bool(request.env["project.project"]._portal_houses()),
            }
        )
        return request.render("client_portal.portal_my_complaints", values)

    def _render_complaint_form(self, form=None, error=None, status=200):
        houses = request.env["project.project"]._portal_houses()
        form = dict(form or {})
        form.setdefault("request_key", uuid.uuid4().hex)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "complaint_new",
                "houses": houses,
                "categories": request.env["mq.complaint.category"].sudo().search([]),
                "form": form,
                "error": error,
                "upload_limit_mb": (
                    houses[:1].company_id or request.env.company
                ).portal_upload_max_mb,
            }
        )
        return request.render("client_portal.portal_complaint_new", values, status=status)

    @http.route(
        "/my/complaints/new", type="http", auth="user", methods=["GET"], website=True
    )
    def portal_complaint_new(self, project_id=None, **kw):
        # Only a client with a house files complaints here.
        houses = request.env["project.project"]._portal_houses()
        if not houses:
            raise request.not_found()
        return self._render_complaint_form({"project_id": project_id})

    @http.route(
        "/my/complaints/new",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_complaint_file(self, **post):
        Complaint = request.env["mq.complaint"]
        try:
            # Checks that the house is the client's before anything is written.
            complaint = Complaint._portal_file(post, uploaded_files("photos"))
        except AccessError as error:
            request.env.cr.rollback()
            raise request.not_found() from error
        except (UserError, ValidationError) as error:
            request.env.cr.rollback()
            return self._render_complaint_form(post, error=str(error), status=400)
        return request.redirect(f"/my/complaints/{complaint.id}?filed=1")

    def _complaint_or_404(self, complaint_id):
        Complaint = request.env["mq.complaint"]
        if not Complaint.has_access("read"):
            raise request.not_found()
        complaint = Complaint.search(
            self._complaint_domain() + [("id", "=", complaint_id)], limit=1
        )
        if not complaint:
            raise request.not_found()
        return complaint

    def _render_complaint(self, complaint, error=None, status=200):
        values = self._prepare_portal_layout_values()
        # Access checked by the caller; the contact and category names need sudo.
        complaint = complaint.sudo()
        values.update(
            {
                "complaint": complaint,
                "page_name": "complaint",
                "stages": complaint._portal_stages(),
                "photos": complaint._portal_photos(),
                "satisfactions": complaint._fields["satisfaction"]._description_selection(
                    request.env
                ),
                "error": error,
                "filed": request.params.get("filed") == "1",
            }
        )
        return request.render("client_portal.portal_my_complaint", values, status=status)

    @http.route("/my/complaints/<int:complaint_id>", type="http", auth="user", website=True)
    def portal_my_complaint(self, complaint_id, **kw):
        return self._render_complaint(self._complaint_or_404(complaint_id))

    @http.route(
        "/my/complaints/<int:complaint_id>/photos/<int:attachment_id>",
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_complaint_photo(self, complaint_id, attachment_id, **kw):
        complaint = self._complaint_or_404(complaint_id)
        photo = complaint._portal_photos().filtered(lambda a: a.id == attachment_id)
        if not photo:
            raise request.not_found()
        return request.env["ir.binary"]._get_stream_from(photo).get_response()

    @http.route(
        "/my/complaints/<int:complaint_id>/satisfaction",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_complaint_satisfaction(self, complaint_id, satisfaction=None, **kw):
        complaint = self._complaint_or_404(complaint_id)
        try:
            complaint._portal_give_satisfaction(satisfaction)
        except AccessError as error:
            request.env.cr.rollback()
            raise request.not_found() from error
        except (UserError, ValidationError) as error:
            request.env.cr.rollback()
            return self._render_complaint(complaint, error=str(error), status=400)
        return request.redirect(f"/my/complaints/{complaint.id}?rated=1")
