# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class PurchaseOrderLine(models.Model):
    _inherit = "purchase.order.line"

    @api.depends("order_id.symetrie_is_work_order")
    def _compute_qty_invoiced(self):
        result = super()._compute_qty_invoiced()
        # Work is billable once accepted (received), whatever the product says.
        for line in self.filtered(
            lambda l: l.order_id.symetrie_is_work_order and l.order_id.state in ("purchase", "done")
        ):
            line.qty_to_invoice = line.qty_received - line.qty_invoiced
        return result

    def write(self, vals):
        result = super().write(vals)
        if {"price_unit", "product_qty", "qty_received"} & set(vals):
            # The order's amount or accepted quantity changed: bills are weighed
            # again, and their automatic holds lift by themselves once fixed.
            self.invoice_lines.move_id._symetrie_update_automatic_holds()
        return result
