# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Time and SQL query count of the paths that must stay flat, on a demo and a
large database side by side, in one run of ``odoo shell``::

    BENCH_DEMO=symetrie BENCH_LARGE=symetrie_large python3 odoo-bin shell \\
        -c odoo.conf -d symetrie --http-port=18103 --max-cron-threads=0 < bench/run.py

ORM rows run in this process on a cursor of each database, as the user who
would do it (``gestionnaire`` for the landlord's views).  Page rows go through
Odoo's real HTTP stack: the shell starts Odoo's HTTP server in a thread and a
client on 127.0.0.1 logs in (``plombier``) or opens the tenant's link; queries
are counted with ``odoo.sql_db.sql_counter`` around each request (nothing else
runs: no cron thread).  Each figure is the median of ``BENCH_REPEAT`` runs
after one warm-up.  Nothing is written: every ORM row is rolled back.
"""
import datetime
import os
import statistics
import time

import requests
from lxml import etree

import odoo
from odoo import api
from odoo.modules.registry import Registry
from odoo.service.server import ThreadedServer

DEMO = os.environ.get("BENCH_DEMO", "symetrie")
LARGE = os.environ.get("BENCH_LARGE", "symetrie_large")
REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))
PORT = odoo.tools.config["http_port"]
# The web client's list views count at most 10,000 rows (then show "10000+").
COUNT_LIMIT = 10001
BASE = "http://127.0.0.1:%s" % PORT


# {database: (cards, orders)} of the year's scorecard period measured.
PERIOD_SIZE = {}


def counter():
    return odoo.sql_db.sql_counter


def measure(func, before=None, after=None):
    """Median time (ms) and queries of ``func`` over REPEAT runs, warm."""
    times, counts = [], []
    for i in range(REPEAT + 1):
        if before:
            before()
        start_q, start_t = counter(), time.perf_counter()
        func()
        elapsed, queries = time.perf_counter() - start_t, counter() - start_q
        if after:
            after()
        if i:  # the first run warms the caches
            times.append(elapsed * 1000)
            counts.append(queries)
    return statistics.median(times), statistics.median(counts)


def list_spec(env, model, view_ref):
    """The fields a list view reads, as web_search_read's specification."""
    view = env.ref(view_ref) if view_ref else None
    arch = env[model].get_views([(view.id if view else False, "list")])["views"]["list"]["arch"]
    spec = {}
    for node in etree.fromstring(arch).iter("field"):
        name = node.get("name")
        field = env[model]._fields.get(name)
        if field is None:
            continue
        spec[name] = {"fields": {"display_name": {}}} if field.relational else {}
    return spec


def orm_rows(dbname, page_sizes=None, track_events=None):
    """{row: (ms, queries)} of the landlord's and the label's ORM paths.

    ``page_sizes`` ({row: rows shown}, the demo's): the list rows are measured
    again at that page size on both databases, to tell the cost of the search
    (flat or not) from that of a longer page (80 rows against the demo's few)."""
    sizes = {} if page_sizes is None else None
    registry = Registry(dbname)
    results = {}
    with registry.cursor() as cr:
        admin = api.Environment(cr, odoo.SUPERUSER_ID, {})
        staff = admin["res.users"].search([("login", "=", "gestionnaire")], limit=1) or admin.user
        env = api.Environment(cr, staff.id, {"lang": "en_US"})

        def reset():
            env.invalidate_all()
            env.registry.clear_cache()

        def list_row(label, read, key="records"):
            """A list view's read: a page of 80 rows (or groups), and on both
            databases a full page of the demo's size.

            Odoo counts the rows for the pager only when a page is full: the
            demo's page of 80 never is, the large one's always is.  A page
            of the demo's size is full on both, so that pair compares the
            same work: one page of N rows and its pager's count."""
            results[label] = measure(read, env.invalidate_all)
            size = len(read()[key]) if sizes is not None else page_sizes.get(label)
            if sizes is not None:
                sizes[label] = size
            if size:
                results[label + " (demo's page size)"] = measure(
                    lambda: read(limit=size), env.invalidate_all
                )

        Order = env["purchase.order"]
        order_spec = list_spec(env, "purchase.order", "symetrie_orders.purchase_order_view_list_work"
                               if env.ref("symetrie_orders.purchase_order_view_list_work", False)
                               else None)
        base = [("symetrie_is_work_order", "=", True)]
        later = odoo.fields.Datetime.now() + datetime.timedelta(days=2)
        for label, domain in (
            ("orders list, late filter", base + [("symetrie_is_late", "=", True)]),
            ("orders list, not accepted in time", base + [("symetrie_is_at_risk", "=", True)]),
        ):
            # Two days on, so that the demo's sent orders are at risk too.
            list_row(label, lambda d=domain, limit=80: Order.with_context(
                symetrie_now=later).web_search_read(
                    d, order_spec, limit=limit, count_limit=COUNT_LIMIT))
        # The list with both filters ticked (one group: OR) and grouped by
        # contractor: a page of 80 groups, and one of the demo's groups.
        list_row("late or not accepted, by contractor", lambda limit=80: Order.with_context(
            symetrie_now=later).web_read_group(
                base + ["|", ("symetrie_is_late", "=", True), ("symetrie_is_at_risk", "=", True)],
                ["partner_id"], ["partner_id"], limit=limit,
            ), key="groups")
        list_row("open orders by contractor", lambda limit=80: Order.web_read_group(
            base + [("symetrie_step", "not in", ("paid", "cancelled"))],
            ["partner_id"], ["partner_id"], limit=limit,
        ), key="groups")

        # Posting a step, rolled back each time.
        accepted = Order.search(base + [("symetrie_step", "=", "accepted")], limit=1)

        def savepoint():
            cr.execute("SAVEPOINT bench")
            env.invalidate_all()

        def rollback():
            env.flush_all()
            cr.execute("ROLLBACK TO SAVEPOINT bench")
            env.invalidate_all()

        if accepted:
            results["posting a step (on site)"] = measure(
                # precommit: the chatter's tracking message is written at commit.
                lambda: (accepted.action_symetrie_on_site(), env.flush_all(), cr.precommit.run()),
                savepoint, rollback,
            )

        Move = env["account.move"]
        for label, xmlid in (
            ("held bills view", "symetrie_orders.account_move_action_held"),
            ("payment delays view", "symetrie_orders.account_move_action_delays"),
        ):
            action = admin.ref(xmlid)
            spec = list_spec(env, "account.move", action.view_id.get_external_id()[action.view_id.id])
            domain = odoo.tools.safe_eval.safe_eval(action.domain or "[]")
            list_row(label, lambda d=domain, s=spec, limit=80: Move.web_search_read(
                d, s, limit=limit, count_limit=COUNT_LIMIT))

        if "symetrie.scorecard" in env:
            # The year's period: the one that aggregates the most orders.
            card = env["symetrie.scorecard"].sudo().search(
                [("state", "!=", "closed"), ("role", "=", "contractor"), ("period_type", "=", "year")],
                order="date_from desc", limit=1,
            )
            if card:
                def recompute():
                    card.action_recompute()
                    env.flush_all()
                    cr.precommit.run()

                def computed_before():
                    # The nightly run has computed the period already: the
                    # period's cards exist, as on a database in use.
                    savepoint()
                    recompute()
                    env.invalidate_all()

                results["scorecard period recompute (year, first)"] = measure(
                    recompute, savepoint, rollback
                )
                results["scorecard period recompute (year, again)"] = measure(
                    recompute, computed_before, rollback
                )
                # What the recompute produces and reads: the rows above are a
                # batch over the whole period, whose size is the data's.
                computed_before()
                Card = env["symetrie.scorecard"].sudo()
                kpis = Card._symetrie_order_kpis(card.company_id, card.date_from, card.date_to)
                PERIOD_SIZE[dbname] = (
                    Card.search_count([
                        ("company_id", "=", card.company_id.id),
                        ("period_type", "=", "year"),
                        ("date_from", "=", card.date_from),
                    ]),
                    kpis[False]["order_count"] if False in kpis else 0,
                )
                rollback()
        if "mq.survey.campaign" in env:
            campaign = env["mq.survey.campaign"].sudo().search([], order="id desc", limit=1)
            if campaign:
                results["label campaign figures"] = measure(
                    lambda: (campaign.invalidate_recordset(), campaign.read(
                        [f for f in ("invited_count", "respondent_count", "recommendation_rate", "status")
                         if f in campaign._fields])),
                    reset,
                )
                results["label drivers report"] = measure(
                    lambda: campaign._mq_drivers().read(), env.invalidate_all
                )
        cr.rollback()
        # The demo technician's order with the most events, and a tenant's link.
        plumber = admin["res.users"].search([("login", "=", "plombier")], limit=1)
        cr.execute(
            """SELECT o.id FROM purchase_order o
                 JOIN res_partner p ON p.id = o.partner_id
                 LEFT JOIN symetrie_order_event e ON e.order_id = o.id
                WHERE o.symetrie_is_work_order AND p.commercial_partner_id = %s
                GROUP BY o.id ORDER BY count(e.id) DESC, o.id LIMIT 1""",
            (plumber.partner_id.commercial_partner_id.id,),
        )
        order_id = cr.fetchone()[0]
        # The tenant's page: on the demo, of the tracked order with the most
        # events; on the large database, of a recent order with as many
        # events (else the nearest number), so that both pages show the same
        # timeline (the page's cost grows with its lines).
        cr.execute(
            """SELECT o.symetrie_tracking_token, count(e.id)
                 FROM purchase_order o
                 JOIN symetrie_order_event e ON e.order_id = o.id
                WHERE o.id IN (SELECT id FROM purchase_order
                                WHERE symetrie_is_work_order
                                  AND symetrie_step NOT IN ('draft', 'cancelled')
                                ORDER BY id DESC LIMIT 1000)
             GROUP BY o.id
             ORDER BY CASE WHEN %s IS NULL THEN -count(e.id)
                           ELSE abs(count(e.id) - %s) END, o.id DESC
                LIMIT 1""",
            (track_events, track_events),
        )
        token, events = cr.fetchone()
        tokens = {"order_id": order_id, "token": token, "events": events}
    return results, tokens, sizes


def http_rows(dbname, tokens):
    results = {}
    portal = requests.Session()
    resp = portal.post(
        BASE + "/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": dbname, "login": "plombier", "password": "plombier"}},
        timeout=60,
    )
    resp.raise_for_status()
    public = requests.Session()
    public.get(BASE + "/web/login?db=%s" % dbname, timeout=60)
    pages = [
        ("portal /my/work-orders", portal, "/my/work-orders?filterby=all"),
        ("portal order page", portal, "/my/work-orders/%s" % tokens["order_id"]),
        ("tenant /track/<token>", public, "/track/%s" % tokens["token"]),
    ]
    for label, session, path in pages:
        def get(s=session, p=path):
            r = s.get(BASE + p, timeout=120)
            if r.status_code != 200:
                raise RuntimeError("%s %s on %s" % (r.status_code, p, dbname))
        results[label] = measure(get)
    return results


