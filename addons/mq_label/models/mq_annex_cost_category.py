# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class MqAnnexCostCategory(models.Model):
    """A cost outside the house contract the client must know of from the quote."""

    _name = "mq.annex.cost.category"
    _description = "Annex Cost Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
