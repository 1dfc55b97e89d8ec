# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    mq_annex_category_id = fields.Many2one(
        "mq.annex.cost.category",
        string="Annex Cost",
        help="This line prices this annex cost of the house.",
    )
