# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .symetrie_scorecard import BANDS


class SymetrieIncentiveRule(models.Model):
    """What a band earns: a bonus or a penalty on the period's billed amount."""

    _name = "symetrie.incentive.rule"
    _description = "Incentive Rule"
    _order = "band, id"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    band = fields.Selection(BANDS, required=True)
    kind = fields.Selection(
        [("bonus", "Bonus"), ("penalty", "Penalty")], required=True, default="bonus"
    )
    percent = fields.Float(
        string="Percent of Billed Amount",
        required=True,
        help="Share of the amount billed in the period, before taxes.",
    )
    cap_amount = fields.Monetary(
        string="Cap", currency_field="currency_id", help="Maximum amount; 0 for none."
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    @api.constrains("percent", "cap_amount")
    def _check_amounts(self):
        for rule in self:
            if not 0 < rule.percent <= 100 or rule.cap_amount < 0:
                raise ValidationError(
                    self.env._(
                        "An incentive is a percentage between 0 and 100 with a cap "
                        "that is not negative."
                    )
                )

    @api.constrains("band", "company_id", "active")
    def _check_one_rule_per_band(self):
        for rule in self.filtered("active"):
            if self.search_count(
                [
                    ("id", "!=", rule.id),
                    ("band", "=", rule.band),
                    ("company_id", "=", rule.company_id.id),
                ],
                limit=1,
            ):
                raise ValidationError(
                    self.env._("Band %(band)s already has an incentive rule.", band=rule.band)
                )

    def _amount(self, billed_amount):
        """The incentive for this billed amount, capped."""
        self.ensure_one()
        amount = billed_amount * self.percent / 100.0
        if self.cap_amount:
            amount = min(amount, self.cap_amount)
        return self.currency_id.round(amount)
