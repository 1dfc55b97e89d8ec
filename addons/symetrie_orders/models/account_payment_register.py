# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class AccountPaymentRegister(models.TransientModel):
    _inherit = "account.payment.register"

    def _create_payments(self):
        # A held bill is never paid, whatever the way the payment is made.
        self.line_ids.move_id._symetrie_check_not_held()
        return super()._create_payments()
