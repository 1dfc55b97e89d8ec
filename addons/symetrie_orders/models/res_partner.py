# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Derived from data, not from page code: a company that was sent a work
    # order is a contractor (a builder's client or a tenant never is). Read by
    # record rules (scorecards, landlord rating), hence stored.
    symetrie_is_contractor = fields.Boolean(
        string="Contractor",
        readonly=True,
        copy=False,
        index=True,
        help="Set when the company is sent its first work order.",
    )

    def _symetrie_mark_contractor(self):
        """Flag these companies as contractors; record rules read the flag."""
        todo = self.commercial_partner_id.filtered(lambda p: not p.symetrie_is_contractor)
        if todo:
            todo.sudo().symetrie_is_contractor = True

    @api.model
    def _symetrie_init_contractors(self):
        """Flag the companies already sent a work order (install and update)."""
        orders = self.env["purchase.order"].sudo().search(
            [("symetrie_is_work_order", "=", True), ("symetrie_step", "!=", "draft")]
        )
        orders.partner_id._symetrie_mark_contractor()

    @api.model
    def _symetrie_payment_figures(self, group_by="commercial_partner_id", domain=None):
        """Held and paid figures of work order bills, per contractor or company.

        Three grouped queries whatever the number of bills. Returns
        ``{record: {total_held, oldest_held, bills_paid, avg_days_to_pay,
        share_paid_late}}`` keyed by the ``group_by`` record.
        """
        Move = self.env["account.move"]
        base = [
            ("symetrie_is_work_order_bill", "=", True),
            ("state", "=", "posted"),
            ("move_type", "=", "in_invoice"),
            *(domain or []),
        ]
        figures = {}

        def entry(key):
            return figures.setdefault(
                key,
                {
                    "total_held": 0.0,
                    "oldest_held": False,
                    "bills_paid": 0,
                    "avg_days_to_pay": 0.0,
                    "share_paid_late": 0.0,
                },
            )

        for key, total, oldest in Move._read_group(
            base + [("symetrie_is_held", "=", True)],
            [group_by],
            ["amount_total:sum", "symetrie_held_since:min"],
        ):
            entry(key).update(total_held=total, oldest_held=oldest)
        paid = base + [("symetrie_paid_date", "!=", False)]
        for key, count, avg_days in Move._read_group(
            paid, [group_by], ["__count", "symetrie_days_to_pay:avg"]
        ):
            entry(key).update(bills_paid=count, avg_days_to_pay=avg_days or 0.0)
        for key, late in Move._read_group(
            paid + [("symetrie_paid_late", "=", True)], [group_by], ["__count"]
        ):
            stats = entry(key)
            stats["share_paid_late"] = late / stats["bills_paid"] * 100.0
        return figures
