# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_label_campaign(self):
        """A label campaign's answers are its evidence: nobody deletes them.

        Test entries are not answers and may go.
        """
        answers = self.filtered(lambda answer: not answer.test_entry)
        if answers and self.env["mq.survey.campaign"].sudo().search_count(
            [("survey_id", "in", answers.survey_id.ids)], limit=1
        ):
            raise UserError(
                self.env._(
                    "The answers of a label campaign are never deleted: they are "
                    "the evidence of its recommendation rate."
                )
            )
