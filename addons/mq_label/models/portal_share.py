# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class PortalShare(models.TransientModel):
    _inherit = "portal.share"

    def action_send_mail(self):
        # Sharing a house quote's link sends it: the annex-cost rule applies.
        for wizard in self:
            if wizard.res_model == "sale.order" and wizard.res_id:
                self.env["sale.order"].browse(wizard.res_id)._mq_check_annex_costs()
        return super().action_send_mail()
