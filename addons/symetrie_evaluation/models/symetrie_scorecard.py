# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import datetime, time, timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, date_utils

PERIODS = [("month", "Month"), ("quarter", "Quarter"), ("year", "Year")]
ROLES = [("contractor", "Contractor"), ("landlord", "Landlord")]
BANDS = [("A", "A"), ("B", "B"), ("C", "C"), ("D", "D"), ("E", "E")]
# Steps a transparent contractor reports on every order it completes.
EXPECTED_STEPS = ("visit_booked", "on_the_way", "on_site", "work_done")


class SymetrieScorecard(models.Model):
    """A partner's KPIs and axes for one period, joined into a score and a band.

    Contractor scorecards come from the orders sent to the contractor in the
    period and from the evaluations of it; the landlord's reverse scorecard
    comes from all the orders the company sent and from the contractors'
    evaluations of the landlord (per department when they named one).
    """

    _name = "symetrie.scorecard"
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
    bills_paid_count = fields.Integer(string="Bills Paid", readonly=True)
    days_to_pay = fields.Float(string="Average Days to Pay", readonly=True)
    paid_late_rate = fields.Float(string="Paid Late (%)", readonly=True)
    held_amount = fields.Monetary(
        string="Held Now", readonly=True, currency_field="currency_id"
    )
    billed_amount = fields.Monetary(
        readonly=True, currency_field="currency_id"
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
    # Periods
    # ------------------------------------------------------------------
    @api.model
    def _symetrie_period(self, period_type, day):
        """First and last day of the period of this type containing ``day``."""
        if period_type == "month":
            return date_utils.get_month(day)
        if period_type == "quarter":
            return date_utils.get_quarter(day)
        return date_utils.get_fiscal_year(day)

    # ------------------------------------------------------------------
    # KPIs: one SQL aggregate per source, whatever the number of rows
    # ------------------------------------------------------------------
    @api.model
    def _symetrie_order_kpis(self, company, date_from, date_to):
        """KPIs of the work orders sent in the period, per contractor.

        Returns ``{contractor_id: kpis}``; the key ``False`` holds the same
        aggregates over all the company's orders (the landlord's side).
        """
        start = datetime.combine(date_from, time.min)
        stop = datetime.combine(date_to + timedelta(days=1), time.min)
        now = self.env["purchase.order"]._symetrie_now()
        delay = company._symetrie_acceptance_delay()
        # The period's orders are filtered twice, not through a CTE: a CTE
        # hides their number from the planner, whose wild estimate then
        # switches on JIT compilation and costs more than the query itself.
        query = SQL(
            """
            SELECT partner.commercial_partner_id AS partner_id,
                   GROUPING(partner.commercial_partner_id) AS is_total,
                   count(*) AS order_count,
                   count(*) FILTER (
                       WHERE o.symetrie_done_date IS NOT NULL OR o.symetrie_deadline < %(now)s
                   ) AS due_count,
                   count(*) FILTER (WHERE o.symetrie_done_date <= o.symetrie_deadline)
                       AS on_time_count,
                   count(o.symetrie_accepted_date) AS accepted_count,
                   percentile_cont(0.5) WITHIN GROUP (
                       ORDER BY EXTRACT(
                           EPOCH FROM o.symetrie_accepted_date - o.symetrie_sent_date
                       ) / 3600.0
                   ) AS accept_hours,
                   count(*) FILTER (
                       WHERE o.symetrie_accepted_date - o.symetrie_sent_date <= %(delay)s
                   ) AS accepted_in_time_count,
                   count(o.symetrie_done_date) AS done_count,
                   count(*) FILTER (
                       WHERE o.symetrie_done_date IS NOT NULL AND s.reported = %(n_expected)s
                   ) AS transparent_count,
                   count(*) FILTER (WHERE o.symetrie_done_date IS NOT NULL AND s.refused)
                       AS rework_count,
                   count(*) FILTER (WHERE NOT COALESCE(s.declined, FALSE)) AS complete_count,
                   count(s.work_accepted) AS work_accepted_count,
                   percentile_cont(0.5) WITHIN GROUP (
                       ORDER BY EXTRACT(EPOCH FROM s.work_accepted - o.symetrie_done_date)
                           / 3600.0
                   ) AS work_accept_hours,
                   count(*) FILTER (
                       WHERE s.work_accepted - o.symetrie_done_date <= %(delay)s
                   ) AS work_accepted_in_time_count,
                   COALESCE(sum(o.amount_untaxed)
                       FILTER (WHERE o.symetrie_step IN ('billed', 'paid')), 0)
                       AS billed_amount
              FROM purchase_order o
              JOIN res_partner partner ON partner.id = o.partner_id
         LEFT JOIN (
                SELECT event.order_id,
                       count(DISTINCT event.step)
                           FILTER (WHERE event.step IN %(expected)s) AS reported,
                       bool_or(event.step = 'work_refused') AS refused,
                       bool_or(event.step = 'declined') AS declined,
                       min(event.date) FILTER (WHERE event.step = 'work_accepted')
                           AS work_accepted
                  FROM symetrie_order_event event
                  JOIN purchase_order eo ON eo.id = event.order_id
                 WHERE eo.symetrie_is_work_order
                   AND eo.company_id = %(company)s
                   AND eo.symetrie_sent_date >= %(start)s
                   AND eo.symetrie_sent_date < %(stop)s
              GROUP BY event.order_id
            ) s ON s.order_id = o.id
             WHERE o.symetrie_is_work_order
               AND o.company_id = %(company)s
               AND o.symetrie_sent_date >= %(start)s
               AND o.symetrie_sent_date < %(stop)s
               AND o.symetrie_step != 'cancelled'
          GROUP BY GROUPING SETS ((partner.commercial_partner_id), ())
            """,
            company=company.id,
            start=start,
            stop=stop,
            now=now,
            delay=delay,
            expected=EXPECTED_STEPS,
            n_expected=len(EXPECTED_STEPS),
        )
        self.env.flush_all()
        self.env.cr.execute(query)
        return {
            (False if row["is_total"] else row["partner_id"]): row
            for row in self.env.cr.dictfetchall()
        }

    @api.model
    def _symetrie_tenant_kpis(self, company, date_from, date_to):
        """Average tenant rating per contractor, over the period's ratings."""
        rows = self.env["symetrie.evaluation"]._read_group(
            [
                ("company_id", "=", company.id),
                ("direction", "=", "tenant_to_intervention"),
                ("state", "=", "submitted"),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ],
            ["partner_id"],
            ["score:avg", "__count"],
        )
        return {partner.id: (average, count) for partner, average, count in rows}

    @api.model
    def _symetrie_axis_averages(self, company, date_from, date_to):
        """Axis averages per (role, partner, department), from submitted evaluations.

        The landlord gets one key per department named in the evaluations and
        one key with no department for all of them.
        """
        query = SQL(
            """
            SELECT e.partner_id, e.direction, e.department_id,
                   GROUPING(e.department_id) AS all_departments,
                   l.axis_id, avg(l.score) AS average, count(*) AS score_count,
                   count(DISTINCT e.id) AS evaluation_count
              FROM symetrie_evaluation_line l
              JOIN symetrie_evaluation e ON e.id = l.evaluation_id
             WHERE e.company_id = %(company)s
               AND e.state = 'submitted'
               AND e.direction IN ('landlord_to_contractor', 'contractor_to_landlord')
               AND e.date >= %(date_from)s AND e.date <= %(date_to)s
               AND l.score > 0
          GROUP BY GROUPING SETS (
                (e.partner_id, e.direction, e.department_id, l.axis_id),
                (e.partner_id, e.direction, l.axis_id)
          )
            """,
            company=company.id,
            date_from=date_from,
            date_to=date_to,
        )
        self.env.flush_all()
        self.env.cr.execute(query)
        result = defaultdict(list)
        for row in self.env.cr.dictfetchall():
            if row["direction"] == "landlord_to_contractor":
                if not row["all_departments"]:
                    continue
                key = ("contractor", row["partner_id"], False)
            else:
                department = False if row["all_departments"] else row["department_id"]
                if not row["all_departments"] and not department:
                    continue
                key = ("landlord", row["partner_id"], department)
            result[key].append(row)
        return result

    @api.model
    def _symetrie_landlord_payment_kpis(self, company, date_from, date_to):
        """How the landlord paid the work order bills dated in the period.

        Three grouped queries (symetrie_orders' payment figures), whatever the
        number of bills.
        """
        figures = self.env["res.partner"]._symetrie_payment_figures(
            group_by="company_id",
            domain=[
                ("company_id", "=", company.id),
                ("invoice_date", ">=", date_from),
                ("invoice_date", "<=", date_to),
            ],
        )
        return figures.get(company, {})

    # ------------------------------------------------------------------
    # Scores
    # ------------------------------------------------------------------
    @api.model
    def _symetrie_rate(self, part, whole):
        return 100.0 * part / whole if whole else 0.0

    @api.model
    def _symetrie_weighted_axes(self, rows, axes):
        """Weighted average of the axes (1 to 5), with the axes' weights."""
        total = weight_sum = 0.0
        for row in rows:
            weight = axes[row["axis_id"]].weight
            total += weight * row["average"]
            weight_sum += weight
        return total / weight_sum if weight_sum else 0.0

    @api.model
    def _symetrie_score(self, company, components):
        """Weighted score out of 100 of the components that have data.

        ``components`` maps a weight field of the company to a value out of
        100, or None when there is nothing to measure.
        """
        total = weight_sum = 0.0
        for weight_field, value in components.items():
            if value is None:
                continue
            weight = company[weight_field]
            total += weight * value
            weight_sum += weight
        if not weight_sum:
            return None
        return total / weight_sum

    @api.model
    def _symetrie_card_values(
        self, company, role, kpis, tenant, axis_rows, axes, payment=None
    ):
        """The values of one scorecard, from the aggregates of the period."""
        axes_score = self._symetrie_weighted_axes(axis_rows, axes) if axis_rows else 0.0
        axes_component = (axes_score - 1) * 25.0 if axis_rows else None
        values = {
            "axes_score": axes_score,
            "evaluation_count": max((r["evaluation_count"] for r in axis_rows), default=0),
            "axis_line_ids": [
                Command.create(
                    {
                        "axis_id": row["axis_id"],
                        "average": row["average"],
                        "score_count": row["score_count"],
                    }
                )
                for row in axis_rows
            ],
        }
        k = kpis or defaultdict(int)
        rate = self._symetrie_rate
        values.update(
            {
                "order_count": k["order_count"],
                "due_count": k["due_count"],
                "done_count": k["done_count"],
                "on_time_rate": rate(k["on_time_count"], k["due_count"]),
                "accept_hours": k["accept_hours"] or 0.0,
                "accepted_in_time_rate": rate(
                    k["accepted_in_time_count"], k["accepted_count"]
                ),
                "transparency_rate": rate(k["transparent_count"], k["done_count"]),
                "rework_rate": rate(k["rework_count"], k["done_count"]),
                "completeness_rate": rate(k["complete_count"], k["order_count"]),
                "work_accept_hours": k["work_accept_hours"] or 0.0,
                "work_accepted_in_time_rate": rate(
                    k["work_accepted_in_time_count"], k["work_accepted_count"]
                ),
                "billed_amount": k["billed_amount"] or 0.0,
            }
        )
        if role == "contractor":
            average, count = tenant or (0.0, 0)
            values["tenant_satisfaction"] = average or 0.0
            values["tenant_rating_count"] = count
            components = {
                "symetrie_weight_on_time": values["on_time_rate"]
                if k["due_count"]
                else None,
                "symetrie_weight_acceptance": values["accepted_in_time_rate"]
                if k["accepted_count"]
                else None,
                "symetrie_weight_transparency": values["transparency_rate"]
                if k["done_count"]
                else None,
                "symetrie_weight_rework": 100.0 - values["rework_rate"]
                if k["done_count"]
                else None,
                "symetrie_weight_tenant": (average - 1) * 25.0 if count else None,
                "symetrie_weight_axes": axes_component,
            }
        else:
            payment = payment or {}
            values.update(
                {
                    "bills_paid_count": payment.get("bills_paid", 0),
                    "days_to_pay": payment.get("avg_days_to_pay", 0.0),
                    "paid_late_rate": payment.get("share_paid_late", 0.0),
                    "held_amount": payment.get("total_held", 0.0),
                }
            )
            components = {
                "symetrie_weight_payment": 100.0 - values["paid_late_rate"]
                if values["bills_paid_count"]
                else None,
                "symetrie_weight_completeness": values["completeness_rate"]
                if k["order_count"]
                else None,
                "symetrie_weight_work_acceptance": values["work_accepted_in_time_rate"]
                if k["work_accepted_count"]
                else None,
                "symetrie_weight_axes": axes_component,
            }
        score = self._symetrie_score(company, components)
        values["score"] = score or 0.0
        values["band"] = company._symetrie_band(score) if score is not None else False
        return values

    # ------------------------------------------------------------------
    # Recompute
    # ------------------------------------------------------------------
    @api.model
    def _symetrie_recompute(self, period_type="month", day=None, company=None):
        """Rebuild the scorecards of one period; earlier periods are kept.

        The number of queries does not depend on the number of orders,
        evaluations or partners: aggregates are read in a few SQL queries,
        then the period's scorecards are replaced in one batch.
        """
        company = company or self.env.company
        day = day or fields.Date.context_today(self)
        date_from, date_to = self._symetrie_period(period_type, day)
        kpis = self._symetrie_order_kpis(company, date_from, date_to)
        tenant = self._symetrie_tenant_kpis(company, date_from, date_to)
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
        domain = [
            ("company_id", "=", company.id),
            ("period_type", "=", period_type),
        ]
        existing = self.search(domain + [("date_from", "=", date_from)])
        # A scorecard that gave an incentive proposal is frozen.
        frozen = existing.filtered("incentive_proposal_ids")
        existing -= frozen
        keys -= {
            (card.role, card.partner_id.id, card.department_id.id) for card in frozen
        }
        previous = {
            (card.role, card.partner_id.id, card.department_id.id): card.score
            for card in self.search_fetch(
                domain + [("date_from", "=", previous_from), ("band", "!=", False)],
                ["role", "partner_id", "department_id", "score"],
            )
        }
        now = fields.Datetime.now()
        vals_list = []
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
                    "computed_on": now,
                    "previous_score": before or 0.0,
                    "has_previous": before is not None,
                    "trend": values["score"] - before
                    if before is not None and values["band"]
                    else 0.0,
                }
            )
            vals_list.append(values)
        existing.unlink()
        return self.create(vals_list)

    @api.model
    def _cron_recompute_scorecards(self):
        """Scheduled: this period and the previous one, for every period type."""
        today = fields.Date.context_today(self)
        for company in self.env["res.company"].search([]):
            for period_type, _label in PERIODS:
                date_from, _date_to = self._symetrie_period(period_type, today)
                for day in (date_from - timedelta(days=1), today):
                    self.with_company(company)._symetrie_recompute(
                        period_type, day, company
                    )

    def action_propose_incentives(self):
        """Propose the incentive of each contractor scorecard's band, once.

        Nothing is paid or billed here: a manager approves or rejects each
        proposal, and only an approved one creates a draft bill.
        """
        Proposal = self.env["symetrie.incentive.proposal"]
        Proposal._check_manager()
        cards = self.filtered(
            lambda card: card.role == "contractor"
            and card.band
            and not card.incentive_proposal_ids
        )
        rules = self.env["symetrie.incentive.rule"].search(
            [("company_id", "in", cards.company_id.ids)]
        )
        by_band = {(rule.company_id.id, rule.band): rule for rule in rules}
        vals_list = []
        for card in cards:
            rule = by_band.get((card.company_id.id, card.band))
            if not rule or not card.billed_amount:
                continue
            vals_list.append(
                {
                    "scorecard_id": card.id,
                    "rule_id": rule.id,
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
        """Recompute the periods of the selected scorecards now."""
        for key in {(card.company_id, card.period_type, card.date_from) for card in self}:
            company, period_type, date_from = key
            self._symetrie_recompute(period_type, date_from, company)
        return {"type": "ir.actions.client", "tag": "reload"}
