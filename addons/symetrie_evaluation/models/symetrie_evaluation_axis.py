# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class SymetrieEvaluationAxis(models.Model):
    """One axis of the "symétrie des attentions" that evaluations score."""

    _name = "symetrie.evaluation.axis"
    _description = "Evaluation Axis"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    weight = fields.Float(
        default=1.0,
        help="Relative weight of this axis in the scorecard's axes score.",
    )

    _sql_constraints = [
        ("code_unique", "unique(code)", "Another axis already uses this code."),
    ]

    @api.constrains("weight")
    def _check_weight_not_negative(self):
        for axis in self:
            if axis.weight < 0:
                raise ValidationError(
                    self.env._(
                        "The weight of the axis %(axis)s cannot be negative.",
                        axis=axis.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_scored(self):
        scored = self.env["symetrie.evaluation.line"].sudo().search_count(
            [("axis_id", "in", self.ids)], limit=1
        )
        if scored:
            raise UserError(
                self.env._("An axis that has scores cannot be deleted: archive it instead.")
            )
