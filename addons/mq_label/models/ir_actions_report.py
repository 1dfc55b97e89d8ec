# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _get_rendering_context(self, report, docids, data):
        # Printing a house quote (PDF or HTML, backend or portal) is showing
        # it: every annex cost must be priced or declared first.
        if report.model == "sale.order" and docids:
            self.env["sale.order"].browse(docids)._mq_check_annex_costs()
        return super()._get_rendering_context(report, docids, data)
