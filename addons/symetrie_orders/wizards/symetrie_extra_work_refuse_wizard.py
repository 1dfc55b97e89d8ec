# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SymetrieExtraWorkRefuseWizard(models.TransientModel):
    _name = "symetrie.extra.work.refuse.wizard"
    _description = "Refuse Extra Work"

    extra_work_ids = fields.Many2many("symetrie.extra.work", string="Quotes", required=True)
    reason = fields.Text(required=True)

    def action_refuse(self):
        self.ensure_one()
        self.extra_work_ids._symetrie_refuse(self.reason)
        return {"type": "ir.actions.act_window_close"}
