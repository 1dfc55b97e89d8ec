# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

from ..models.symetrie_bill_hold import MANUAL_REASONS


class SymetrieBillHoldWizard(models.TransientModel):
    """Hold a bill by hand, for a listed reason."""

    _name = "symetrie.bill.hold.wizard"
    _description = "Hold a Bill"

    move_id = fields.Many2one("account.move", required=True, ondelete="cascade")
    reason = fields.Selection(
        MANUAL_REASONS,
        required=True,
        default=lambda self: self._default_reason(),
    )
    note = fields.Text(help="Shown to the contractor with the reason.")

    def _default_reason(self):
        # Order managers may only hold for work not accepted.
        if self.env.user.has_group("account.group_account_invoice"):
            return "missing_document"
        return "work_not_accepted"

    def action_hold(self):
        self.ensure_one()
        self.move_id._symetrie_check_hold_rights({self.reason})
        if self.reason == "other" and not (self.note or "").strip():
            raise UserError(self.env._("Explain the hold in the note."))
        if self.move_id.state != "posted" or not self.move_id.is_purchase_document():
            raise UserError(self.env._("Only posted vendor bills can be held."))
        self.move_id._symetrie_hold(self.reason, note=self.note)
        return {"type": "ir.actions.act_window_close"}
