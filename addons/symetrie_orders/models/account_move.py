# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_round

from .symetrie_bill_hold import HOLD_REASONS, MANUAL_REASONS

# Work order steps after which the work is accepted, so the bill may be paid.
ACCEPTED_STEPS = {"work_accepted", "billed", "paid"}


class AccountMove(models.Model):
    _inherit = "account.move"

    symetrie_order_ids = fields.Many2many(
        "purchase.order",
        string="Work Orders",
        compute="_compute_symetrie_orders",
        store=True,
        relation="account_move_symetrie_order_rel",
    )
    symetrie_is_work_order_bill = fields.Boolean(
        string="Work Order Bill", compute="_compute_symetrie_orders", store=True, index=True
    )
    symetrie_hold_ids = fields.One2many(
        "symetrie.bill.hold", "move_id", string="Holds", readonly=True
    )
    symetrie_is_held = fields.Boolean(
        string="Held", compute="_compute_symetrie_hold", store=True, index=True
    )
    symetrie_hold_reason = fields.Selection(
        HOLD_REASONS, string="Hold Reason", compute="_compute_symetrie_hold", store=True
    )
    symetrie_hold_reasons = fields.Char(
        string="Held Because", compute="_compute_symetrie_hold", store=True
    )
    symetrie_held_since = fields.Datetime(
        string="Held Since", compute="_compute_symetrie_hold", store=True, index=True
    )
    symetrie_held_days = fields.Integer(
        string="Days Held", compute="_compute_symetrie_held_days"
    )
    symetrie_paid_date = fields.Date(string="Paid On", copy=False, readonly=True, index=True)
    symetrie_days_to_pay = fields.Integer(
        string="Days to Pay", copy=False, readonly=True, aggregator="avg"
    )
    symetrie_days_late = fields.Integer(
        string="Days Late", compute="_compute_symetrie_late_cost", aggregator="avg"
    )
    symetrie_paid_late = fields.Boolean(string="Paid Late", copy=False, readonly=True)
    symetrie_late_interest = fields.Monetary(
        string="Late Interest", compute="_compute_symetrie_late_cost"
    )
    symetrie_late_fee = fields.Monetary(
        string="Recovery Fee", compute="_compute_symetrie_late_cost"
    )
    symetrie_late_cost = fields.Monetary(
        string="Legal Late Cost", compute="_compute_symetrie_late_cost"
    )

    # ------------------------------------------------------------------
    # Link to work orders
    # ------------------------------------------------------------------
    @api.depends("invoice_line_ids.purchase_line_id")
    def _compute_symetrie_orders(self):
        for move in self:
            orders = move.invoice_line_ids.purchase_line_id.order_id.filtered(
                "symetrie_is_work_order"
            )
            move.symetrie_order_ids = orders
            move.symetrie_is_work_order_bill = bool(orders)

    # ------------------------------------------------------------------
    # Holds
    # ------------------------------------------------------------------
    @api.depends("symetrie_hold_ids.active_hold", "symetrie_hold_ids.reason")
    def _compute_symetrie_hold(self):
        labels = dict(self._fields["symetrie_hold_reason"]._description_selection(self.env))
        for move in self:
            holds = move.symetrie_hold_ids.filtered("active_hold").sorted("held_on")
            move.symetrie_is_held = bool(holds)
            move.symetrie_hold_reason = holds[:1].reason
            move.symetrie_held_since = holds[:1].held_on
            move.symetrie_hold_reasons = ", ".join(
                labels[reason] for reason in holds.mapped("reason")
            )

    @api.depends("symetrie_held_since")
    def _compute_symetrie_held_days(self):
        now = fields.Datetime.now()
        for move in self:
            since = move.symetrie_held_since
            move.symetrie_held_days = (now - since).days if since else 0

    def _symetrie_hold(self, reason, note=None, automatic=False):
        """Put a hold for ``reason`` on each bill that does not have it yet."""
        Hold = self.env["symetrie.bill.hold"].sudo()
        for move in self:
            open_reasons = move.symetrie_hold_ids.filtered("active_hold").mapped("reason")
            if reason not in open_reasons:
                Hold.create(
                    {
                        "move_id": move.id,
                        "reason": reason,
                        "note": note or False,
                        "automatic": automatic,
                        "held_by": self.env.user.id,
                    }
                )

    def _symetrie_release(self, reasons=None):
        """Release the holds in force (only those for ``reasons`` if given)."""
        holds = self.symetrie_hold_ids.filtered(
            lambda h: h.active_hold and (reasons is None or h.reason in reasons)
        )
        holds.sudo().write(
            {"released_on": fields.Datetime.now(), "released_by": self.env.user.id}
        )
        return holds

    def _symetrie_amount_differs(self):
        """Whether the bill's untaxed amount is off its orders beyond the tolerance."""
        self.ensure_one()
        ordered = sum(self.symetrie_order_ids.mapped("amount_untaxed"))
        tolerance = self.company_id.symetrie_bill_amount_tolerance / 100.0
        return abs(self.amount_untaxed - ordered) > ordered * tolerance + 0.005

    def _symetrie_update_automatic_holds(self):
        """Hold while work is not accepted or the amount is off; release when fixed."""
        for move in self.filtered(
            lambda m: m.symetrie_is_work_order_bill and m.state == "posted"
        ):
            checks = {
                "work_not_accepted": any(
                    order.symetrie_step not in ACCEPTED_STEPS
                    for order in move.symetrie_order_ids
                ),
                "amount_mismatch": move._symetrie_amount_differs(),
            }
            for reason, applies in checks.items():
                if applies:
                    move._symetrie_hold(reason, automatic=True)
                else:
                    move._symetrie_release({reason})

    def action_symetrie_open_hold_wizard(self):
        self.ensure_one()
        self._symetrie_check_hold_rights({r for r, _l in MANUAL_REASONS})
        return {
            "type": "ir.actions.act_window",
            "res_model": "symetrie.bill.hold.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_move_id": self.id},
        }

    @api.ondelete(at_uninstall=False)
    def _unlink_symetrie_holds(self):
        # Through the ORM, which keeps the released holds (history); the
        # database refuses to drop a bill that still has some (restrict).
        self.symetrie_hold_ids.unlink()

    def _symetrie_check_hold_rights(self, reasons):
        """Holds are placed and released by accounting users; order managers
        may only handle "work not accepted". Checked here, not on the button:
        any logged-in user can call a public method by RPC."""
        user = self.env.user
        if self.env.su or user.has_group("account.group_account_invoice"):
            return
        if set(reasons) <= {"work_not_accepted"} and user.has_group(
            "symetrie_orders.group_orders_manager"
        ):
            return
        raise AccessError(
            self.env._("Only accounting users may place or release a hold on a bill.")
        )

    def action_symetrie_release(self):
        """Release the holds put by hand; automatic ones follow their cause."""
        self._symetrie_check_hold_rights({r for r, _l in MANUAL_REASONS})
        for move in self:
            released = move._symetrie_release({r for r, _l in MANUAL_REASONS})
            if not released:
                raise UserError(
                    self.env._(
                        "%(bill)s has no hold put by hand to release.",
                        bill=move.display_name,
                    )
                )
        return True

    # ------------------------------------------------------------------
    # Posting and paying
    # ------------------------------------------------------------------
    def _post(self, soft=True):
        self._symetrie_check_payment_term()
        posted = super()._post(soft=soft)
        bills = posted.filtered("symetrie_is_work_order_bill")
        bills._symetrie_update_automatic_holds()
        for order in bills.symetrie_order_ids.filtered(
            lambda o: o.symetrie_step == "work_accepted"
        ):
            order._symetrie_post_step("billed")
        return posted

    def _symetrie_check_payment_term(self):
        """Refuse a contractor's bill whose term exceeds the legal maximum."""
        for move in self.filtered(
            lambda m: m.is_purchase_document() and m.symetrie_is_work_order_bill
        ):
            start = move.invoice_date or fields.Date.context_today(move)
            due = move.invoice_date_due or start
            maximum = move.company_id._symetrie_max_payment_days()
            if (due - start).days > maximum:
                raise UserError(
                    self.env._(
                        "%(bill)s is due in %(days)s days: the maximum payment term "
                        "is %(max)s days.",
                        bill=move.display_name,
                        days=(due - start).days,
                        max=maximum,
                    )
                )

    def _symetrie_check_not_held(self):
        held = self.filtered("symetrie_is_held")
        if held:
            raise UserError(
                self.env._(
                    "These bills are held and cannot be paid: %(bills)s.",
                    bills="; ".join(
                        f"{move.display_name} ({move.symetrie_hold_reasons})"
                        for move in held
                    ),
                )
            )

    def action_register_payment(self):
        self._symetrie_check_not_held()
        return super().action_register_payment()

    def _symetrie_record_payment(self):
        """Once paid, keep the payment date, delay and lateness; orders become paid."""
        for move in self.filtered(
            lambda m: m.symetrie_is_work_order_bill
            and m.payment_state in ("paid", "in_payment")
            and not m.symetrie_paid_date
        ):
            partials = (
                move.line_ids.matched_debit_ids | move.line_ids.matched_credit_ids
            )
            paid_date = max(partials.mapped("max_date"), default=fields.Date.today())
            move.write(
                {
                    "symetrie_paid_date": paid_date,
                    "symetrie_days_to_pay": (paid_date - move.invoice_date).days
                    if move.invoice_date
                    else 0,
                    "symetrie_paid_late": bool(
                        move.invoice_date_due and paid_date > move.invoice_date_due
                    ),
                }
            )
            for order in move.symetrie_order_ids.filtered(
                lambda o: o.symetrie_step == "billed"
            ):
                order._symetrie_post_step("paid")

    # ------------------------------------------------------------------
    # Payment delays and the legal late cost (Code de commerce L441-10, D441-5)
    # ------------------------------------------------------------------
    @api.depends(
        "invoice_date_due", "symetrie_paid_date", "amount_total", "company_id"
    )
    @api.depends_context("symetrie_today")
    def _compute_symetrie_late_cost(self):
        today = self.env.context.get("symetrie_today") or fields.Date.today()
        for move in self:
            days = move._symetrie_days_late(today)
            move.symetrie_days_late = days
            interest, fee = move._symetrie_late_cost(days)
            move.symetrie_late_interest = interest
            move.symetrie_late_fee = fee
            move.symetrie_late_cost = interest + fee

    def _symetrie_days_late(self, today):
        self.ensure_one()
        if not (self.is_purchase_document() and self.invoice_date_due):
            return 0
        end = self.symetrie_paid_date or today
        return max((end - self.invoice_date_due).days, 0)

    def _symetrie_late_cost(self, days_late):
        """(interest, flat fee) owed for ``days_late`` days on this bill."""
        self.ensure_one()
        if days_late <= 0:
            return 0.0, 0.0
        company = self.company_id
        ecb = self.env["symetrie.ecb.rate"]._rate_for_due_date(self.invoice_date_due)
        yearly_rate = (ecb + company._symetrie_late_margin()) / 100.0
        interest = float_round(
            self.amount_total * yearly_rate * days_late / 365.0,
            precision_rounding=self.currency_id.rounding,
        )
        return interest, company.symetrie_late_fixed_fee
