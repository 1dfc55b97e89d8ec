# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    def _symetrie_tenant_rate(self, stars, comment=None):
        # The tenant's stars on the tracking link feed the contractor's scorecard.
        result = super()._symetrie_tenant_rate(stars, comment)
        self.env["symetrie.evaluation"]._symetrie_tenant_rating(self, stars, comment)
        return result
