# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProjectProject(models.Model):
    _inherit = "project.project"

    mq_handover_date = fields.Date(
        string="Handover Date",
        tracking=True,
        help="Date the house was handed over to the client: the client is "
        "surveyed in the campaign covering this date.",
    )
