# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mq_label_date = fields.Date(related="company_id.mq_label_date", readonly=False)
    mq_threshold_first_year = fields.Float(
        related="company_id.mq_threshold_first_year", readonly=False
    )
    mq_threshold_next_years = fields.Float(
        related="company_id.mq_threshold_next_years", readonly=False
    )
    mq_label_manager_id = fields.Many2one(
        related="company_id.mq_label_manager_id", readonly=False
    )
    mq_driver_min_answers = fields.Integer(
        related="company_id.mq_driver_min_answers", readonly=False
    )
