# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Time the full scorecard recompute against a hand-written SQL GROUP BY.

Not part of the tests. On a throwaway copy of a database with the add-on:

    psql -d DB -f generate_orders.sql   # 500 contractors, 100,000 orders
    echo "from odoo.addons.symetrie_evaluation.bench.bench_scorecards import run; run(env)" \
        | python3 -m odoo shell -d DB --no-http

Both sides read the same rows (the orders sent in 2025) and compute the same
KPIs, per contractor and for the landlord; the recompute also reads the
evaluations and writes the scorecards. Prints the best of five runs of each.
"""
import logging
import time
from datetime import date

_logger = logging.getLogger(__name__)

HAND_SQL = """
SELECT p.commercial_partner_id, GROUPING(p.commercial_partner_id),
       count(*),
       count(*) FILTER (WHERE po.symetrie_done_date IS NOT NULL OR po.symetrie_deadline < now()),
       count(*) FILTER (WHERE po.symetrie_done_date <= po.symetrie_deadline),
       count(po.symetrie_accepted_date),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM po.symetrie_accepted_date - po.symetrie_sent_date)),
       count(*) FILTER (WHERE po.symetrie_accepted_date - po.symetrie_sent_date <= interval '24 hours'),
       count(po.symetrie_done_date),
       count(*) FILTER (WHERE po.symetrie_done_date IS NOT NULL AND ev.reported = 4),
       count(*) FILTER (WHERE po.symetrie_done_date IS NOT NULL AND ev.refused),
       count(*) FILTER (WHERE NOT ev.declined),
       count(ev.work_accepted),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ev.work_accepted - po.symetrie_done_date)),
       count(*) FILTER (WHERE ev.work_accepted - po.symetrie_done_date <= interval '24 hours'),
       sum(po.amount_untaxed) FILTER (WHERE po.symetrie_step IN ('billed', 'paid'))
  FROM purchase_order po
  JOIN res_partner p ON p.id = po.partner_id
  JOIN (SELECT order_id,
               count(DISTINCT step) FILTER (WHERE step IN ('visit_booked', 'on_the_way', 'on_site', 'work_done')) AS reported,
               bool_or(step = 'work_refused') AS refused,
               bool_or(step = 'declined') AS declined,
               min(date) FILTER (WHERE step = 'work_accepted') AS work_accepted
          FROM symetrie_order_event GROUP BY order_id) ev ON ev.order_id = po.id
 WHERE po.symetrie_is_work_order AND po.company_id = 1
   AND po.symetrie_sent_date >= '2025-01-01' AND po.symetrie_sent_date < '2026-01-01'
   AND po.symetrie_step != 'cancelled'
 GROUP BY GROUPING SETS ((p.commercial_partner_id), ())
"""


def _best(func, runs=5):
    times = []
    for _i in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def run(env):
    """Print both timings and their ratio, then roll back."""
    Scorecard = env["symetrie.scorecard"]

    def hand():
        env.cr.execute(HAND_SQL)
        return env.cr.fetchall()

    def orm():
        env.invalidate_all()
        cards = Scorecard._symetrie_recompute("year", date(2025, 6, 1))
        env.flush_all()
        return cards

    rows, cards = hand(), orm()
    t_hand, t_orm = _best(hand), _best(orm)
    _logger.info(
        "%s KPI rows, %s scorecards: hand-written SQL %.3f s, "
        "scorecard recompute %.3f s, ratio %.2f",
        len(rows),
        len(cards),
        t_hand,
        t_orm,
        t_orm / t_hand,
    )
    env.cr.rollback()
    return t_orm / t_hand
