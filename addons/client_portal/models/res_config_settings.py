# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    portal_upload_max_mb = fields.Integer(
        related="company_id.portal_upload_max_mb",
        readonly=False,
    )
