# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    @api.model
    def _portal_open_label_invitations(self, user=None):
        """The client's unanswered invitations to a running label survey."""
        user = user or self.env.user
        today = fields.Date.context_today(self)
        campaigns = (
            self.env["mq.survey.campaign"]
            .sudo()
            .search([("state", "=", "running"), ("date_close", ">=", today)])
        )
        return self.sudo().search(
            [
                ("survey_id", "in", campaigns.survey_id.ids),
                ("partner_id", "child_of", user.partner_id.commercial_partner_id.id),
                ("state", "!=", "done"),
                ("test_entry", "=", False),
                "|",
                ("deadline", "=", False),
                ("deadline", ">", fields.Datetime.now()),
            ],
            order="id desc",
        )
