# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class MqAnnexCostDeclaration(models.Model):
    """An annex cost declared not applicable or included on a house quote."""

    _name = "mq.annex.cost.declaration"
    _description = "Annex Cost Declaration"
    _order = "order_id, sequence, id"

    order_id = fields.Many2one(
        "sale.order", required=True, ondelete="cascade", index=True
    )
    category_id = fields.Many2one(
        "mq.annex.cost.category", string="Annex Cost", required=True
    )
    sequence = fields.Integer(related="category_id.sequence")
    status = fields.Selection(
        [("not_applicable", "Not Applicable"), ("included", "Included")],
        required=True,
        default="not_applicable",
    )
    justification = fields.Char(
        required=True,
        help="Why the client will not pay this cost, or where it is included.",
    )

    _sql_constraints = [
        (
            "category_unique",
            "unique(order_id, category_id)",
            "An annex cost is declared only once on a quote.",
        ),
    ]
