# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Query counts of the hot paths of work orders, for growing histories.

Run on a database where symetrie_orders is installed (nothing is committed):

    python3 -m odoo shell -d DB --addons-path=... --no-http < bench/bench_work_orders.py

It prints, for each size, the SQL queries of: posting one step on an order
with N events; sending one order among N others; reading the per-contractor
payment figures with N bills. Flat columns mean the cost does not grow.
"""
from datetime import date, datetime, timedelta

from odoo import Command

env = env(context=dict(env.context, tracking_disable=True))  # noqa: F821
Order = env["purchase.order"]
product = env.ref("symetrie_orders.product_work_order_intervention")
trade = env.ref("symetrie_orders.trade_plumbing")
contractor = env["res.partner"].create({"name": "Bench SARL", "is_company": True})
tenant = env["res.partner"].create({"name": "Bench Tenant", "mobile": "+33 6 00 00 00 00"})
dwelling = env["symetrie.dwelling"].create({"name": "BENCH-1", "tenant_id": tenant.id})


def new_order():
    return Order.create(
        {
            "symetrie_is_work_order": True,
            "partner_id": contractor.id,
            "symetrie_dwelling_id": dwelling.id,
            "symetrie_trade_id": trade.id,
            "symetrie_description": "Bench",
            "order_line": [
                Command.create(
                    {"product_id": product.id, "name": "x", "product_qty": 1, "price_unit": 100}
                )
            ],
        }
    )


def queries(func):
    env.flush_all()
    env.invalidate_all()
    before = env.cr.sql_log_count
    func()
    env.flush_all()
    return env.cr.sql_log_count - before


def slot(day):
    start = datetime.now() + timedelta(days=day)
    return start, start + timedelta(hours=1)


new_order().action_symetrie_send()  # warm caches
print("size | step on order with N events | send among N orders | figures with N bills")
for size in (10, 100, 400):
    order = new_order()
    order.action_symetrie_send()
    order.action_symetrie_accept()
    for day in range(size):
        order.action_symetrie_book_visit(*slot(day + 1))
    step = queries(order.action_symetrie_on_site)
    for _i in range(size):
        new_order().action_symetrie_send()
    send = queries(new_order().action_symetrie_send)
    journal = env["account.journal"].search([("type", "=", "purchase")], limit=1)
    for _i in range(size // 10):
        bill = env["account.move"].create(
            {
                "move_type": "in_invoice",
                "partner_id": contractor.id,
                "journal_id": journal.id,
                "invoice_date": date.today(),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "quantity": 1,
                            "price_unit": 100,
                            "purchase_line_id": order.order_line[:1].id,
                        }
                    )
                ],
            }
        )
        bill.action_post()
    figures = queries(lambda: env["res.partner"]._symetrie_payment_figures())
    print(f"{size:>4} | {step:>28} | {send:>19} | {figures:>20}")
env.cr.rollback()
