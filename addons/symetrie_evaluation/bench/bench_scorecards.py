# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Time the full scorecard recompute against a hand-written SQL, same figures.

Not part of the tests. On a throwaway copy of a database with the add-on:

    psql -d DB -f generate_orders.sql   # 500 contractors, 100,000 orders
    echo "from odoo.addons.symetrie_evaluation.bench.bench_scorecards import run; run(env)" \\
        | python3 -m odoo shell -d DB --no-http

Both sides read the same rows (the orders sent in 2025, cut in the company's
timezone) and compute the same contractor figures (value and sample size);
the recompute also reads the evaluations, the bills and the payments, and
writes the scorecards and their figures. The figures are asserted equal,
then the best of five runs of each is printed with their ratio.
"""
import logging
import time
from datetime import date

_logger = logging.getLogger(__name__)

# Written by hand from the KPI definitions of the readme (USAGE), not from
# the add-on's queries: the figures must agree.
HAND_SQL = """
WITH bounds AS (
    SELECT (%(year_start)s::timestamp AT TIME ZONE %(tz)s) AT TIME ZONE 'UTC' AS start,
           (%(year_stop)s::timestamp AT TIME ZONE %(tz)s) AT TIME ZONE 'UTC' AS stop
), orders AS (
    SELECT po.*, p.commercial_partner_id AS contractor
      FROM purchase_order po
      JOIN res_partner p ON p.id = po.partner_id, bounds
     WHERE po.symetrie_is_work_order AND po.company_id = %(company)s
       AND po.symetrie_step <> 'cancelled'
       AND po.symetrie_sent_date >= bounds.start AND po.symetrie_sent_date < bounds.stop
), events AS (
    SELECT e.order_id,
           count(DISTINCT e.step) FILTER (
               WHERE e.step IN ('visit_booked', 'on_the_way', 'on_site', 'work_done')
           ) = 4 AS told_all,
           bool_or(e.step = 'work_refused') AS refused
      FROM symetrie_order_event e
     WHERE e.order_id IN (SELECT id FROM orders)
     GROUP BY e.order_id
), per_order AS (
    SELECT o.contractor,
           o.symetrie_done_date IS NOT NULL OR o.symetrie_contractor_deadline < %(now)s AS due,
           o.symetrie_done_date <= o.symetrie_contractor_deadline AS on_time,
           o.symetrie_accepted_date IS NOT NULL
               OR o.symetrie_sent_date + %(delay)s < %(now)s AS accept_due,
           o.symetrie_accepted_date - o.symetrie_sent_date <= %(delay)s AS accepted_in_time,
           o.symetrie_done_date IS NOT NULL AS done,
           COALESCE(ev.told_all, FALSE) AS told_all,
           COALESCE(ev.refused, FALSE) AS refused
      FROM orders o LEFT JOIN events ev ON ev.order_id = o.id
)
SELECT contractor,
       count(*) AS orders,
       count(*) FILTER (WHERE due) AS due,
       COALESCE(100.0 * count(*) FILTER (WHERE on_time)
                / NULLIF(count(*) FILTER (WHERE due), 0), 0) AS on_time,
       count(*) FILTER (WHERE accept_due) AS accept_due,
       COALESCE(100.0 * count(*) FILTER (WHERE accepted_in_time)
                / NULLIF(count(*) FILTER (WHERE accept_due), 0), 0) AS acceptance,
       count(*) FILTER (WHERE done) AS done,
       COALESCE(100.0 * count(*) FILTER (WHERE done AND told_all)
                / NULLIF(count(*) FILTER (WHERE done), 0), 0) AS transparency,
       COALESCE(100.0 - 100.0 * count(*) FILTER (WHERE done AND refused)
                / NULLIF(count(*) FILTER (WHERE done), 0), 0) AS rework
  FROM per_order
 GROUP BY contractor
"""


def _best(func, runs=5):
    times = []
    for _i in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def _figures_of_cards(cards):
    """{contractor: {code: (value, sample)}} of the recomputed scorecards."""
    result = {}
    for card in cards.filtered(lambda c: c.role == "contractor" and c.order_count):
        result[card.partner_id.id] = {
            figure.code: (round(figure.value, 6), figure.sample_size)
            for figure in card.figure_ids
            if figure.code in ("on_time", "acceptance", "transparency", "rework")
        }
    return result


def _figures_of_rows(rows):
    return {
        row["contractor"]: {
            "on_time": (round(float(row["on_time"]), 6), row["due"]),
            "acceptance": (round(float(row["acceptance"]), 6), row["accept_due"]),
            "transparency": (round(float(row["transparency"]), 6), row["done"]),
            "rework": (round(float(row["rework"]), 6), row["done"]),
        }
        for row in rows
    }


def run(env, year=2025):
    """Assert the same figures, print both timings and their ratio, roll back."""
    Scorecard = env["symetrie.scorecard"]
    company = env.company
    params = {
        "company": company.id,
        "tz": company._symetrie_tz().zone,
        "year_start": f"{year}-01-01",
        "year_stop": f"{year + 1}-01-01",
        "now": env["purchase.order"]._symetrie_now(),
        "delay": company._symetrie_acceptance_delay(),
    }

    def hand():
        env.cr.execute(HAND_SQL, params)
        return env.cr.dictfetchall()

    def orm():
        env.invalidate_all()
        cards = Scorecard._symetrie_recompute("year", date(year, 6, 1), company)
        env.flush_all()
        return cards

    rows, cards = hand(), orm()
    by_hand, by_orm = _figures_of_rows(rows), _figures_of_cards(cards)
    assert by_hand == by_orm, "the recompute and the hand-written SQL disagree"
    t_hand, t_orm = _best(hand), _best(orm)
    message = (
        "%s contractors, same figures; hand-written SQL %.3f s, "
        "scorecard recompute %.3f s, ratio %.2f"
        % (len(by_hand), t_hand, t_orm, t_orm / t_hand)
    )
    _logger.info(message)
    env.cr.rollback()
    return t_orm / t_hand
