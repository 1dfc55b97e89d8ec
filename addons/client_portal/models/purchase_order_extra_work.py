# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    def _portal_submit_extra_work(self, description, amount, uploads):
        """An extra work quote from the portal form: checked before any photo
        is stored, then submitted as the portal user."""
        self.ensure_one()
        if isinstance(amount, str):
            # French users type a decimal comma.
            amount = amount.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
        self._symetrie_check_contractor_or_landlord()
        amount = self._symetrie_checked_quote_values(description, amount)
        checked = self.company_id._portal_checked_images(uploads)
        photos = self.company_id._portal_store_images(self, checked) if checked else None
        return self._symetrie_submit_extra_work(description, amount, photos=photos)
