# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    symetrie_delay_emergency_hours = fields.Integer(
        related="company_id.symetrie_delay_emergency_hours", readonly=False
    )
    symetrie_delay_urgent_hours = fields.Integer(
        related="company_id.symetrie_delay_urgent_hours", readonly=False
    )
    symetrie_delay_normal_days = fields.Integer(
        related="company_id.symetrie_delay_normal_days", readonly=False
    )
    symetrie_acceptance_delay_hours = fields.Integer(
        related="company_id.symetrie_acceptance_delay_hours", readonly=False
    )
