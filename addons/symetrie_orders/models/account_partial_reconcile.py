# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class AccountPartialReconcile(models.Model):
    _inherit = "account.partial.reconcile"

    def unlink(self):
        # Every unreconciliation goes through here (unreconcile button, reset to
        # draft, payment cancelled): a bill paid no more rolls its steps back.
        moves = (self.debit_move_id | self.credit_move_id).move_id.filtered(
            "symetrie_is_work_order_bill"
        )
        result = super().unlink()
        moves._symetrie_payment_undone()
        return result
