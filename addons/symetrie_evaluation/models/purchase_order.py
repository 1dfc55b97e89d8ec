# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    # The order's own deadline runs from the request; the contractor is judged
    # from the moment the order was sent to it (after a decline, to the next one).
    symetrie_contractor_deadline = fields.Datetime(
        string="Contractor's Deadline",
        compute="_compute_symetrie_contractor_deadline",
        store=True,
        copy=False,
        help="When the order was last sent to its contractor, plus the delay "
        "of its urgency: the deadline of the on-time rate of the scorecards.",
    )

    @api.depends("symetrie_sent_date", "symetrie_urgency", "company_id")
    def _compute_symetrie_contractor_deadline(self):
        for order in self:
            if order.symetrie_sent_date and order.symetrie_urgency:
                order.symetrie_contractor_deadline = (
                    order.symetrie_sent_date
                    + order.company_id._symetrie_urgency_delay(order.symetrie_urgency)
                )
            else:
                order.symetrie_contractor_deadline = False

    def _symetrie_tenant_rate(self, stars, comment=None):
        # The tenant's stars on the tracking link feed the contractor's scorecard.
        result = super()._symetrie_tenant_rate(stars, comment)
        self.env["symetrie.evaluation"]._symetrie_tenant_rating(self, stars, comment)
        return result
