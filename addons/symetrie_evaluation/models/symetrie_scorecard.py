# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .symetrie_scorecard_store import CLOSING_CONTEXT

PERIODS = [("month", "Month"), ("quarter", "Quarter"), ("year", "Year")]
ROLES = [("contractor", "Contractor"), ("landlord", "Landlord")]
BANDS = [("A", "A"), ("B", "B"), ("C", "C"), ("D", "D"), ("E", "E")]


class SymetrieScorecard(models.Model):
    """A partner's KPIs and axes for one period, joined into a score and a band.

    Contractor scorecards come from the orders sent to the contractor in the
    period and from the evaluations of it; the landlord's reverse scorecard
    comes from all the orders the company sent and from the contractors'
    evaluations of the landlord (per department when they named one).
    How the figures are measured lives in ``symetrie.scorecard.kpi``, how
    they join into a score in ``symetrie.scorecard.score``.
    """

    _name = "symetrie.scorecard"
    _inherit = [
        "symetrie.scorecard.kpi",
        "symetrie.scorecard.score",
        "symetrie.scorecard.store",
    ]
    _description = "Scorecard"
    _order = "date_from desc, score desc, id"

    partner_id = fields.Many2one("res.partner", required=True, index=True, readonly=True)
    role = fields.Selection(ROLES, required=True, readonly=True, index=True)
    department_id = fields.Many2one(
        "symetrie.landlord.department", string="Landlord Department", readonly=True
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    # Stored, not related: writing 500 amounts must not compute 500 currencies.
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        readonly=True,
        default=lambda self: self.env.company.currency_id,
    )
    period_type = fields.Selection(PERIODS, required=True, readonly=True, index=True)
    date_from = fields.Date(required=True, readonly=True, index=True)
    date_to = fields.Date(required=True, readonly=True)
    computed_on = fields.Datetime(readonly=True)
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")],
        default="open",
        required=True,
        readonly=True,
        index=True,
        help="A closed period's scorecards are frozen: values, weights used and "
        "sample sizes never change again.",
    )
    closed_on = fields.Datetime(readonly=True)
    closed_by_id = fields.Many2one("res.users", readonly=True)
    min_sample = fields.Integer(
        string="Minimum Sample", readonly=True, help="The minimum in force when computed."
    )
    enough_data = fields.Boolean(
        readonly=True,
        help="Enough orders and figures over the minimum sample: only then a "
        "score, a band and an incentive.",
    )
    figure_ids = fields.One2many(
        "symetrie.scorecard.figure", "scorecard_id", string="Figures", readonly=True
    )
    # --- KPIs from the orders (counts keep rates honest when nothing happened)
    order_count = fields.Integer(string="Orders", readonly=True, aggregator="sum")
    due_count = fields.Integer(string="Orders Due", readonly=True)
    done_count = fields.Integer(string="Orders Done", readonly=True)
    on_time_rate = fields.Float(string="On Time (%)", readonly=True, aggregator="avg")
    accept_hours = fields.Float(
        string="Median Time to Accept (h)", readonly=True, aggregator="avg"
    )
    accepted_in_time_rate = fields.Float(string="Accepted in Time (%)", readonly=True)
    transparency_rate = fields.Float(
        string="Transparency (%)",
        readonly=True,
        aggregator="avg",
        help="Share of the completed orders whose visit, trip, arrival and "
        "report were all reported.",
    )
    rework_rate = fields.Float(
        string="Rework (%)",
        readonly=True,
        aggregator="avg",
        help="Share of the completed orders whose work was refused at least once.",
    )
    tenant_satisfaction = fields.Float(
        readonly=True, digits=(3, 2), aggregator="avg"
    )
    tenant_rating_count = fields.Integer(string="Tenant Ratings", readonly=True)
    visit_count = fields.Integer(
        string="Visits", readonly=True, help="Booked visits whose slot is over."
    )
    no_show_count = fields.Integer(
        string="No-shows",
        readonly=True,
        help="Visits the tenant reported nobody came to: the contractor's.",
    )
    tenant_absent_count = fields.Integer(
        string="Tenant Absences",
        readonly=True,
        help="Visits where the technician found nobody: the tenant's, never "
        "counted against the contractor.",
    )
    completeness_rate = fields.Float(
        string="Complete Orders (%)",
        readonly=True,
        help="Share of the orders sent that the contractor never had to decline.",
    )
    work_accept_hours = fields.Float(
        string="Median Time to Accept Work (h)", readonly=True
    )
    work_accepted_in_time_rate = fields.Float(
        string="Work Accepted in Time (%)", readonly=True
    )
    # --- Payments (landlord): bills of the period's work orders
    bills_due_count = fields.Integer(
        string="Bills Due",
        readonly=True,
        help="Bills of the period paid, or past their due date and unpaid.",
    )
    bills_paid_count = fields.Integer(string="Bills Paid", readonly=True)
    days_to_pay = fields.Float(string="Average Days to Pay", readonly=True)
    paid_late_rate = fields.Float(string="Paid Late (%)", readonly=True)
    held_amount = fields.Monetary(
        string="Held Now", readonly=True, currency_field="currency_id"
    )
    billed_amount = fields.Monetary(
        readonly=True,
        currency_field="currency_id",
        help="Untaxed amount of the posted bills of the period's work orders, "
        "less credit notes, in the company's currency.",
    )
    # --- Axes
    evaluation_count = fields.Integer(string="Evaluations", readonly=True)
    axes_score = fields.Float(
        string="Axes Average", readonly=True, digits=(3, 2), aggregator="avg"
    )
    axis_line_ids = fields.One2many(
        "symetrie.scorecard.axis", "scorecard_id", string="Axes", readonly=True
    )
    # --- Result
    score = fields.Float(
        readonly=True, digits=(5, 2), aggregator="avg", help="Out of 100."
    )
    band = fields.Selection(BANDS, readonly=True, index=True)
    symetrie_shown_to_contractors = fields.Boolean(
        string="Shown to Contractors",
        compute="_compute_symetrie_shown_to_contractors",
        search="_search_symetrie_shown_to_contractors",
        help="The landlord's scorecards, shown to contractors (symmetry).",
    )
    previous_score = fields.Float(readonly=True, digits=(5, 2))
    trend = fields.Float(
        readonly=True, digits=(5, 2), help="Score minus the previous period's score."
    )
    has_previous = fields.Boolean(readonly=True)
    incentive_proposal_ids = fields.One2many(
        "symetrie.incentive.proposal", "scorecard_id", string="Incentives", readonly=True
    )

    _sql_constraints = [
        (
            "one_per_period",
            "unique(company_id, role, partner_id, department_id, period_type, date_from)",
            "There is already a scorecard for this partner and period.",
        ),
    ]

    def _compute_symetrie_shown_to_contractors(self):
        for card in self:
            card.symetrie_shown_to_contractors = card.role == "landlord"

    def _search_symetrie_shown_to_contractors(self, operator, value):
        """Landlord scorecards, when the current user works for a contractor.

        Read by the portal record rule at query time: whether the user is a
        contractor comes from data (its company was sent work orders) and is
        not frozen in the rules' cache.
        """
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on scorecards."))
        is_contractor = self.env.user.partner_id.commercial_partner_id.symetrie_is_contractor
        if (operator == "=") == value:
            return [("role", "=", "landlord")] if is_contractor else [(0, "=", 1)]
        return [("role", "!=", "landlord")] if is_contractor else [(1, "=", 1)]

    @api.depends("partner_id", "department_id", "date_from", "period_type")
    def _compute_display_name(self):
        for card in self:
            who = card.partner_id.display_name or ""
            if card.department_id:
                who = "%s (%s)" % (who, card.department_id.name)
            card.display_name = "%s - %s" % (who, card.date_from or "")

    # ------------------------------------------------------------------
    # Recompute
    # ------------------------------------------------------------------
    @api.model
    def _symetrie_recompute(self, period_type="month", day=None, company=None):
        """Rebuild the scorecards of one open period; earlier periods are kept.

        A closed period is frozen: its scorecards are returned unchanged.
        The number of queries does not depend on the number of orders,
        evaluations or partners: aggregates are read in a few SQL queries,
        then the period's scorecards are replaced in one batch.
        """
        company = company or self.env.company
        day = day or self._symetrie_today(company)
        date_from, date_to = self._symetrie_period(period_type, day)
        domain = [
            ("company_id", "=", company.id),
            ("period_type", "=", period_type),
        ]
        existing = self.search(domain + [("date_from", "=", date_from)])
        if "closed" in existing.mapped("state"):
            return existing
        kpis = self._symetrie_order_kpis(company, date_from, date_to)
        billed = self._symetrie_billed_amounts(company, date_from, date_to)
        tenant = self._symetrie_tenant_kpis(company, date_from, date_to)
        visits = self._symetrie_visit_kpis(kpis)
        axis_rows = self._symetrie_axis_averages(company, date_from, date_to)
        payment = self._symetrie_landlord_payment_kpis(company, date_from, date_to)
        axes = {
            axis.id: axis
            for axis in self.env["symetrie.evaluation.axis"].with_context(
                active_test=False
            ).search([])
        }
        landlord = company.partner_id.id
        keys = {("contractor", partner, False) for partner in kpis if partner}
        keys |= {("contractor", partner, False) for partner in tenant}
        keys |= set(axis_rows)
        if False in kpis:
            keys.add(("landlord", landlord, False))
        previous_from, _previous_to = self._symetrie_period(
            period_type, date_from - timedelta(days=1)
        )
        previous = {
            (card.role, card.partner_id.id, card.department_id.id): card.score
            for card in self.search_fetch(
                domain + [("date_from", "=", previous_from), ("band", "!=", False)],
                ["role", "partner_id", "department_id", "score"],
            )
        }
        vals_by_key = {}
        for key in sorted(keys, key=str):
            role, partner, department = key
            if role == "landlord":
                kpi_row = kpis.get(False)
            else:
                kpi_row = kpis.get(partner)
            values = self._symetrie_card_values(
                company,
                role,
                kpi_row,
                tenant.get(partner) if role == "contractor" else None,
                axis_rows.get(key, []),
                axes,
                payment=payment if role == "landlord" else None,
                billed=billed.get(partner) if role == "contractor" else billed.get(False),
                visits=visits.get(partner) if role == "contractor" else None,
            )
            before = previous.get((role, partner, department or False))
            values.update(
                {
                    "partner_id": partner,
                    "role": role,
                    "department_id": department,
                    "company_id": company.id,
                    "currency_id": company.currency_id.id,
                    "period_type": period_type,
                    "date_from": date_from,
                    "date_to": date_to,
                    "previous_score": before or 0.0,
                    "has_previous": before is not None,
                    "trend": values["score"] - before
                    if before is not None and values["band"]
                    else 0.0,
                }
            )
            # The lines' stored related fields, given at create: written in
            # their INSERT instead of one UPDATE per hundred lines at flush.
            lines = {"partner_id": partner, "company_id": company.id}
            for _command, _id, line in values.get("axis_line_ids", []):
                line.update(lines, date_from=date_from)
            for _command, _id, line in values.get("figure_ids", []):
                line.update(lines, role=role)
            vals_by_key[key] = values
        return self._symetrie_store_cards(existing, vals_by_key, fields.Datetime.now())

    @api.model
    def _cron_recompute_scorecards(self):
        """Scheduled: this period and the previous one, for every period type.

        Closed periods are left as they are.
        """
        for company in self.env["res.company"].search([]):
            today = self._symetrie_today(company)
            for period_type, _label in PERIODS:
                date_from, _date_to = self._symetrie_period(period_type, today)
                for day in (date_from - timedelta(days=1), today):
                    self.with_company(company)._symetrie_recompute(
                        period_type, day, company
                    )

    # ------------------------------------------------------------------
    # Closing: the period's figures, weights and samples are frozen
    # ------------------------------------------------------------------
    def _symetrie_periods(self):
        return {(card.company_id, card.period_type, card.date_from) for card in self}

    def action_close_period(self):
        """Freeze the periods of these scorecards, recomputed after their end.

        A period is closed once it has ended (in the company's timezone);
        its scorecards are recomputed first unless computed after the end.
        """
        self.env["symetrie.incentive.proposal"]._check_manager()
        closed = self.browse()
        for company, period_type, date_from in self._symetrie_periods():
            date_from, date_to = self._symetrie_period(period_type, date_from)
            if date_to >= self._symetrie_today(company):
                raise UserError(
                    self.env._(
                        "The period from %(start)s to %(end)s has not ended: it can "
                        "be closed from the next day on.",
                        start=date_from,
                        end=date_to,
                    )
                )
            _start, end = self._symetrie_period_bounds(company, date_from, date_to)
            cards = self.search(
                [
                    ("company_id", "=", company.id),
                    ("period_type", "=", period_type),
                    ("date_from", "=", date_from),
                ]
            )
            if any(card.computed_on < end for card in cards if card.state == "open"):
                cards = self._symetrie_recompute(period_type, date_from, company)
            closed |= cards.filtered(lambda card: card.state == "open")
        closed.with_context(**{CLOSING_CONTEXT: True}).write(
            {
                "state": "closed",
                "closed_on": fields.Datetime.now(),
                "closed_by_id": self.env.user.id,
            }
        )
        return {"type": "ir.actions.client", "tag": "reload"}

    def write(self, vals):
        if (
            vals
            and not self.env.context.get(CLOSING_CONTEXT)
            and "closed" in self.mapped("state")
        ):
            raise UserError(self.env._("The scorecards of a closed period never change."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed(self):
        if "closed" in self.mapped("state"):
            raise UserError(self.env._("The scorecards of a closed period never change."))

    # ------------------------------------------------------------------
    # Incentives
    # ------------------------------------------------------------------
    def action_propose_incentives(self):
        """Propose the incentive of each closed contractor scorecard's band, once.

        Only a closed period with enough data gets a proposal, computed on its
        posted bills in the company's currency. Nothing is paid or billed
        here: a manager approves or rejects each proposal, and only an
        approved one creates a draft bill.
        """
        Proposal = self.env["symetrie.incentive.proposal"]
        Proposal._check_manager()
        if "open" in self.mapped("state"):
            raise UserError(
                self.env._(
                    "Incentives are proposed on closed periods only: close the "
                    "period first."
                )
            )
        cards = self.filtered(
            lambda card: card.role == "contractor"
            and card.band
            and card.enough_data
            and not card.incentive_proposal_ids
        )
        rules = self.env["symetrie.incentive.rule"].search(
            [("company_id", "in", cards.company_id.ids)]
        )
        by_band = {(rule.company_id.id, rule.band): rule for rule in rules}
        vals_list = []
        for card in cards:
            rule = by_band.get((card.company_id.id, card.band))
            if not rule or card.billed_amount <= 0:
                continue
            vals_list.append(
                {
                    "scorecard_id": card.id,
                    "rule_id": rule.id,
                    "kind": rule.kind,
                    "band": card.band,
                    "company_id": card.company_id.id,
                    "base_amount": card.billed_amount,
                    "amount": rule._amount(card.billed_amount),
                }
            )
        proposals = Proposal.create(vals_list)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Incentive Proposals"),
            "res_model": "symetrie.incentive.proposal",
            "view_mode": "list,form",
            "domain": [("id", "in", proposals.ids)],
        }

    def action_recompute(self):
        """Recompute the open periods of the selected scorecards now."""
        if "closed" in self.mapped("state"):
            raise UserError(self.env._("The scorecards of a closed period never change."))
        for company, period_type, date_from in self._symetrie_periods():
            self._symetrie_recompute(period_type, date_from, company)
        return {"type": "ir.actions.client", "tag": "reload"}