CLIENT = """
import sys, threading, time, requests
base, db, path, seconds, workers = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), int(sys.argv[5])
done, failed = [0], [0]
def work():
    session = requests.Session()
    session.get(base + "/web/login?db=" + db, timeout=60)
    end = time.time() + seconds
    while time.time() < end:
        ok = session.get(base + path, timeout=60).status_code == 200
        done[0] += ok
        failed[0] += not ok
threads = [threading.Thread(target=work) for _i in range(workers)]
[t.start() for t in threads]
[t.join() for t in threads]
print(done[0] / seconds, failed[0])
"""


def throughput(dbname, token, seconds, workers):
    """Requests per second of the tracking page and of /web/login, same server,
    same client (a separate process, ``workers`` threads, 127.0.0.1 only)."""
    import subprocess
    import sys

    rates = {}
    for label, path in (("/web/login", "/web/login"), ("/track/<token>", "/track/%s" % token)):
        out = subprocess.run(
            [sys.executable, "-c", CLIENT, BASE, dbname, path, str(seconds), str(workers)],
            capture_output=True, text=True, check=True,
        ).stdout.split()
        rates[label] = (float(out[0]), int(out[1]))
    return rates


def main():
    odoo.tools.config["db_name"] = "%s,%s" % (DEMO, LARGE)
    server = ThreadedServer(odoo.http.root)
    server.http_spawn()
    time.sleep(1)
    table = {}
    sizes = track_events = None
    for dbname in (DEMO, LARGE):
        rows, tokens, demo_sizes = orm_rows(dbname, sizes, track_events)
        sizes = sizes or demo_sizes
        track_events = track_events or tokens["events"]
        print("%s: tenant page of an order with %d events" % (dbname, tokens["events"]))
        try:
            rows.update(http_rows(dbname, tokens))
        except Exception as error:  # reported in the table, not hidden
            print("HTTP rows failed on %s: %s" % (dbname, error))
        table[dbname] = rows
        seconds = float(os.environ.get("BENCH_THROUGHPUT", "0"))
        if seconds:
            workers = int(os.environ.get("BENCH_CLIENTS", "4"))
            rates = throughput(dbname, tokens["token"], seconds, workers)
            login, track = rates["/web/login"], rates["/track/<token>"]
            print("%s: /web/login %.1f req/s (%d failed), /track/<token> %.1f req/s (%d failed), "
                  "ratio track/login %.2f (%d client threads, %.0f s each)" % (
                      dbname, login[0], login[1], track[0], track[1],
                      track[0] / login[0] if login[0] else 0, workers, seconds))
    cr = Registry(LARGE).cursor()
    cr.execute("SELECT count(*) FROM purchase_order")
    n_large = cr.fetchone()[0]
    cr.execute("SELECT count(*) FROM symetrie_order_event")
    n_events = cr.fetchone()[0]
    cr.close()
    print("\nlarge database: %d purchase orders, %d events; median of %d warm runs\n"
          % (n_large, n_events, REPEAT))
    print("| path | demo ms | large ms | ratio | demo queries | large queries | ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label in table[LARGE]:
        d_ms, d_q = table[DEMO].get(label, (float("nan"), float("nan")))
        l_ms, l_q = table[LARGE][label]
        print("| %s | %.1f | %.1f | %.2f | %d | %d | %.2f |" % (
            label, d_ms, l_ms, l_ms / d_ms if d_ms else 0, d_q, l_q, l_q / d_q if d_q else 0))
    again = "scorecard period recompute (year, again)"
    if len(PERIOD_SIZE) == 2 and again in table[DEMO] and again in table[LARGE]:
        print("\nscorecard period (year), recomputed again, for its size:")
        for dbname in (DEMO, LARGE):
            cards, orders = PERIOD_SIZE[dbname]
            ms = table[dbname][again][0]
            print("  %s: %d scorecards, %d orders counted: %.2f ms per scorecard, "
                  "%.2f ms per 1,000 orders" % (
                      dbname, cards, orders, ms / cards if cards else 0,
                      ms * 1000 / orders if orders else 0))


main()
