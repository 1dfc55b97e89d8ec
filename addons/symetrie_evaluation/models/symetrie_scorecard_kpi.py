# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from contextlib import contextmanager
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.tools import SQL, date_utils

# Steps a transparent contractor reports on every order it completes.
EXPECTED_STEPS = ("visit_booked", "on_the_way", "on_site", "work_done")
# The figures of a scorecard: (code, role, the company field of its weight).
# Every figure is out of 100 and carries the number of cases it was measured on.
FIGURES = [
    ("on_time", "contractor", "symetrie_weight_on_time"),
    ("acceptance", "contractor", "symetrie_weight_acceptance"),
    ("transparency", "contractor", "symetrie_weight_transparency"),
    ("rework", "contractor", "symetrie_weight_rework"),
    ("tenant", "contractor", "symetrie_weight_tenant"),
    ("visits", "contractor", "symetrie_weight_visits"),
    ("payment", "landlord", "symetrie_weight_payment"),
    ("completeness", "landlord", "symetrie_weight_completeness"),
    ("work_acceptance", "landlord", "symetrie_weight_work_acceptance"),
    ("axes", False, "symetrie_weight_axes"),
]
FIGURE_CODES = [
    ("on_time", "On time"),
    ("acceptance", "Accepted in time"),
    ("transparency", "Transparency"),
    ("rework", "Work right first time"),
    ("tenant", "Tenant satisfaction"),
    ("visits", "Visits kept"),
    ("payment", "Bills paid on time"),
    ("completeness", "Complete orders"),
    ("work_acceptance", "Work accepted in time"),
    ("axes", "Axes"),
]


