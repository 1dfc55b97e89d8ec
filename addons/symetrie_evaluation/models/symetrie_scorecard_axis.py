# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class SymetrieScorecardAxis(models.Model):
    """The average score of one axis in one scorecard."""

    _name = "symetrie.scorecard.axis"
    _description = "Scorecard Axis"
    _order = "scorecard_id, sequence, id"

    scorecard_id = fields.Many2one(
        "symetrie.scorecard", required=True, index=True, ondelete="cascade"
    )
    axis_id = fields.Many2one("symetrie.evaluation.axis", required=True, readonly=True)
    sequence = fields.Integer(related="axis_id.sequence")
    average = fields.Float(readonly=True, digits=(3, 2), aggregator="avg")
    score_count = fields.Integer(string="Scores", readonly=True)
    partner_id = fields.Many2one(related="scorecard_id.partner_id", store=True)
    date_from = fields.Date(related="scorecard_id.date_from", store=True)
    company_id = fields.Many2one(related="scorecard_id.company_id", store=True)

    def write(self, vals):
        if vals and "closed" in self.scorecard_id.mapped("state"):
            raise UserError(self.env._("The figures of a closed period never change."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed(self):
        if "closed" in self.scorecard_id.mapped("state"):
            raise UserError(self.env._("The figures of a closed period never change."))
