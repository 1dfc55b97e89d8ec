# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class LandlordRatingPortal(CustomerPortal):
    """Symmetry: the contractor rates the landlord and sees both scorecards."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if not {"scorecard_count", "landlord_rating_count"} & set(counters):
            return values
        # Only contractors work with the landlord: a builder's client or a
        # tenant sees neither tile.
        contractor = self._is_contractor()
        if "scorecard_count" in counters:
            Scorecard = request.env["symetrie.scorecard"]
            values["scorecard_count"] = (
                Scorecard.search_count([])
                if contractor and Scorecard.has_access("read")
                else 0
            )
        if "landlord_rating_count" in counters:
            values["landlord_rating_count"] = 1 if contractor else 0
        return values

    def _is_contractor(self):
        """From data: the user's company was sent work orders (see the model)."""
        user = request.env.user
        return not user._is_internal() and bool(
            user.partner_id.commercial_partner_id.symetrie_is_contractor
        )

    def _render_rating(self, error=None, status=200):
        Evaluation = request.env["symetrie.evaluation"]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "landlord_rating",
                "axes": request.env["symetrie.evaluation.axis"].search([]),
                "departments": request.env["symetrie.landlord.department"].search([]),
                "given": Evaluation.search(
                    [("direction", "=", "contractor_to_landlord")], order="id desc", limit=20
                ),
                "error": error,
                "thanks": request.params.get("sent") == "1",
            }
        )
        return request.render("client_portal.portal_landlord_rating", values, status=status)

    @http.route("/my/landlord-rating", type="http", auth="user", website=True)
    def portal_landlord_rating(self, **kw):
        if not self._is_contractor():
            raise request.not_found()
        return self._render_rating()

    @http.route(
        "/my/landlord-rating/submit",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_landlord_rating_submit(self, department_id=None, comment=None, **post):
        Evaluation = request.env["symetrie.evaluation"]
        if not self._is_contractor():
            raise request.not_found()
        department = request.env["symetrie.landlord.department"].browse(
            int(department_id) if (department_id or "").isdigit() else []
        ).exists()
        scores = {}
        for key, value in post.items():
            if key.startswith("axis_") and key[5:].isdigit() and value.isdigit():
                scores[int(key[5:])] = int(value)
        try:
            Evaluation._portal_rate_landlord(department, scores, comment)
        except AccessError:
            request.env.cr.rollback()
            return self._render_rating(request.env._("You are not allowed to do this."), 403)
        except (UserError, ValidationError) as error:
            request.env.cr.rollback()
            return self._render_rating(str(error), 400)
        return request.redirect("/my/landlord-rating?sent=1")

    @http.route("/my/scorecards", type="http", auth="user", website=True)
    def portal_scorecards(self, **kw):
        Scorecard = request.env["symetrie.scorecard"]
        if not self._is_contractor():
            raise request.not_found()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "scorecards",
                "scorecards": Scorecard.search([], order="date_from desc, role", limit=60),
            }
        )
        return request.render("client_portal.portal_my_scorecards", values)
