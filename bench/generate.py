# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fill a THROWAWAY database with a large landlord's three years.

Run it in ``odoo shell`` on a copy of a demo database (the demo records are the
templates every generated row is cloned from)::

    createdb -h 127.0.0.1 -T symetrie symetrie_large
    python3 bench/generate.py --scale 0.01 -c odoo.conf -d symetrie_large
    # the same: BENCH_SCALE=0.01 odoo-bin shell -c odoo.conf -d symetrie_large < bench/generate.py

``--scale`` (or ``BENCH_SCALE``) is the fraction of the issue's volumes: 1.0 = 100,000 dwellings, 450,000 work
orders over three years, ~3 million events, 500 contractors with 3,000 portal
technicians, a builder with 2,000 houses, 20,000 survey answers, 5,000
complaints.  Rows are bulk SQL ``INSERT ... SELECT ... FROM generate_series``
clones of a demo row, with the columns that matter overridden (partner, dates,
step, token...): no ORM loop, so the cost is PostgreSQL's.  Stored computed
values that are not overridden keep the template's value: figures on the
generated rows are plausible, not meaningful.
"""
import os
import sys
import time

SCALE = float(os.environ.get("BENCH_SCALE", "0.01"))

if "env" not in globals():
    # Run directly (python3 bench/generate.py --scale 0.02 -c odoo.conf -d DB):
    # hand this file to ``odoo-bin shell`` with the other arguments.
    import subprocess

    import odoo

    args = sys.argv[1:]
    if "--scale" in args:
        at = args.index("--scale")
        SCALE = float(args[at + 1])
        del args[at : at + 2]
    odoo_bin = os.path.join(os.path.dirname(os.path.dirname(odoo.__file__)), "odoo-bin")
    with open(__file__, encoding="utf-8") as script:
        sys.exit(
            subprocess.run(
                [sys.executable, odoo_bin, "shell", *args],
                stdin=script,
                env={**os.environ, "BENCH_SCALE": str(SCALE)},
                check=False,
            ).returncode
        )

VOLUMES = {
    "buildings": 5000,
    "tenants": 100000,
    "contractors": 500,
    "technicians": 3000,
    "orders": 450000,
    "events_per_order": 7,
    "houses": 2000,
    "answers": 20000,
    "complaints": 5000,
}


def n(key, minimum=2):
    return max(minimum, int(VOLUMES[key] * SCALE))


cr = env.cr  # noqa: F821 (odoo shell)
STATS = []


def columns(table):
    cr.execute(
        """SELECT column_name FROM information_schema.columns
            WHERE table_name = %s AND table_schema = 'public'
              AND column_name != 'id' ORDER BY ordinal_position""",
        (table,),
    )
    return [row[0] for row in cr.fetchall()]


def clone(table, template_id, count, overrides, source="generate_series(1, %(count)s) g"):
    """Insert ``count`` copies of row ``template_id`` of ``table``; ``overrides``
    maps a column to an SQL expression of ``g`` (1..count) and ``t`` (the
    template row). Returns the new ids, in the order of ``g``."""
    cols = columns(table)
    exprs = [overrides.get(col, "t.%s" % col) for col in cols]
    start = time.time()
    cr.execute(
        "INSERT INTO %s (%s) SELECT %s FROM %s t, %s WHERE t.id = %%(template)s "
        "ORDER BY g RETURNING id" % (table, ", ".join('"%s"' % c for c in cols), ", ".join(exprs), table, source),
        {"template": template_id, "count": count, **PARAMS},
    )
    ids = [row[0] for row in cr.fetchall()]
    STATS.append((table, len(ids), time.time() - start))
    print("%-28s %9d rows %7.1f s" % (table, len(ids), time.time() - start), flush=True)
    return ids


PARAMS = {}
T0 = time.time()
env["ir.config_parameter"].sudo().set_param("symetrie_bench.scale", str(SCALE))  # noqa: F821

# ---------------------------------------------------------------- templates
ref = env.ref  # noqa: F821
Order = env["purchase.order"].sudo()  # noqa: F821
tpl_order = Order.search(
    [("symetrie_is_work_order", "=", True), ("symetrie_step", "=", "paid")], limit=1
) or Order.search([("symetrie_is_work_order", "=", True)], limit=1)
assert tpl_order, "run on a copy of a demo database: no demo work order"
tpl_line = tpl_order.order_line[:1]
tpl_event = tpl_order.symetrie_event_ids[:1]
tpl_dwelling = tpl_order.symetrie_dwelling_id
tpl_building = tpl_dwelling.building_id
tpl_tenant = tpl_dwelling.tenant_id
tpl_contractor = tpl_order.partner_id.commercial_partner_id
tech_user = env["res.users"].sudo().search([("login", "=", "plombier")], limit=1)  # noqa: F821
Move = env["account.move"].sudo()  # noqa: F821
tpl_bill = Move.search([("move_type", "=", "in_invoice"), ("state", "=", "posted")], limit=1)
tpl_hold = env["symetrie.bill.hold"].sudo().search([], limit=1)  # noqa: F821

# Demo contractors get their share of the volume too, so a demo technician's
# portal is measured on both databases.
demo_contractors = Order.search([("symetrie_is_work_order", "=", True)]).mapped(
    "partner_id.commercial_partner_id"
)

# ---------------------------------------------------------------- landlord
buildings = clone(
    "symetrie_building", tpl_building.id, n("buildings"),
    {"name": "'Bench building ' || g", "code": "'BB' || g"},
)
PARAMS["buildings"] = buildings
tenants = clone(
    "res_partner", tpl_tenant.id, n("tenants"),
    {"name": "'Bench tenant ' || g", "complete_name": "'Bench tenant ' || g",
     "email": "'tenant' || g || '@bench.example.com'"},
)
PARAMS["tenants"] = tenants
dwellings = clone(
    "symetrie_dwelling", tpl_dwelling.id, n("tenants"),
    {"name": "'BD' || g",
     "building_id": "(%(buildings)s::int[])[1 + g %% array_length(%(buildings)s::int[], 1)]",
     "tenant_id": "(%(tenants)s::int[])[g]"},
)
PARAMS["dwellings"] = dwellings
contractors = clone(
    "res_partner", tpl_contractor.id, n("contractors"),
    {"name": "'Bench contractor ' || g", "complete_name": "'Bench contractor ' || g",
     "email": "'contractor' || g || '@bench.example.com'"},
)
cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)", (contractors,))
PARAMS["contractors"] = contractors
technicians = clone(
    "res_partner", tech_user.partner_id.id, n("technicians"),
    {"name": "'Bench technician ' || g", "complete_name": "'Bench technician ' || g",
     "email": "'tech' || g || '@bench.example.com'",
     "parent_id": "(%(contractors)s::int[])[1 + g %% array_length(%(contractors)s::int[], 1)]",
     "commercial_partner_id":
        "(%(contractors)s::int[])[1 + g %% array_length(%(contractors)s::int[], 1)]"},
)
PARAMS["technicians"] = technicians
users = clone(
    "res_users", tech_user.id, n("technicians"),
    {"login": "'bench-tech-' || g", "partner_id": "(%(technicians)s::int[])[g]"},
)
cr.execute(
    """INSERT INTO res_groups_users_rel (gid, uid)
       SELECT r.gid, u FROM res_groups_users_rel r, unnest(%s::int[]) u WHERE r.uid = %s""",
    (users, tech_user.id),
)
cr.execute(
    """INSERT INTO res_company_users_rel (cid, user_id)
       SELECT r.cid, u FROM res_company_users_rel r, unnest(%s::int[]) u WHERE r.user_id = %s""",
    (users, tech_user.id),
)

# ---------------------------------------------------------------- work orders
# Three years of orders; the newest ~2 % are still open, spread over the steps.
n_orders = n("orders")
PARAMS["all_contractors"] = contractors + demo_contractors.ids
PARAMS["n_orders"] = n_orders
PARAMS["steps"] = ["sent", "accepted", "visit_booked", "on_site", "work_done",
                   "work_accepted", "billed"]
age = "(1095.0 * (%(n_orders)s - g) / %(n_orders)s)"
orders = clone(
    "purchase_order", tpl_order.id, n_orders,
    {
        "name": "'BWO' || lpad(g::text, 7, '0')",
        "partner_id": "(%(all_contractors)s::int[])[1 + g %% array_length(%(all_contractors)s::int[], 1)]",
        "symetrie_dwelling_id": "(%(dwellings)s::int[])[1 + g %% array_length(%(dwellings)s::int[], 1)]",
        "symetrie_tenant_id": "(%(tenants)s::int[])[1 + g %% array_length(%(tenants)s::int[], 1)]",
        "symetrie_building_id": "(%(buildings)s::int[])[1 + (g %% array_length(%(dwellings)s::int[], 1)) %% array_length(%(buildings)s::int[], 1)]",
        "symetrie_tracking_token": "md5(random()::text || g) || md5(g::text || random()::text)",
        "date_order": "now() at time zone 'utc' - make_interval(days => %s::int)" % age,
        "symetrie_request_date": "now() at time zone 'utc' - make_interval(days => %s::int)" % age,
        "symetrie_sent_date": "now() at time zone 'utc' - make_interval(days => %s::int)" % age,
        "symetrie_deadline": "now() at time zone 'utc' - make_interval(days => %s::int) + interval '7 days'" % age,
        "symetrie_step_date": "now() at time zone 'utc' - make_interval(days => %s::int)" % age,
        "symetrie_step": "CASE WHEN g > %(n_orders)s * 0.98 THEN (%(steps)s::varchar[])[1 + g %% 7] ELSE 'paid' END",
        "symetrie_tenant_rated_on": "NULL",
        "access_token": "NULL",
    },
)
PARAMS["orders"] = orders
clone(
    "purchase_order_line", tpl_line.id, n_orders,
    {"order_id": "(%(orders)s::int[])[g]",
     "partner_id": "(SELECT partner_id FROM purchase_order WHERE id = (%(orders)s::int[])[g])",
     "date_planned": "now() at time zone 'utc'"},
)
events_per_order = VOLUMES["events_per_order"]
PARAMS["epo"] = events_per_order
PARAMS["event_steps"] = ["sent", "accepted", "visit_booked", "on_the_way", "on_site",
                         "work_done", "paid"]
clone(
    "symetrie_order_event", tpl_event.id, n_orders * events_per_order,
    {"order_id": "(%(orders)s::int[])[1 + (g - 1) / %(epo)s]",
     "step": "(%(event_steps)s::varchar[])[1 + (g - 1) %% %(epo)s]",
     "date": "now() at time zone 'utc' - make_interval(days => (1095.0 * (%(n_orders)s - (g - 1) / %(epo)s) / %(n_orders)s)::int) + make_interval(hours => (g - 1) %% %(epo)s)",
     "note": "NULL"},
)

# ---------------------------------------------------------------- bills
# One posted bill per billed order (cloned with its lines). 5 % were held:
# those of the last 90 days still are (payment blocked, as the product keeps
# a held bill); the older ones were released, then paid as the others.
BILL_AGE = "1095.0 * (%(n_orders)s - g * 3) / %(n_orders)s"  # days
BILL_DATE = "(now() at time zone 'utc' - make_interval(days => (" + BILL_AGE + ")::int))"
HELD_NOW = "(g %% 20 = 1 AND " + BILL_AGE + " < 90)"
if tpl_bill:
    PARAMS["hold_reason"] = tpl_hold.reason or None
    n_bills = n_orders // 3
    PARAMS["n_bills"] = n_bills
    bills = clone(
        "account_move", tpl_bill.id, n_bills,
        {"name": "'BBILL/' || g", "ref": "'Bench ' || g",
         "partner_id": "(SELECT partner_id FROM purchase_order WHERE id = (%(orders)s::int[])[g * 3])",
         "commercial_partner_id": "(SELECT partner_id FROM purchase_order WHERE id = (%(orders)s::int[])[g * 3])",
         "invoice_date": BILL_DATE + "::date",
         "date": BILL_DATE + "::date",
         "invoice_date_due": "(" + BILL_DATE + " + interval '30 days')::date",
         "payment_state": "CASE WHEN %s THEN 'blocked' WHEN g %%%% 10 = 0 THEN 'not_paid' "
                          "ELSE 'paid' END" % (HELD_NOW if tpl_hold else "false"),
         "access_token": "NULL", "payment_reference": "NULL", "sequence_number": "g + 100000",
         "symetrie_is_held": HELD_NOW if tpl_hold else "false",
         "symetrie_hold_reason": "CASE WHEN %s THEN %%(hold_reason)s END" % HELD_NOW,
         "symetrie_held_since": "CASE WHEN %s THEN %s + interval '1 day' END"
                                % (HELD_NOW, BILL_DATE)},
    )
    PARAMS["bills"] = bills
    cr.execute("SELECT id FROM account_move_line WHERE move_id = %s ORDER BY id", (tpl_bill.id,))
    for (line_id,) in cr.fetchall():
        clone(
            "account_move_line", line_id, n_bills,
            {"move_id": "(%(bills)s::int[])[g]",
             "partner_id": "(SELECT partner_id FROM account_move WHERE id = (%(bills)s::int[])[g])",
             "date": "(SELECT date FROM account_move WHERE id = (%(bills)s::int[])[g])",
             "move_name": "'BBILL/' || g", "reconciled": "false",
             "full_reconcile_id": "NULL", "matching_number": "NULL",
             "purchase_line_id": "NULL"},
        )
    if tpl_hold:
        PARAMS["held"] = bills[::20]
        # Each hold follows its bill: active while the bill is held, else
        # released two weeks after it was posted.
        held_bill = "(SELECT %s FROM account_move WHERE id = (%%(held)s::int[])[g])"
        clone(
            "symetrie_bill_hold", tpl_hold.id, len(bills[::20]),
            {"move_id": "(%(held)s::int[])[g]",
             "partner_id": held_bill % "partner_id",
             "held_on": held_bill % "date" + " + interval '1 day'",
             "released_on": "CASE WHEN %s THEN NULL ELSE %s + interval '15 days' END"
                            % (held_bill % "symetrie_is_held", held_bill % "date"),
             "active_hold": held_bill % "symetrie_is_held"},
        )

# ---------------------------------------------------------------- evaluations
tpl_eval = env["symetrie.evaluation"].sudo().search([], limit=1)  # noqa: F821
if tpl_eval:
    PARAMS["evaluated"] = orders[::10]
    evals = clone(
        "symetrie_evaluation", tpl_eval.id, len(orders[::10]),
        {"order_id": "(%(evaluated)s::int[])[g]",
         "partner_id": "(SELECT partner_id FROM purchase_order WHERE id = (%(evaluated)s::int[])[g])",
         "date": "(SELECT date_order::date FROM purchase_order WHERE id = (%(evaluated)s::int[])[g])"},
    )
    PARAMS["evals"] = evals
    cr.execute("SELECT id FROM symetrie_evaluation_line WHERE evaluation_id = %s", (tpl_eval.id,))
    for (line_id,) in cr.fetchall():
        clone("symetrie_evaluation_line", line_id, len(evals),
              {"evaluation_id": "(%(evals)s::int[])[g]"})

# ---------------------------------------------------------------- builder
tpl_house = env["project.project"].sudo().search([("partner_id", "!=", False)], limit=1)  # noqa: F821
if tpl_house:
    houses = clone(
        "project_project", tpl_house.id, n("houses"),
        # The houses share the template's mail alias (the column is required).
        {"name": "jsonb_build_object('en_US', 'Bench house ' || g)", "access_token": "NULL"},
    )
    PARAMS["houses"] = houses
    tpl_complaint = env["mq.complaint"].sudo().search([], limit=1)  # noqa: F821
    if tpl_complaint:
        clone(
            "mq_complaint", tpl_complaint.id, n("complaints"),
            {"project_id": "(%(houses)s::int[])[1 + g %% array_length(%(houses)s::int[], 1)]",
             "date": "(now() - make_interval(days => g %% 1095))::date",
             "date_deadline": "(now() - make_interval(days => g %% 1095) + interval '15 days')::date",
             "date_answered": "CASE WHEN g %% 5 = 0 THEN NULL ELSE (now() - make_interval(days => g %% 1095) + interval '10 days')::date END"},
        )
tpl_answer = env["survey.user_input"].sudo().search([("state", "=", "done")], limit=1)  # noqa: F821
if tpl_answer:
    answers = clone(
        "survey_user_input", tpl_answer.id, n("answers"),
        {"access_token": "md5(random()::text || g)", "invite_token": "NULL",
         "email": "'client' || g || '@bench.example.com'"},
    )
    PARAMS["answers"] = answers
    cr.execute("SELECT id FROM survey_user_input_line WHERE user_input_id = %s", (tpl_answer.id,))
    for (line_id,) in cr.fetchall():
        clone("survey_user_input_line", line_id, len(answers),
              {"user_input_id": "(%(answers)s::int[])[g]"})

env.invalidate_all()  # noqa: F821
cr.commit()
# Sequences of cloned rows are correct (nextval); the statistics and the
# visibility map are not, until autovacuum passes on a database in use:
# VACUUM ANALYZE, outside a transaction, as it would.
from odoo.sql_db import db_connect  # noqa: E402

with db_connect(cr.dbname).cursor() as vacuum_cr:  # noqa: F821
    vacuum_cr._cnx.autocommit = True
    vacuum_cr.execute("VACUUM ANALYZE")
total_rows = sum(row[1] for row in STATS)
elapsed = time.time() - T0
print("scale %s: %d rows in %.1f s, %.0f rows/s" % (SCALE, total_rows, elapsed, total_rows / elapsed))
