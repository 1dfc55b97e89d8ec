# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

import pytz

from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    symetrie_delay_emergency_hours = fields.Integer(
        string="Emergency Delay (hours)",
        default=24,
        help="Time a contractor has to complete an emergency order.",
    )
    symetrie_delay_urgent_hours = fields.Integer(
        string="Urgent Delay (hours)",
        default=72,
        help="Time a contractor has to complete an urgent order.",
    )
    symetrie_delay_normal_days = fields.Integer(
        string="Normal Delay (days)",
        default=15,
        help="Time a contractor has to complete a normal order.",
    )
    symetrie_acceptance_delay_hours = fields.Integer(
        string="Acceptance Delay (hours)",
        default=24,
        help="A sent order that the contractor has not accepted within this "
        "delay is shown as at risk.",
    )

    # French payment rules (Code de commerce L441-10 and D441-5; public buyers:
    # Code de la commande publique R2192-10 and R2192-31).
    symetrie_buyer_type = fields.Selection(
        [("private", "Private company"), ("public", "Public buyer")],
        string="Buyer Type",
        # Not required: a NOT NULL column on res_company breaks companies
        # created while our module is not loaded yet; empty reads as private.
        default="private",
        help="A public buyer (an OPH, for instance) pays within 30 days with a "
        "lower late-interest margin.",
    )
    symetrie_max_term_days_private = fields.Integer(
        string="Maximum Term, Private (days)", default=60
    )
    symetrie_max_term_days_public = fields.Integer(
        string="Maximum Term, Public (days)", default=30
    )
    symetrie_late_margin_private = fields.Float(
        string="Late Interest Margin, Private (points)", default=10.0
    )
    symetrie_late_margin_public = fields.Float(
        string="Late Interest Margin, Public (points)", default=8.0
    )
    symetrie_late_fixed_fee = fields.Float(
        string="Recovery Fee per Late Bill (EUR)",
        default=40.0,
        help="Flat fee owed for each bill paid late, in euros (Code de commerce "
        "D441-5, Code de la commande publique D2192-35).",
    )
    symetrie_bill_amount_tolerance = fields.Float(
        string="Bill Amount Tolerance (%)",
        default=1.0,
        help="A bill whose untaxed amount differs from its work orders by more "
        "than this share is held.",
    )

    symetrie_quote_threshold = fields.Float(
        string="Extra Work Approval Threshold",
        default=150.0,
        help="Extra work quotes up to this amount (company currency, taxes "
        "excluded) are accepted at once; above it a work order administrator "
        "approves or refuses them.",
    )

    @api.constrains(
        "symetrie_delay_emergency_hours",
        "symetrie_delay_urgent_hours",
        "symetrie_delay_normal_days",
        "symetrie_acceptance_delay_hours",
    )
    def _check_symetrie_delays_positive(self):
        for company in self:
            delays = (
                company.symetrie_delay_emergency_hours,
                company.symetrie_delay_urgent_hours,
                company.symetrie_delay_normal_days,
                company.symetrie_acceptance_delay_hours,
            )
            if any(delay <= 0 for delay in delays):
                raise ValidationError(
                    self.env._("Work order delays must be greater than zero.")
                )

    def _symetrie_urgency_delay(self, urgency):
        """The time a contractor has to complete an order of this urgency."""
        self.ensure_one()
        return {
            "emergency": timedelta(hours=self.symetrie_delay_emergency_hours),
            "urgent": timedelta(hours=self.symetrie_delay_urgent_hours),
            "normal": timedelta(days=self.symetrie_delay_normal_days),
        }[urgency]

    def _symetrie_acceptance_delay(self):
        """Beyond this delay, a sent order not yet accepted is at risk."""
        self.ensure_one()
        return timedelta(hours=self.symetrie_acceptance_delay_hours)

    @api.model
    @tools.ormcache()
    def _symetrie_acceptance_delays(self):
        """((company id, acceptance delay), ...) of every company.

        Cached: a list, its pager's count and its groups each search "not
        accepted in time", and the delays are a setting. Changing one clears
        the cache (``cache_invalidation_fields``), as creating or deleting a
        company does."""
        # The cache has no context key: every company, archived ones too (their
        # orders remain), whatever the context of whoever asks first.
        companies = (
            self.sudo()
            .with_context(active_test=False)
            .search_fetch([], ["symetrie_acceptance_delay_hours"])
        )
        return tuple(
            (company.id, company._symetrie_acceptance_delay()) for company in companies
        )

    def cache_invalidation_fields(self):
        return super().cache_invalidation_fields() | {"symetrie_acceptance_delay_hours"}

    def _symetrie_max_payment_days(self):
        self.ensure_one()
        if self.symetrie_buyer_type == "public":
            return self.symetrie_max_term_days_public
        return self.symetrie_max_term_days_private

    def _symetrie_late_margin(self):
        """Points added to the ECB rate for late-payment interest."""
        self.ensure_one()
        if self.symetrie_buyer_type == "public":
            return self.symetrie_late_margin_public
        return self.symetrie_late_margin_private

    def _symetrie_local_date(self, moment):
        """The company's day at ``moment`` (UTC): payment delays count its days."""
        self.ensure_one()
        tz = pytz.timezone(self.sudo().partner_id.tz or self.env.user.tz or "UTC")
        return pytz.utc.localize(moment).astimezone(tz).date()

    # Planning visits: the tenant's choice of slot, a missed visit.
    symetrie_slot_answer_hours = fields.Integer(
        string="Slot Answer Delay (hours)",
        default=48,
        help="Time the tenant has to choose one of the slots proposed; after "
        "it, the contractor may book the visit directly.",
    )
    symetrie_no_show_window_hours = fields.Integer(
        string="Missed Visit Window (hours)",
        default=48,
        help="Time after a visit slot during which the tenant may report "
        "that nobody came.",
    )

    @api.constrains("symetrie_slot_answer_hours", "symetrie_no_show_window_hours")
    def _check_symetrie_visit_delays(self):
        for company in self:
            if company.symetrie_slot_answer_hours < 0 or company.symetrie_no_show_window_hours < 1:
                raise ValidationError(
                    self.env._(
                        "The slot answer delay cannot be negative and the missed "
                        "visit window is at least one hour."
                    )
                )
