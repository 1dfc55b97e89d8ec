# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def _reconcile_plan_with_sync(self, plan_list, all_amls):
        # Every reconciliation goes through here: the payment wizard, outstanding
        # payments, bank reconciliation, batch payments, imports.
        all_amls._symetrie_check_not_held()
        return super()._reconcile_plan_with_sync(plan_list, all_amls)

    def _symetrie_check_not_held(self):
        """Refuse to reconcile the payable line of a held bill.

        Cancelling a held bill with its own credit note moves no money: allowed.
        """
        held_lines = self.sudo().filtered(
            lambda line: line.display_type == "payment_term"
            and line.move_id.symetrie_is_held
        )
        if not held_lines:
            return
        bills = held_lines.move_id
        counterparts = (self.sudo() - held_lines).move_id
        if counterparts and all(move.reversed_entry_id in bills for move in counterparts):
            return
        raise UserError(
            self.env._(
                "These bills are held and cannot be paid: %(bills)s.",
                bills="; ".join(
                    f"{move.display_name} ({move.symetrie_hold_reasons})" for move in bills
                ),
            )
        )
