# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SymetrieTrade(models.Model):
    """A trade (corps de métier) a work order is sent for.

    Each trade says which details an order must carry before it is sent.
    """

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
    require_tenant_phone = fields.Boolean(
        default=True, help="The technician must be able to call the tenant."
    )
    require_tenant_email = fields.Boolean()
    require_access_instructions = fields.Boolean(
        help="Access code or key instructions are needed to get in."
    )
    require_floor_door = fields.Boolean(string="Require Floor and Door")
    require_description = fields.Boolean(default=True)
    require_photo = fields.Boolean(
        help="At least one photo of the problem must be attached."
    )

    _sql_constraints = [
        (
            "code_unique",
            "unique(code)",
            "Another trade already uses this code.",
        ),
    ]
