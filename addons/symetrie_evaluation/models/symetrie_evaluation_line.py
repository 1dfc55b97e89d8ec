# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class SymetrieEvaluationLine(models.Model):
    """The score of one axis in one evaluation."""

    _name = "symetrie.evaluation.line"
    _description = "Evaluation Score"
    _order = "evaluation_id, sequence, id"

    evaluation_id = fields.Many2one(
        "symetrie.evaluation", required=True, index=True, ondelete="cascade"
    )
    axis_id = fields.Many2one(
        "symetrie.evaluation.axis", required=True, index=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="axis_id.sequence", store=True)
    score = fields.Integer(help="From 1 (poor) to 5 (excellent); 0 while not scored.")
    comment = fields.Char()
    state = fields.Selection(related="evaluation_id.state")
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True)

    _sql_constraints = [
        (
            "axis_once",
            "unique(evaluation_id, axis_id)",
            "An axis is scored once per evaluation.",
        ),
    ]

    @api.constrains("score")
    def _check_score(self):
        for line in self:
            if line.score and not 1 <= line.score <= 5:
                raise ValidationError(
                    self.env._("A score goes from 1 to 5 (%(axis)s).", axis=line.axis_id.name)
                )

    def _check_not_submitted(self, evaluations):
        if any(state == "submitted" for state in evaluations.sudo().mapped("state")):
            raise UserError(
                self.env._("A submitted evaluation is never changed, by anyone.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        evaluation_ids = {vals.get("evaluation_id") for vals in vals_list}
        self._check_not_submitted(
            self.env["symetrie.evaluation"].browse(i for i in evaluation_ids if i)
        )
        return super().create(vals_list)

    def write(self, vals):
        if vals:
            self._check_not_submitted(self.evaluation_id)
        if vals.get("evaluation_id"):
            # Nor moved into a submitted evaluation.
            self._check_not_submitted(
                self.env["symetrie.evaluation"].browse(vals["evaluation_id"])
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        self._check_not_submitted(self.evaluation_id)
