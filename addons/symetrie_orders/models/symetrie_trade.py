# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SymetrieTrade(models.Model):
    """A trade (corps de métier) a work order is sent for."""

    _name = "symetrie.trade"
    _description = "Trade"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Short technical code, unique, used in imports and reports.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _sql_constraints = [
        (
            "code_unique",
            "unique(code)",
            "Another trade already uses this code.",
        ),
    ]
