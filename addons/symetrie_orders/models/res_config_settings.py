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
    symetrie_buyer_type = fields.Selection(
        related="company_id.symetrie_buyer_type", readonly=False
    )
    symetrie_max_term_days_private = fields.Integer(
        related="company_id.symetrie_max_term_days_private", readonly=False
    )
    symetrie_max_term_days_public = fields.Integer(
        related="company_id.symetrie_max_term_days_public", readonly=False
    )
    symetrie_late_margin_private = fields.Float(
        related="company_id.symetrie_late_margin_private", readonly=False
    )
    symetrie_late_margin_public = fields.Float(
        related="company_id.symetrie_late_margin_public", readonly=False
    )
    symetrie_late_fixed_fee = fields.Float(
        related="company_id.symetrie_late_fixed_fee", readonly=False
    )
    symetrie_bill_amount_tolerance = fields.Float(
        related="company_id.symetrie_bill_amount_tolerance", readonly=False
    )

    symetrie_slot_answer_hours = fields.Integer(
        related="company_id.symetrie_slot_answer_hours", readonly=False
    )
    symetrie_no_show_window_hours = fields.Integer(
        related="company_id.symetrie_no_show_window_hours", readonly=False
    )
    symetrie_quote_threshold = fields.Float(
        related="company_id.symetrie_quote_threshold", readonly=False
    )
