# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    @api.model
    def _portal_house_quote_domain(self, user=None):
        """House quotes the client sees on the portal: sent or signed ones.

        A draft may still lack annex costs: the builder sends it first.
        """
        user = user or self.env.user
        return [
            ("mq_house_quote", "=", True),
            ("state", "in", ("sent", "sale")),
            ("partner_id", "child_of", user.partner_id.commercial_partner_id.id),
        ]
