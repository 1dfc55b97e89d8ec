# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import api, fields, models


class SymetrieEcbRate(models.Model):
    """The ECB main refinancing rate, as published, from a date on.

    French late-payment interest uses the rate in force on the first day of the
    half-year (1 January or 1 July) in which the payment falls due.
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
    def _half_year_start(self, day):
        return date(day.year, 1 if day.month <= 6 else 7, 1)

    @api.model
    def _rate_for_due_date(self, due_date):
        """Rate (%) in force on the first day of the due date's half-year."""
        start = self._half_year_start(due_date)
        rate = self.search([("date_from", "<=", start)], limit=1)
        return rate.rate
