# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class EvaluationReplyPortal(CustomerPortal):
    """Right of reply: the contractor reads the evaluations about its company
    (the record rules decide which) and replies once to each."""

    def _evaluations_about_us_domain(self):
        contractor = request.env.user.partner_id.commercial_partner_id
        return [
            ("partner_id", "=", contractor.id),
            ("state", "=", "submitted"),
            ("direction", "!=", "contractor_to_landlord"),
        ]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "evaluation_about_count" in counters:
            Evaluation = request.env["symetrie.evaluation"]
            values["evaluation_about_count"] = (
                Evaluation.search_count(self._evaluations_about_us_domain())
                if Evaluation.has_access("read")
                else 0
            )
        return values

    def _render_evaluations(self, error=None, status=200):
        Evaluation = request.env["symetrie.evaluation"]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "evaluations_about_us",
                "evaluations": Evaluation.search(
                    self._evaluations_about_us_domain(), order="date desc, id desc", limit=60
                ),
                "error": error,
                "replied": request.params.get("replied") == "1",
            }
        )
        return request.render(
            "client_portal.portal_evaluations_about_us", values, status=status
        )

    @http.route("/my/evaluations", type="http", auth="user", website=True)
    def portal_evaluations_about_us(self, **kw):
        if not request.env["symetrie.evaluation"].has_access("read"):
            raise request.not_found()
        return self._render_evaluations()

    @http.route(
        "/my/evaluations/<int:evaluation_id>/reply",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_evaluation_reply(self, evaluation_id, reply=None, **kw):
        evaluation = request.env["symetrie.evaluation"].browse(evaluation_id)
        try:
            evaluation._symetrie_post_reply(reply)
        except (AccessError, MissingError):
            request.env.cr.rollback()
            raise request.not_found() from None
        except (UserError, ValidationError) as error:
            request.env.cr.rollback()
            return self._render_evaluations(str(error), 400)
        return request.redirect("/my/evaluations?replied=1")
