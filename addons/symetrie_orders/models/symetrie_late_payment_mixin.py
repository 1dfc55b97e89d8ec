# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, float_round

from .. import late_payment


class SymetrieLatePaymentMixin(models.AbstractModel):
    """The legal payment delay of a vendor bill and what its lateness costs.

    Methods only, mixed into ``account.move`` (which declares the fields); the
    rules themselves are the documented functions of ``late_payment`` (Code de
    commerce, Code de la commande publique).
    """

    _name = "symetrie.late.payment.mixin"
    _description = "Late Payment of a Bill"

    @api.depends(
        "invoice_date",
        "invoice_date_due",
        "symetrie_received_date",
        "symetrie_paid_date",
        "amount_total",
        "amount_residual",
        "company_id",
        "symetrie_hold_ids.held_on",
        "symetrie_hold_ids.released_on",
    )
    @api.depends_context("symetrie_today", "symetrie_now")
    def _compute_symetrie_late_cost(self):
        rates = self.env["symetrie.ecb.rate"]._symetrie_rate_table()
        euro = self.env.ref("base.EUR").sudo()
        # The fee's conversion rates of every bill at once (one query for the
        # batch, not one per due date).
        dues = {move: move._symetrie_due_date() for move in self}
        currency_rates = self._symetrie_currency_rates(
            {
                (move.company_id.root_id.id, currency.id, due or fields.Date.today())
                for move, due in dues.items()
                for currency in (move.currency_id, euro)
                if move.currency_id != euro
            }
        )
        # Every bill's payments at once: a list of bills costs the same queries
        # whatever its length.
        payable = self.sudo().line_ids.filtered(
            lambda line: line.display_type == "payment_term"
        )
        (payable.matched_debit_ids | payable.matched_credit_ids).fetch(
            ["credit_amount_currency", "debit_amount_currency", "max_date"]
        )
        for move in self:
            due = dues[move]
            today = move._symetrie_today()
            days = late_payment.days_late(due, move.symetrie_paid_date or today) if due else 0
            interest = move._symetrie_late_interest(due, today, rates) if days else 0.0
            fee = move._symetrie_recovery_fee(due, euro, currency_rates) if days else 0.0
            move.symetrie_due_date = due
            move.symetrie_days_late = days
            move.symetrie_late_interest = interest
            move.symetrie_late_fee = fee
            move.symetrie_late_cost = interest + fee

    def _symetrie_today(self):
        """Today in the company's timezone (or the day of ``symetrie_now``)."""
        self.ensure_one()
        if self.env.context.get("symetrie_today"):
            return self.env.context["symetrie_today"]
        now = self.env.context.get("symetrie_now") or fields.Datetime.now()
        return self.company_id._symetrie_local_date(now)

    def _symetrie_is_public(self):
        return self.company_id.symetrie_buyer_type == "public"

    def _symetrie_due_date(self):
        """The legal due date: the term's due date for a private buyer; for a
        public buyer the term counted from the receipt of the request, pushed
        back by the days it was held for a missing document."""
        self.ensure_one()
        if not (self.is_purchase_document() and self.invoice_date_due):
            return False
        if not self._symetrie_is_public():
            return self.invoice_date_due
        start = self.invoice_date or self.invoice_date_due
        term_days = (self.invoice_date_due - start).days
        return late_payment.public_due_date(
            self.symetrie_received_date or start, term_days, self._symetrie_suspensions()
        )

    def _symetrie_suspensions(self):
        """(from, to) company days of each hold for a missing document (R2192-27)."""
        company = self.company_id
        today = self._symetrie_today()
        return [
            (
                company._symetrie_local_date(hold.held_on),
                company._symetrie_local_date(hold.released_on) if hold.released_on else today,
            )
            for hold in self.sudo().symetrie_hold_ids
            if hold.reason == "missing_document"
        ]

    def _symetrie_payment_portions(self, today):
        """[(amount, paid on)] in the bill's currency; what is still due counts
        as paid ``today``."""
        self.ensure_one()
        # The payments' lines are the landlord's books: read in sudo, so that the
        # contractor sees the cost of its own bill on the portal.
        payable = self.sudo().line_ids.filtered(
            lambda line: line.display_type == "payment_term"
        )
        portions = [
            (abs(partial.credit_amount_currency), partial.max_date)
            for partial in payable.matched_debit_ids
        ] + [
            (abs(partial.debit_amount_currency), partial.max_date)
            for partial in payable.matched_credit_ids
        ]
        if not self.currency_id.is_zero(self.amount_residual):
            portions.append((abs(self.amount_residual), today))
        return portions

    def _symetrie_late_interest(self, due, today, rates):
        """Interest on what was or is still due after ``due``, private or public."""
        self.ensure_one()
        rule = (
            late_payment.public_interest
            if self._symetrie_is_public()
            else late_payment.private_interest
        )
        interest = rule(
            self._symetrie_payment_portions(today),
            due,
            rates,
            self.company_id._symetrie_late_margin(),
        )
        return float_round(interest, precision_rounding=self.currency_id.rounding)

    def _symetrie_recovery_fee(self, due, euro=None, currency_rates=None):
        """The flat recovery fee, set in euros (D441-5, D2192-35), in the bill's
        currency at the due date, as ``res.currency._convert`` converts it.

        ``currency_rates``: the rates read for a batch of bills by
        ``_symetrie_currency_rates`` (read here for this bill if not given)."""
        self.ensure_one()
        euro = euro or self.env.ref("base.EUR").sudo()
        amount = self.company_id.symetrie_late_fixed_fee
        currency = self.currency_id
        if currency == euro or not amount:
            return currency.round(amount)
        day = due or fields.Date.today()
        root = self.company_id.root_id.id
        keys = [(root, currency.id, day), (root, euro.id, day)]
        if currency_rates is None or not all(key in currency_rates for key in keys):
            currency_rates = self._symetrie_currency_rates(keys)
        return currency.round(amount * currency_rates[keys[0]] / currency_rates[keys[1]])

    @api.model
    def _symetrie_currency_rates(self, keys):
        """``{(root company id, currency id, day): rate}`` in one query.

        The rate of ``res.currency._get_rates``: the company's (or the shared)
        last rate on or before the day, else its first rate, else 1. Public
        reference data, read for whoever sees the bill (a contractor on the
        portal)."""
        keys = list(keys)
        if not keys:
            return {}
        companies, currencies, days = zip(*keys)
        self.env["res.currency.rate"].flush_model(["rate", "name", "currency_id", "company_id"])
        rates = self.env.execute_query(
            SQL(
                """
                SELECT k.company_id, k.currency_id, k.day, COALESCE(
                    (SELECT r.rate FROM res_currency_rate r
                      WHERE r.currency_id = k.currency_id AND r.name <= k.day
                        AND (r.company_id = k.company_id OR r.company_id IS NULL)
                      ORDER BY r.company_id, r.name DESC LIMIT 1),
                    (SELECT r.rate FROM res_currency_rate r
                      WHERE r.currency_id = k.currency_id
                        AND (r.company_id = k.company_id OR r.company_id IS NULL)
                      ORDER BY r.company_id, r.name ASC LIMIT 1),
                    1.0)
                  FROM unnest(%s::int[], %s::int[], %s::date[])
                       AS k(company_id, currency_id, day)
                """,
                list(companies),
                list(currencies),
                list(days),
            )
        )
        return {(company, currency, day): rate for company, currency, day, rate in rates}

    def _symetrie_check_payment_term(self):
        """Refuse a contractor's bill whose term exceeds the legal maximum:
        60 days or 45 days end of month between companies (L441-10), 30 days for
        a public buyer (R2192-10)."""
        for move in self.filtered(
            lambda m: m.is_purchase_document() and m.symetrie_is_work_order_bill
        ):
            company = move.company_id
            start = move.invoice_date or fields.Date.context_today(move)
            due = move.invoice_date_due or start
            if move._symetrie_is_public():
                maximum = company.symetrie_max_term_days_public
                if (due - start).days > maximum:
                    raise UserError(
                        self.env._(
                            "%(bill)s is due in %(days)s days: the maximum payment term "
                            "is %(max)s days.",
                            bill=move.display_name,
                            days=(due - start).days,
                            max=maximum,
                        )
                    )
                continue
            latest = late_payment.private_latest_due_date(
                start, max_days=company.symetrie_max_term_days_private
            )
            if due > latest:
                raise UserError(
                    self.env._(
                        "%(bill)s is due in %(days)s days: between companies the term is "
                        "at most %(max)s days from the invoice date or 45 days end of "
                        "month, here until %(latest)s.",
                        bill=move.display_name,
                        days=(due - start).days,
                        max=company.symetrie_max_term_days_private,
                        latest=fields.Date.to_string(latest),
                    )
                )
