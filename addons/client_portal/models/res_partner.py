# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    portal_technicians_see_all = fields.Boolean(
        string="Technicians See All Orders",
        default=True,
        help="When unchecked, a technician of this contractor sees on the portal "
        "only the work orders assigned to them.",
    )
