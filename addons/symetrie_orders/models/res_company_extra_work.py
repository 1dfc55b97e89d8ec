# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    symetrie_quote_threshold = fields.Float(
        string="Extra Work Approval Threshold",
        default=150.0,
        help="Extra work quotes up to this amount (company currency, taxes "
        "excluded) are accepted at once; above it a work order administrator "
        "approves or refuses them.",
    )
