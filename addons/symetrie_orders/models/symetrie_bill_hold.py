# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

HOLD_REASONS = [
    ("work_not_accepted", "Work not accepted yet"),
    ("amount_mismatch", "Amount differs from the order"),
    ("already_billed", "Already billed"),
    ("missing_document", "Missing document"),
    ("dispute", "Dispute"),
    ("other", "Other"),
]
# Reasons the system puts and lifts by itself when their cause changes.
AUTOMATIC_REASONS = {"work_not_accepted", "amount_mismatch", "already_billed"}
# Reasons a person puts and releases by hand: accounting users all of them, the
# landlord's order managers "work not accepted" only.
MANUAL_REASONS = [
    r for r in HOLD_REASONS if r[0] not in AUTOMATIC_REASONS or r[0] == "work_not_accepted"
]
ORDER_MANAGER_REASONS = {"work_not_accepted"}


class SymetrieBillHold(models.Model):
    """A hold on a vendor bill: why, since when, by whom, and its release.

    Holds are history: once written, only their release may be recorded.
    """

    _name = "symetrie.bill.hold"
    _description = "Bill Hold"
    _order = "held_on desc, id desc"

    move_id = fields.Many2one(
        "account.move", required=True, index=True, ondelete="restrict", readonly=True
    )
    company_id = fields.Many2one(related="move_id.company_id", store=True)
    partner_id = fields.Many2one(
        related="move_id.commercial_partner_id", store=True, string="Contractor"
    )
    reason = fields.Selection(HOLD_REASONS, required=True, readonly=True)
    note = fields.Text(readonly=True, help="Shown to the contractor with the reason.")
    automatic = fields.Boolean(readonly=True)
    held_on = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    held_by = fields.Many2one(
        "res.users", required=True, default=lambda self: self.env.user, readonly=True
    )
    released_on = fields.Datetime(readonly=True)
    released_by = fields.Many2one("res.users", readonly=True)
    active_hold = fields.Boolean(
        string="In Force", compute="_compute_active_hold", store=True, index=True
    )

    @api.depends("released_on")
    def _compute_active_hold(self):
        for hold in self:
            hold.active_hold = not hold.released_on

    @api.model_create_multi
    def create(self, vals_list):
        holds = super().create(vals_list)
        holds.move_id._symetrie_sync_payment_block()
        return holds

    def write(self, vals):
        if set(vals) - {"released_on", "released_by", "active_hold"} or (
            "released_on" in vals and self.filtered("released_on")
        ):
            raise UserError(
                self.env._("A hold is history: it can only be released, once.")
            )
        result = super().write(vals)
        self.move_id._symetrie_sync_payment_block()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_with_draft_bill(self):
        if any(hold.move_id.state == "posted" or hold.released_on for hold in self):
            raise UserError(self.env._("A hold is history and is never deleted."))
