# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..models.symetrie_order_event import TRACKING_STEPS


class SymetrieOrderStepWizard(models.TransientModel):
    """Asks what a step needs before posting it: reason, slot, report, photos."""

    _name = "symetrie.order.step.wizard"
    _description = "Post a Work Order Step"

    order_id = fields.Many2one("purchase.order", required=True, ondelete="cascade")
    step = fields.Selection(TRACKING_STEPS, required=True)
    contractor_id = fields.Many2one(related="order_id.partner_id")
    note = fields.Text()
    visit_start = fields.Datetime()
    visit_end = fields.Datetime()
    technician_id = fields.Many2one(
        "res.partner",
        domain="[('parent_id', '=', contractor_id)]",
    )
    attachment_ids = fields.Many2many("ir.attachment", string="Photos")

    @api.onchange("visit_start")
    def _onchange_visit_start(self):
        if self.visit_start and not self.visit_end:
            self.visit_end = fields.Datetime.add(self.visit_start, hours=2)

    def action_post(self):
        self.ensure_one()
        order = self.order_id
        if self.step == "cancelled":
            order._symetrie_cancel(self.note)
        elif self.step == "visit_booked":
            order._symetrie_book_visit(
                self.visit_start,
                self.visit_end,
                technician=self.technician_id,
                note=self.note,
            )
        else:
            order._symetrie_post_step(
                self.step, note=self.note, attachments=self.attachment_ids
            )
        return {"type": "ir.actions.act_window_close"}
