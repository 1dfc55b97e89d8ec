# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    symetrie_quote_threshold = fields.Float(
        related="company_id.symetrie_quote_threshold", readonly=False
    )
