# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .symetrie_scorecard_kpi import FIGURE_CODES


class SymetrieScorecardFigure(models.Model):
    """One figure of a scorecard, with its sample size and the weight used."""

    _name = "symetrie.scorecard.figure"
    _description = "Scorecard Figure"
    _order = "scorecard_id, id"

    scorecard_id = fields.Many2one(
        "symetrie.scorecard", required=True, index=True, ondelete="cascade"
    )
    code = fields.Selection(FIGURE_CODES, string="Figure", required=True, readonly=True)
    value = fields.Float(readonly=True, digits=(5, 2), help="Out of 100.")
    sample_size = fields.Integer(
        readonly=True,
        help="Orders, bills, ratings or evaluations the figure was measured on.",
    )
    minimum = fields.Integer(
        string="Minimum Sample", readonly=True, help="The minimum in force when computed."
    )
    weight = fields.Float(string="Weight Used", readonly=True)
    enough_data = fields.Boolean(
        readonly=True, help="Under the minimum sample, the figure is left out of the score."
    )
    data_status = fields.Char(string="Status", compute="_compute_data_status")
    partner_id = fields.Many2one(related="scorecard_id.partner_id", store=True)
    role = fields.Selection(related="scorecard_id.role", store=True)
    company_id = fields.Many2one(related="scorecard_id.company_id", store=True)

    @api.depends("enough_data")
    def _compute_data_status(self):
        for figure in self:
            figure.data_status = (
                self.env._("Scored") if figure.enough_data else self.env._("Not enough data")
            )

    def write(self, vals):
        if vals and any(state == "closed" for state in self.scorecard_id.mapped("state")):
            raise UserError(self.env._("The figures of a closed period never change."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed(self):
        if any(state == "closed" for state in self.scorecard_id.mapped("state")):
            raise UserError(self.env._("The figures of a closed period never change."))
