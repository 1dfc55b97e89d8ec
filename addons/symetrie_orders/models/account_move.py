# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare

from .symetrie_bill_hold import (
    AUTOMATIC_REASONS,
    HOLD_REASONS,
    MANUAL_REASONS,
    ORDER_MANAGER_REASONS,
)

# Work order steps after which the work is accepted, so the bill may be paid.
ACCEPTED_STEPS = {"work_accepted", "billed", "paid"}


class AccountMove(models.Model):
    _name = "account.move"
    _inherit = ["account.move", "symetrie.late.payment.mixin"]

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
    # Not stored: read in the reader's language (a French contractor, an
    # English accountant), whoever put the hold.
    symetrie_hold_reasons = fields.Char(
        string="Held Because", compute="_compute_symetrie_hold_reasons"
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
    symetrie_paid_late = fields.Boolean(string="Paid Late", copy=False, readonly=True)
    # Computed by symetrie.late.payment.mixin.
    symetrie_received_date = fields.Date(
        string="Request Received On",
        copy=False,
        help="Day the payment request reached the buyer: a public buyer's delay "
        "runs from it (Code de la commande publique R2192-12). Empty: the bill date.",
    )
    symetrie_due_date = fields.Date(
        string="Legal Due Date", compute="_compute_symetrie_late_cost"
    )
    symetrie_days_late = fields.Integer(
        string="Days Late", compute="_compute_symetrie_late_cost", aggregator="avg"
    )
    symetrie_late_interest = fields.Monetary(
        string="Late Interest", compute="_compute_symetrie_late_cost"
    )
    symetrie_late_fee = fields.Monetary(
        string="Recovery Fee", compute="_compute_symetrie_late_cost"
    )
    symetrie_late_cost = fields.Monetary(
        string="Legal Late Cost", compute="_compute_symetrie_late_cost"
    )

    def init(self):
        res = super().init()
        # The payment delays view lists the posted work-order bills, one per
        # few orders over the years: its pager counts them (up to 10,000, as
        # the web client asks) from this index alone instead of the bills.
        self.env.cr.execute(
            """
            CREATE INDEX IF NOT EXISTS symetrie_account_move_work_bill_posted_idx
                ON account_move (company_id)
             WHERE symetrie_is_work_order_bill
               AND move_type = 'in_invoice'
               AND state = 'posted'
            """
        )
        return res

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
        for move in self:
            holds = move.symetrie_hold_ids.filtered("active_hold").sorted("held_on")
            move.symetrie_is_held = bool(holds)
            move.symetrie_hold_reason = holds[:1].reason
            move.symetrie_held_since = holds[:1].held_on

    @api.depends("symetrie_hold_ids.active_hold", "symetrie_hold_ids.reason")
    @api.depends_context("lang")
    def _compute_symetrie_hold_reasons(self):
        labels = dict(self._fields["symetrie_hold_reason"]._description_selection(self.env))
        for move in self:
            holds = move.symetrie_hold_ids.filtered("active_hold").sorted("held_on")
            move.symetrie_hold_reasons = ", ".join(
                labels[reason] for reason in holds.mapped("reason")
            )

    @api.depends("symetrie_held_since")
    def _compute_symetrie_held_days(self):
        now = fields.Datetime.now()
        for move in self:
            since = move.symetrie_held_since
            move.symetrie_held_days = (now - since).days if since else 0

    def _symetrie_may_hold(self, reason):
        """Whether the current user may put or release a hold for ``reason`` by hand.

        Accounting users hold and release; the landlord's order managers only for
        "work not accepted". The system (automatic holds, sudo) always may.
        """
        user = self.env.user
        return (
            self.env.su
            or user.has_group("account.group_account_invoice")
            or (
                reason in ORDER_MANAGER_REASONS
                and user.has_group("symetrie_orders.group_orders_manager")
            )
        )

    def _symetrie_hold(self, reason, note=None, automatic=False):
        """Put a hold for ``reason`` on each bill that does not have it yet."""
        if not automatic and not self._symetrie_may_hold(reason):
            raise AccessError(
                self.env._("You are not allowed to hold bills for this reason.")
            )
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

    def _symetrie_release(self, reasons=None, automatic=None):
        """Release the holds in force (only those for ``reasons`` and of the
        ``automatic`` kind if given)."""
        holds = self.symetrie_hold_ids.filtered(
            lambda h: h.active_hold
            and (reasons is None or h.reason in reasons)
            and (automatic is None or h.automatic == automatic)
        )
        holds.sudo().write(
            {"released_on": fields.Datetime.now(), "released_by": self.env.user.id}
        )
        return holds

    def _symetrie_sync_payment_block(self):
        """Show Odoo's own "Blocked" payment state while a bill is held."""
        for move in self.sudo():
            if move.symetrie_is_held and move.payment_state in ("not_paid", "partial"):
                move.payment_state = "blocked"
            elif not move.symetrie_is_held and move.payment_state == "blocked":
                move.payment_state = "not_paid"
                self.env.add_to_compute(self._fields["payment_state"], move)

    def action_toggle_block_payment(self):
        held = self.filtered("symetrie_is_held")
        if held:
            raise UserError(
                self.env._(
                    "%(bill)s is held (%(reasons)s): release its holds to unblock it.",
                    bill=held[0].display_name,
                    reasons=held[0].symetrie_hold_reasons,
                )
            )
        return super().action_toggle_block_payment()

    def _symetrie_qty_billed_before(self, order_line):
        """Quantity of ``order_line`` billed by the posted bills before this one,
        less the posted refunds, in the order line's unit."""
        self.ensure_one()
        billed = 0.0
        for line in order_line.invoice_lines:
            move = line.move_id
            if move.state != "posted" or move == self:
                continue
            qty = line.product_uom_id._compute_quantity(
                line.quantity, order_line.product_uom
            )
            if move.move_type == "in_refund":
                billed -= qty
            elif move.move_type == "in_invoice" and move.id < self.id:
                billed += qty
        return billed

    def _symetrie_automatic_causes(self):
        """The automatic hold reasons that apply to this posted bill.

        Per order line: the quantity billed, this bill's and the earlier bills'
        (what ``qty_invoiced`` counts), against the quantity accepted
        (``qty_received``), and the unit price against the order's, both within
        the company tolerance. Partial and progress bills pass.
        """
        self.ensure_one()
        causes = set()
        if any(o.symetrie_step not in ACCEPTED_STEPS for o in self.symetrie_order_ids):
            causes.add("work_not_accepted")
        tolerance = self.company_id.symetrie_bill_amount_tolerance / 100.0
        for line in self.invoice_line_ids.filtered(lambda l: l.display_type == "product"):
            order_line = line.purchase_line_id
            if not order_line:
                # Billed beyond the order: nothing was ordered for this line.
                if not line.currency_id.is_zero(line.price_subtotal):
                    causes.add("amount_mismatch")
                continue
            price_gap = abs(line.price_unit - order_line.price_unit)
            if price_gap > abs(order_line.price_unit) * tolerance + 0.005:
                causes.add("amount_mismatch")
            rounding = order_line.product_uom.rounding
            accepted = order_line.qty_received
            before = self._symetrie_qty_billed_before(order_line)
            qty = line.product_uom_id._compute_quantity(line.quantity, order_line.product_uom)
            margin = accepted * tolerance
            if float_compare(before + qty, accepted + margin, precision_rounding=rounding) <= 0:
                continue
            if accepted and float_compare(
                before, accepted - margin, precision_rounding=rounding
            ) >= 0:
                causes.add("already_billed")
            elif float_compare(accepted, order_line.product_qty, precision_rounding=rounding) < 0:
                causes.add("work_not_accepted")
            else:
                causes.add("amount_mismatch")
        return causes

    def _symetrie_update_automatic_holds(self):
        """Hold for each automatic cause that applies; lift those that no longer do."""
        for move in self.filtered(
            lambda m: m.symetrie_is_work_order_bill
            and m.state == "posted"
            and m.move_type == "in_invoice"
            and m.payment_state not in ("paid", "in_payment", "reversed")
        ):
            causes = move._symetrie_automatic_causes()
            for reason in sorted(AUTOMATIC_REASONS):
                if reason in causes:
                    move._symetrie_hold(reason, automatic=True)
                else:
                    move._symetrie_release({reason}, automatic=True)

    def _symetrie_sibling_bills(self):
        """Posted bills of the same order lines, whose matching depends on these."""
        order_lines = self.invoice_line_ids.purchase_line_id
        return order_lines.invoice_lines.move_id.filtered(
            lambda m: m.state == "posted" and m.move_type == "in_invoice"
        ) - self

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
        """Refuse a user who may hold or release none of ``reasons`` (see
        ``_symetrie_may_hold``). Checked here, not on the button: any logged-in
        user can call a public method by RPC."""
        if not any(self._symetrie_may_hold(reason) for reason in reasons):
            raise AccessError(
                self.env._("Only accounting users may place or release a hold on a bill.")
            )

    def action_symetrie_release(self):
        """Release the holds put by hand that this user may release; automatic
        ones follow their cause."""
        self._symetrie_check_hold_rights({r for r, _l in MANUAL_REASONS})
        for move in self:
            manual = move.symetrie_hold_ids.filtered(
                lambda h: h.active_hold and not h.automatic
            )
            if not manual:
                raise UserError(
                    self.env._(
                        "%(bill)s has no hold put by hand to release.",
                        bill=move.display_name,
                    )
                )
            allowed = {h.reason for h in manual if move._symetrie_may_hold(h.reason)}
            if not allowed:
                raise AccessError(
                    self.env._("You are not allowed to release the holds of %(bill)s.",
                               bill=move.display_name)
                )
            move._symetrie_release(allowed, automatic=False)
        return True

    # ------------------------------------------------------------------
    # Posting and paying
    # ------------------------------------------------------------------
    def _post(self, soft=True):
        self._symetrie_check_payment_term()
        posted = super()._post(soft=soft)
        bills = posted.filtered("symetrie_is_work_order_bill")
        (bills | bills._symetrie_sibling_bills())._symetrie_update_automatic_holds()
        for order in bills.filtered(
            lambda m: m.move_type == "in_invoice"
        ).symetrie_order_ids.filtered(lambda o: o.symetrie_step == "work_accepted"):
            order._symetrie_post_system_step("billed")
        return posted

    def button_draft(self):
        bills = self.filtered(
            lambda m: m.symetrie_is_work_order_bill and m.state == "posted"
        )
        siblings = bills._symetrie_sibling_bills()
        result = super().button_draft()
        # Automatic holds are weighed again when the bill is posted again.
        bills._symetrie_release(automatic=True)
        siblings._symetrie_update_automatic_holds()
        for order in bills.symetrie_order_ids.filtered(lambda o: o.symetrie_step == "billed"):
            still_billed = order.sudo().invoice_ids.filtered(
                lambda m: m.state == "posted" and m.move_type == "in_invoice"
            )
            if not still_billed:
                order._symetrie_roll_back_step(
                    "work_accepted", self.env._("Bill reset to draft.")
                )
        return result

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

    def _invoice_paid_hook(self):
        # Odoo calls this whatever paid the bill: wizard, outstanding payment,
        # bank reconciliation.
        result = super()._invoice_paid_hook()
        self._symetrie_record_payment()
        return result

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
            move.sudo().write(
                {
                    "symetrie_paid_date": paid_date,
                    "symetrie_days_to_pay": (paid_date - move.invoice_date).days
                    if move.invoice_date
                    else 0,
                    "symetrie_paid_late": bool(
                        move._symetrie_due_date()
                        and paid_date > move._symetrie_due_date()
                    ),
                }
            )
            for order in move.symetrie_order_ids.filtered(
                lambda o: o.symetrie_step == "billed"
            ):
                order._symetrie_post_system_step("paid")

    def _symetrie_payment_undone(self):
        """A payment unreconciled: the bill is unpaid again, its orders billed."""
        for move in self.filtered(
            lambda m: m.symetrie_paid_date
            and m.payment_state not in ("paid", "in_payment")
        ):
            move.sudo().write(
                {
                    "symetrie_paid_date": False,
                    "symetrie_days_to_pay": 0,
                    "symetrie_paid_late": False,
                }
            )
            for order in move.symetrie_order_ids.filtered(
                lambda o: o.symetrie_step == "paid"
            ):
                order._symetrie_roll_back_step("billed", self.env._("Payment undone."))