class SymetrieScorecardKpi(models.AbstractModel):
    """How a scorecard's figures are measured: periods, KPIs and the score.

    One SQL aggregate per source, whatever the number of rows. The formulas
    are documented in the add-on's readme (USAGE).
    """

    _name = "symetrie.scorecard.kpi"
    _description = "Scorecard KPI Computation"

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

    @api.model
    def _symetrie_period_bounds(self, company, date_from, date_to):
        """The period's first and next-after-last midnights in the company's
        timezone, as the naive UTC datetimes the database stores."""
        tz = company._symetrie_tz()

        def utc(day):
            local = tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        return utc(date_from), utc(date_to + timedelta(days=1))

    @api.model
    def _symetrie_local_day(self, company, moment):
        """The day of a UTC datetime in the company's timezone."""
        return pytz.utc.localize(moment).astimezone(company._symetrie_tz()).date()

    # ------------------------------------------------------------------
    # KPIs
    # ------------------------------------------------------------------
    @api.model
    def _symetrie_period_orders_sql(self, alias, company, start, stop):
        """The work orders of ``company`` sent in [start, stop), for the
        purchase_order table aliased ``alias``: the orders a period counts."""
        order = SQL.identifier(alias)
        return SQL(
            "%(o)s.symetrie_is_work_order AND %(o)s.company_id = %(company)s"
            " AND %(o)s.symetrie_sent_date >= %(start)s AND %(o)s.symetrie_sent_date < %(stop)s",
            o=order,
            company=company.id,
            start=start,
            stop=stop,
        )

    @api.model
    def _symetrie_order_kpis(self, company, date_from, date_to):
        """KPIs of the work orders sent in the period, per contractor.

        Returns ``{contractor_id: kpis}``; the key ``False`` holds the same
        aggregates over all the company's orders (the landlord's side).
        An order not accepted (or whose work is not accepted) once the
        company's delay has passed counts as not in time: missing data never
        scores better than bad data.
        """
        start, stop = self._symetrie_period_bounds(company, date_from, date_to)
        now = self.env["purchase.order"]._symetrie_now()
        delay = company._symetrie_acceptance_delay()
        # Each order's events are read by its index (LATERAL): grouping the
        # events of all the period's orders first made PostgreSQL scan every
        # event of the database (1.7 s at 3 million events, 0.8 s now).
        query = SQL(
            """
            SELECT partner.commercial_partner_id AS partner_id,
                   GROUPING(partner.commercial_partner_id) AS is_total,
                   count(*) AS order_count,
                   count(*) FILTER (
                       WHERE o.symetrie_done_date IS NOT NULL
                          OR o.symetrie_contractor_deadline < %(now)s
                   ) AS due_count,
                   count(*) FILTER (
                       WHERE o.symetrie_done_date <= o.symetrie_contractor_deadline
                   ) AS on_time_count,
                   count(*) FILTER (
                       WHERE o.symetrie_accepted_date IS NOT NULL
                          OR o.symetrie_sent_date + %(delay)s < %(now)s
                   ) AS accept_due_count,
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
                   count(*) FILTER (
                       WHERE s.work_accepted IS NOT NULL
                          OR o.symetrie_done_date + %(delay)s < %(now)s
                   ) AS work_accept_due_count,
                   percentile_cont(0.5) WITHIN GROUP (
                       ORDER BY EXTRACT(EPOCH FROM s.work_accepted - o.symetrie_done_date)
                           / 3600.0
                   ) AS work_accept_hours,
                   count(*) FILTER (
                       WHERE s.work_accepted - o.symetrie_done_date <= %(delay)s
                   ) AS work_accepted_in_time_count,
                   COALESCE(sum(s.visits), 0)::int AS visit_count,
                   COALESCE(sum(s.no_shows), 0)::int AS no_show_count,
                   COALESCE(sum(s.absences), 0)::int AS tenant_absent_count
              FROM purchase_order o
              JOIN res_partner partner ON partner.id = o.partner_id
         LEFT JOIN LATERAL (
                SELECT count(DISTINCT event.step)
                           FILTER (WHERE event.step IN %(expected)s) AS reported,
                       bool_or(event.step = 'work_refused') AS refused,
                       bool_or(event.step = 'declined') AS declined,
                       min(event.date) FILTER (WHERE event.step = 'work_accepted')
                           AS work_accepted,
                       count(*) FILTER (
                           WHERE event.kind = 'step' AND event.step = 'visit_booked'
                             AND event.visit_end < %(now)s
                       ) AS visits,
                       count(*) FILTER (WHERE event.kind = 'no_show') AS no_shows,
                       count(*) FILTER (WHERE event.kind = 'tenant_absent') AS absences
                  FROM symetrie_order_event event
                 WHERE event.order_id = o.id
            ) s ON TRUE
             WHERE %(period_orders)s
               AND o.symetrie_step != 'cancelled'
          GROUP BY GROUPING SETS ((partner.commercial_partner_id), ())
            """,
            period_orders=self._symetrie_period_orders_sql("o", company, start, stop),
            now=now,
            delay=delay,
            expected=EXPECTED_STEPS,
            n_expected=len(EXPECTED_STEPS),
        )
        self.env.flush_all()
        with self._symetrie_without_jit():
            self.env.cr.execute(query)
            rows = self.env.cr.dictfetchall()
        return {(False if row["is_total"] else row["partner_id"]): row for row in rows}

    @contextmanager
    def _symetrie_without_jit(self):
        """PostgreSQL's JIT compilation off for a period's aggregates: their
        row estimates switch it on, and compiling cost a third of the
        query's time at a landlord's volume."""
        self.env.cr.execute("SET LOCAL jit = off")
        try:
            yield
        finally:
            self.env.cr.execute("SET LOCAL jit TO DEFAULT")

    @api.model
    def _symetrie_billed_amounts(self, company, date_from, date_to):
        """Untaxed amount of the posted bills (less credit notes) of the
        period's work orders, in the company's currency, per contractor."""
        start, stop = self._symetrie_period_bounds(company, date_from, date_to)
        query = SQL(
            """
            SELECT partner.commercial_partner_id AS partner_id,
                   GROUPING(partner.commercial_partner_id) AS is_total,
                   COALESCE(sum(aml.balance), 0) AS billed_amount
              FROM account_move_line aml
              JOIN account_move m ON m.id = aml.move_id
              JOIN purchase_order_line pol ON pol.id = aml.purchase_line_id
              JOIN purchase_order o ON o.id = pol.order_id
              JOIN res_partner partner ON partner.id = o.partner_id
             WHERE m.state = 'posted'
               AND m.move_type IN ('in_invoice', 'in_refund')
               AND aml.display_type = 'product'
               AND %(period_orders)s
               AND o.symetrie_step != 'cancelled'
          GROUP BY GROUPING SETS ((partner.commercial_partner_id), ())
            """,
            period_orders=self._symetrie_period_orders_sql("o", company, start, stop),
        )
        self.env.flush_all()
        self.env.cr.execute(query)
        return {
            (False if row["is_total"] else row["partner_id"]): row["billed_amount"]
            for row in self.env.cr.dictfetchall()
        }

    @api.model
    def _symetrie_evaluation_domain(self, company, date_from, date_to):
        """Submitted evaluations of a period that overlaps this one."""
        return [
            ("company_id", "=", company.id),
            ("state", "=", "submitted"),
            # The period evaluated overlaps the card's: a quarterly rating of
            # the landlord shows in each month of its quarter.
            ("date_from", "<=", date_to),
            ("date_to", ">=", date_from),
        ]

    @api.model
    def _symetrie_tenant_kpis(self, company, date_from, date_to):
        """Average tenant rating per contractor, over the period's ratings."""
        rows = self.env["symetrie.evaluation"]._read_group(
            self._symetrie_evaluation_domain(company, date_from, date_to)
            + [("direction", "=", "tenant_to_intervention")],
            ["partner_id"],
            ["score:avg", "__count"],
        )
        return {partner.id: (average, count) for partner, average, count in rows}

    @api.model
    def _symetrie_visit_kpis(self, order_kpis):
        """Visits of the period's work orders, per contractor, from the rows
        of ``_symetrie_order_kpis`` (read with the orders' other events):
        the booked visits whose slot is over, the contractor's no-shows
        (reported by the tenant) and, apart, the tenant's absences (never the
        contractor's)."""
        return {partner: row for partner, row in order_kpis.items() if partner}

    @api.model
    def _symetrie_axis_averages(self, company, date_from, date_to):
        """Axis averages per (role, partner, department), from submitted evaluations.

        An evaluation counts in the scorecards whose period contains the
        period it evaluates. The landlord gets one key per department named
        in the evaluations and one key with no department for all of them.
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
               AND e.date_from <= %(date_to)s AND e.date_to >= %(date_from)s
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

        A bill is due once paid or past its due date; it is on time when it
        was paid and not late. A bill never paid past its due date counts as
        late: paying nothing does not score better than paying late.
        """
        domain = [
            ("company_id", "=", company.id),
            ("invoice_date", ">=", date_from),
            ("invoice_date", "<=", date_to),
        ]
        # Figures of the whole company, whoever recomputes them.
        figures = dict(
            self.env["res.partner"]
            .sudo()
            ._symetrie_payment_figures(group_by="company_id", domain=domain)
            .get(company, {})
        )
        today = self._symetrie_local_day(
            company, self.env["purchase.order"]._symetrie_now()
        )
        base = [
            ("symetrie_is_work_order_bill", "=", True),
            ("state", "=", "posted"),
            ("move_type", "=", "in_invoice"),
            *domain,
        ]
        Move = self.env["account.move"].sudo()
        due = base + [
            "|",
            ("symetrie_paid_date", "!=", False),
            ("invoice_date_due", "<", today),
        ]
        [[due_count]] = Move._read_group(due, [], ["__count"])
        [[on_time_count]] = Move._read_group(
            base + [("symetrie_paid_date", "!=", False), ("symetrie_paid_late", "=", False)],
            [],
            ["__count"],
        )
        figures.update(bills_due=due_count, bills_on_time=on_time_count)
        return figures

    @api.model
    def _symetrie_today(self, company):
        return self._symetrie_local_day(company, fields.Datetime.now())
