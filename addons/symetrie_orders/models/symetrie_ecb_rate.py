# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .. import late_payment


class SymetrieEcbRate(models.Model):
    """The ECB main refinancing rate, as published, from a date on.

    One record per ECB decision on the main refinancing operations rate. French
    late-payment interest takes the rate in force on 1 January or 1 July (see
    ``late_payment``).
    """

    _name = "symetrie.ecb.rate"
    _description = "ECB Refinancing Rate"
    _order = "date_from desc"

    date_from = fields.Date(string="In Force From", required=True)
    rate = fields.Float(string="Rate (%)", required=True, digits=(5, 3))

    _sql_constraints = [
        ("date_from_unique", "unique(date_from)", "A rate already starts on this date."),
    ]

    @api.model
    def _symetrie_rate_table(self):
        """``[(in force from, rate)]``, oldest first. Public reference data: read
        in sudo, so whoever sees a bill (a contractor on the portal) sees its cost."""
        rates = self.sudo().search_fetch([], ["date_from", "rate"], order="date_from")
        return [(rate.date_from, rate.rate) for rate in rates]

    @api.model
    def _rate_for_half_year(self, day):
        """Rate (%) in force on the first day of ``day``'s half-year."""
        return late_payment.rate_in_force(
            self._symetrie_rate_table(), late_payment.half_year_start(day)
        )
