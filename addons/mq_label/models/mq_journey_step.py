# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class MqJourneyStep(models.Model):
    """A step of the client's journey that survey questions are tied to."""

    _name = "mq.journey.step"
    _description = "Customer Journey Step"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "Another journey step already uses this code."),
    ]
