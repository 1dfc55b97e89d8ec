# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    symetrie_weight_on_time = fields.Float(
        related="company_id.symetrie_weight_on_time", readonly=False
    )
    symetrie_weight_acceptance = fields.Float(
        related="company_id.symetrie_weight_acceptance", readonly=False
    )
    symetrie_weight_transparency = fields.Float(
        related="company_id.symetrie_weight_transparency", readonly=False
    )
    symetrie_weight_rework = fields.Float(
        related="company_id.symetrie_weight_rework", readonly=False
    )
    symetrie_weight_visits = fields.Float(
        related="company_id.symetrie_weight_visits", readonly=False
    )
    symetrie_weight_tenant = fields.Float(
        related="company_id.symetrie_weight_tenant", readonly=False
    )
    symetrie_weight_completeness = fields.Float(
        related="company_id.symetrie_weight_completeness", readonly=False
    )
    symetrie_weight_work_acceptance = fields.Float(
        related="company_id.symetrie_weight_work_acceptance", readonly=False
    )
    symetrie_weight_axes = fields.Float(
        related="company_id.symetrie_weight_axes", readonly=False
    )
    symetrie_weight_payment = fields.Float(
        related="company_id.symetrie_weight_payment", readonly=False
    )
    symetrie_band_a = fields.Float(related="company_id.symetrie_band_a", readonly=False)
    symetrie_band_b = fields.Float(related="company_id.symetrie_band_b", readonly=False)
    symetrie_band_c = fields.Float(related="company_id.symetrie_band_c", readonly=False)
    symetrie_band_d = fields.Float(related="company_id.symetrie_band_d", readonly=False)
    symetrie_min_sample = fields.Integer(
        related="company_id.symetrie_min_sample", readonly=False
    )
    symetrie_company_tz = fields.Selection(
        related="company_id.partner_id.tz",
        string="Timezone of the Periods",
        readonly=False,
    )
