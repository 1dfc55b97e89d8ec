# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The company's delays for planning visits (kept beside the visit planning
mixin; the rest of the company's settings are in res_company.py)."""
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    symetrie_slot_answer_hours = fields.Integer(
        string="Slot Answer Delay (hours)",
        default=48,
        help="Time the tenant has to choose one of the slots proposed; after "
        "it, the contractor may book the visit directly.",
    )
    symetrie_no_show_window_hours = fields.Integer(
        string="Missed Visit Window (hours)",
        default=48,
        help="Time after a visit slot during which the tenant may report "
        "that nobody came.",
    )

    @api.constrains("symetrie_slot_answer_hours", "symetrie_no_show_window_hours")
    def _check_symetrie_visit_delays(self):
        for company in self:
            if company.symetrie_slot_answer_hours < 0 or company.symetrie_no_show_window_hours < 1:
                raise ValidationError(
                    self.env._(
                        "The slot answer delay cannot be negative and the missed "
                        "visit window is at least one hour."
                    )
                )


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    symetrie_slot_answer_hours = fields.Integer(
        related="company_id.symetrie_slot_answer_hours", readonly=False
    )
    symetrie_no_show_window_hours = fields.Integer(
        related="company_id.symetrie_no_show_window_hours", readonly=False
    )
