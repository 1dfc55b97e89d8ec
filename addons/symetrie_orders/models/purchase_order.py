# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import secrets

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from .symetrie_order_event import OPEN_STEPS, TRACKING_STEPS
from .symetrie_order_steps_mixin import STEPS_NEEDING_NOTE

URGENCIES = [("emergency", "Emergency"), ("urgent", "Urgent"), ("normal", "Normal")]


class PurchaseOrder(models.Model):
    _name = "purchase.order"
    _inherit = [
        "purchase.order",
        "symetrie.visit.planning.mixin",
        "symetrie.work.report.mixin",
        "symetrie.tenant.page.mixin",
        "symetrie.order.steps.mixin",
    ]

    symetrie_is_work_order = fields.Boolean(
        string="Work Order", index=True, copy=True, readonly=True
    )
    symetrie_dwelling_id = fields.Many2one(
        "symetrie.dwelling", string="Dwelling", index=True, tracking=True
    )
    symetrie_building_id = fields.Many2one(
        related="symetrie_dwelling_id.building_id", store=True, string="Building"
    )
    symetrie_tenant_id = fields.Many2one(
        "res.partner",
        string="Tenant",
        compute="_compute_from_dwelling",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    symetrie_tenant_phone = fields.Char(
        string="Tenant Phone",
        compute="_compute_tenant_contact",
        store=True,
        readonly=False,
        precompute=True,
    )
    symetrie_tenant_email = fields.Char(
        string="Tenant E-mail",
        compute="_compute_tenant_contact",
        store=True,
        readonly=False,
        precompute=True,
    )
    symetrie_address = fields.Char(
        string="Intervention Address",
        compute="_compute_from_dwelling",
        store=True,
        readonly=False,
        precompute=True,
    )
    symetrie_floor = fields.Char(
        string="Floor",
        compute="_compute_from_dwelling",
        store=True,
        readonly=False,
        precompute=True,
    )
    symetrie_door = fields.Char(
        string="Door",
        compute="_compute_from_dwelling",
        store=True,
        readonly=False,
        precompute=True,
    )
    symetrie_access_instructions = fields.Text(
        string="Access",
        compute="_compute_from_dwelling",
        store=True,
        readonly=False,
        precompute=True,
    )
    symetrie_trade_id = fields.Many2one(
        "symetrie.trade", string="Trade", index=True, tracking=True
    )
    symetrie_urgency = fields.Selection(
        URGENCIES, string="Urgency", default="normal", index=True, tracking=True
    )
    symetrie_request_date = fields.Datetime(
        string="Requested On", default=fields.Datetime.now, copy=False
    )
    symetrie_deadline = fields.Datetime(
        string="Deadline",
        compute="_compute_deadline",
        store=True,
        readonly=False,
        index=True,
        copy=False,
        tracking=True,
    )
    symetrie_description = fields.Text(string="Work Description")
    symetrie_internal_note = fields.Text(
        string="Internal Note",
        groups="symetrie_orders.group_orders_user",
        help="Seen by the landlord's staff only.",
    )
    symetrie_photo_ids = fields.Many2many(
        "ir.attachment",
        "purchase_order_symetrie_photo_rel",
        "order_id",
        "attachment_id",
        string="Photos",
        copy=False,
    )
    symetrie_step = fields.Selection(
        TRACKING_STEPS,
        string="Tracking Step",
        # Not required: a NOT NULL column on purchase_order breaks orders
        # created while our module is not loaded yet (other modules' tests).
        default="draft",
        copy=False,
        readonly=True,
        index=True,
        tracking=True,
        group_expand="_group_expand_symetrie_step",
    )
    symetrie_step_date = fields.Datetime(
        string="Step Since", copy=False, readonly=True
    )
    symetrie_sent_date = fields.Datetime(string="Sent On", copy=False, readonly=True)
    symetrie_accepted_date = fields.Datetime(
        string="Accepted On", copy=False, readonly=True
    )
    symetrie_done_date = fields.Datetime(
        string="Work Done On", copy=False, readonly=True
    )
    symetrie_visit_start = fields.Datetime(string="Visit From", copy=False, readonly=True)
    symetrie_visit_end = fields.Datetime(string="Visit To", copy=False, readonly=True)
    symetrie_technician_id = fields.Many2one(
        "res.partner", string="Technician", copy=False, readonly=True
    )
    symetrie_event_ids = fields.One2many(
        "symetrie.order.event", "order_id", string="Timeline", readonly=True
    )
    # Indexed by its unique constraint (a second index on it, 53 MB at a
    # large landlord's three years, was dropped by the 18.0.1.2.0 migration).
    symetrie_tracking_token = fields.Char(
        string="Tracking Token",
        copy=False,
        readonly=True,
        groups="symetrie_orders.group_orders_user",
    )
    symetrie_tracking_url = fields.Char(
        string="Tracking Link",
        compute="_compute_symetrie_tracking_url",
        groups="symetrie_orders.group_orders_user",
        help="The tenant's link to follow the intervention, no login needed.",
    )
    symetrie_tenant_rating = fields.Integer(
        string="Tenant Rating", copy=False, readonly=True, aggregator="avg"
    )
    symetrie_tenant_comment = fields.Text(string="Tenant Comment", copy=False, readonly=True)
    symetrie_tenant_rated_on = fields.Datetime(
        string="Rated On", copy=False, readonly=True
    )
    symetrie_is_late = fields.Boolean(
        string="Late", compute="_compute_symetrie_lateness", search="_search_is_late"
    )
    symetrie_is_at_risk = fields.Boolean(
        string="Not Accepted in Time",
        compute="_compute_symetrie_lateness",
        search="_search_is_at_risk",
    )

    _sql_constraints = [
        (
            "symetrie_tracking_token_unique",
            "unique(symetrie_tracking_token)",
            "The tracking token must be unique.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        # Work orders get the tenant's unguessable tracking token at birth.
        for vals in vals_list:
            is_work_order = vals.get(
                "symetrie_is_work_order",
                self.env.context.get("default_symetrie_is_work_order"),
            )
            if is_work_order and not vals.get("symetrie_tracking_token"):
                vals["symetrie_tracking_token"] = secrets.token_urlsafe(32)
        return super().create(vals_list)

    def write(self, vals):
        if "symetrie_step" in vals and not self.env.context.get("symetrie_posting_step"):
            raise UserError(
                self.env._("The tracking step changes only by posting a step.")
            )
        previous = {}
        if "partner_id" in vals:
            changing = self.filtered(
                lambda o: o.symetrie_is_work_order and o.partner_id.id != vals["partner_id"]
            )
            if changing.filtered(lambda o: o.symetrie_step not in ("draft", "declined")):
                raise UserError(
                    self.env._(
                        "The contractor of a work order changes only while it is a "
                        "draft or after the contractor declined it."
                    )
                )
            previous = {order: order.partner_id.commercial_partner_id for order in changing}
        result = super().write(vals)
        for order, contractor in previous.items():
            order._symetrie_forget_contractor(contractor)
        return result

    def _symetrie_forget_contractor(self, contractor):
        """The previous contractor of a reassigned order: no longer a follower
        (hence no e-mail, and no access by the follower path), no technician.
        The order is no longer sent: the new contractor reads it (door code,
        tenant's phone) and is counted on it once it is sent to him."""
        self.ensure_one()
        if not contractor:
            return
        gone = self.message_partner_ids.filtered(
            lambda p: p.commercial_partner_id == contractor
        )
        self.sudo().message_unsubscribe(partner_ids=gone.ids)
        self.sudo().with_context(symetrie_posting_step=True).write(
            {"symetrie_technician_id": False, "symetrie_sent_date": False}
        )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("symetrie_dwelling_id")
    def _compute_from_dwelling(self):
        for order in self:
            dwelling = order.symetrie_dwelling_id
            if not dwelling:
                continue
            order.symetrie_tenant_id = dwelling.tenant_id
            order.symetrie_address = dwelling._full_address()
            order.symetrie_floor = dwelling.floor
            order.symetrie_door = dwelling.door
            order.symetrie_access_instructions = dwelling.access_instructions

    @api.depends("symetrie_tenant_id")
    def _compute_tenant_contact(self):
        for order in self:
            tenant = order.symetrie_tenant_id
            order.symetrie_tenant_phone = tenant.mobile or tenant.phone
            order.symetrie_tenant_email = tenant.email

    @api.depends("symetrie_urgency", "symetrie_request_date", "company_id")
    def _compute_deadline(self):
        for order in self:
            if not (order.symetrie_urgency and order.symetrie_request_date):
                order.symetrie_deadline = False
                continue
            delay = order.company_id._symetrie_urgency_delay(order.symetrie_urgency)
            order.symetrie_deadline = order.symetrie_request_date + delay

    @api.depends("symetrie_step", "symetrie_deadline", "symetrie_sent_date")
    @api.depends_context("symetrie_now")
    def _compute_symetrie_lateness(self):
        now = self._symetrie_now()
        for order in self:
            is_open = order.symetrie_step in OPEN_STEPS
            order.symetrie_is_late = bool(
                is_open and order.symetrie_deadline and order.symetrie_deadline < now
            )
            order.symetrie_is_at_risk = bool(
                order.symetrie_step == "sent"
                and order.symetrie_sent_date
                and order.symetrie_sent_date
                < now - order.company_id._symetrie_acceptance_delay()
            )

    def _symetrie_now(self):
        return self.env.context.get("symetrie_now") or fields.Datetime.now()

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on lateness."))
        late = [
            ("symetrie_step", "in", list(OPEN_STEPS)),
            ("symetrie_deadline", "<", self._symetrie_now()),
        ]
        positive = (operator == "=") == value
        if positive:
            return late
        # Spelled out: a negated "<" would drop the orders without a deadline.
        return [
            "|",
            "|",
            ("symetrie_step", "not in", list(OPEN_STEPS)),
            ("symetrie_deadline", "=", False),
            ("symetrie_deadline", ">=", self._symetrie_now()),
        ]

    def _search_is_at_risk(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on acceptance."))
        # One indexed condition per company (its own delay): no order is loaded
        # in Python, and the domain combines with the "late" one in one index scan.
        now = self._symetrie_now()
        at_risk = expression.AND(
            [
                [("symetrie_step", "=", "sent")],
                expression.OR(
                    [
                        [
                            ("company_id", "=", company_id),
                            ("symetrie_sent_date", "<", now - delay),
                        ]
                        for company_id, delay in self.env[
                            "res.company"
                        ]._symetrie_acceptance_delays()
                    ]
                ),
            ]
        )
        positive = (operator == "=") == value
        if positive:
            return at_risk
        # Not "!": a negated "<" would drop the orders without a sent date.
        return [("id", "not in", self.sudo()._search(at_risk))]

    def init(self):
        res = super().init()
        # The "not accepted in time" search scans only the sent orders.
        self.env.cr.execute(
            """
            CREATE INDEX IF NOT EXISTS symetrie_purchase_order_sent_date_idx
                ON purchase_order (symetrie_sent_date)
             WHERE symetrie_step = 'sent'
            """
        )
        # A contractor's orders (the portal's lists, its access rules): purchase
        # does not index the vendor.
        self.env.cr.execute(
            """
            CREATE INDEX IF NOT EXISTS symetrie_purchase_order_partner_id_idx
                ON purchase_order (partner_id)
            """
        )
        # The open work orders (neither paid nor cancelled), a few percent of
        # a landlord's years of orders: any filter that excludes these two
        # steps (the lists' "open", "due today", grouped by contractor) reads
        # them by index instead of scanning every order. The predicate is the
        # SQL the ORM writes for "not in" (with "or null").
        self.env.cr.execute(
            """
            CREATE INDEX IF NOT EXISTS symetrie_purchase_order_open_idx
                ON purchase_order (partner_id)
             WHERE symetrie_is_work_order
               AND (symetrie_step NOT IN ('paid', 'cancelled') OR symetrie_step IS NULL)
            """
        )
        # The orders in progress (the steps that can be late or wait for
        # acceptance), in the lists' order: the "late" and "not accepted in
        # time" lists read their first page by this index and stop, and count
        # from it alone (index-only), instead of sorting every open order.
        self.env.cr.execute(
            """
            CREATE INDEX IF NOT EXISTS symetrie_purchase_order_in_progress_idx
                ON purchase_order (priority DESC, id DESC)
                   INCLUDE (symetrie_deadline, company_id)
             WHERE symetrie_is_work_order AND symetrie_step IN %s
            """,
            [tuple(sorted(OPEN_STEPS))],
        )
        return res

    @api.model
    def _group_expand_symetrie_step(self, steps, domain):
        return [key for key, _label in TRACKING_STEPS if key != "draft"]

    # ------------------------------------------------------------------
    # Completeness
    # ------------------------------------------------------------------
    def _symetrie_missing_details(self):
        """Labels of every detail this order lacks for its trade."""
        self.ensure_one()
        missing = []
        if not self.partner_id:
            missing.append(self.env._("the contractor"))
        if not self.symetrie_dwelling_id:
            missing.append(self.env._("the dwelling"))
        if not self.symetrie_trade_id:
            missing.append(self.env._("the trade"))
        if not self.symetrie_tenant_id:
            missing.append(self.env._("the tenant"))
        if not self.symetrie_deadline:
            missing.append(self.env._("the deadline"))
        if not self.order_line.filtered(lambda line: not line.display_type):
            missing.append(self.env._("at least one order line"))
        trade = self.symetrie_trade_id
        if trade.require_tenant_phone and not self.symetrie_tenant_phone:
            missing.append(self.env._("the tenant's phone"))
        if trade.require_tenant_email and not self.symetrie_tenant_email:
            missing.append(self.env._("the tenant's e-mail"))
        if trade.require_access_instructions and not self.symetrie_access_instructions:
            missing.append(self.env._("the access instructions (code or keys)"))
        if trade.require_floor_door and not (self.symetrie_floor and self.symetrie_door):
            missing.append(self.env._("the floor and the door"))
        if trade.require_description and not (self.symetrie_description or "").strip():
            missing.append(self.env._("the description of the work"))
        if trade.require_photo and not self.symetrie_photo_ids:
            missing.append(self.env._("a photo"))
        return missing

    def _symetrie_check_complete(self):
        problems = []
        for order in self.filtered("symetrie_is_work_order"):
            missing = order._symetrie_missing_details()
            if missing:
                problems.append(
                    self.env._(
                        "%(order)s cannot be sent, it lacks: %(missing)s.",
                        order=order.display_name,
                        missing=", ".join(missing),
                    )
                )
        if problems:
            raise UserError("\n".join(problems))

    # ------------------------------------------------------------------
    # Sending: the standard purchase buttons, checked first
    # ------------------------------------------------------------------
    def button_confirm(self):
        work_orders = self.filtered(
            lambda o: o.symetrie_is_work_order and o.state in ("draft", "sent")
        )
        work_orders._symetrie_check_complete()
        return super().button_confirm()

    def button_approve(self, force=False):
        # Confirmed at once or approved later (two-step approval): sent either way.
        result = super().button_approve(force=force)
        for order in self.filtered(
            lambda o: o.symetrie_is_work_order
            and o.state in ("purchase", "done")
            and o.symetrie_step == "draft"
        ):
            order._symetrie_post_system_step("sent")
        return result

    def action_rfq_send(self):
        self._symetrie_check_complete()
        return super().action_rfq_send()

    def button_cancel(self):
        work_orders = self.filtered("symetrie_is_work_order")
        for order in work_orders:
            order._symetrie_check_can_post("cancelled")
        result = super().button_cancel()
        for order in work_orders:
            order._symetrie_post_step(
                "cancelled",
                note=self.env.context.get("symetrie_note")
                or self.env._("Order cancelled."),
            )
        return result

    # Odoo's /my/purchase/<id> lets a vendor acknowledge or decline an order
    # (the buyer is then asked to cancel it) and move its dates. A work order
    # is declined with a reason that counts on the scorecard, and dated by
    # booking the visit: those links change nothing on it.
    def confirm_reminder_mail(self, confirmed_date=False):
        others = self.filtered(lambda o: not o.symetrie_is_work_order)
        return super(PurchaseOrder, others).confirm_reminder_mail(confirmed_date)

    def _confirm_reception_mail(self):
        others = self.filtered(lambda o: not o.symetrie_is_work_order)
        return super(PurchaseOrder, others)._confirm_reception_mail()

    def _decline_reception_mail(self):
        others = self.filtered(lambda o: not o.symetrie_is_work_order)
        return super(PurchaseOrder, others)._decline_reception_mail()

    def _update_date_planned_for_lines(self, updated_dates):
        work_orders = self.filtered("symetrie_is_work_order")
        if work_orders:
            raise UserError(
                self.env._(
                    "%(order)s is a work order: its date is the visit the contractor books.",
                    order=work_orders[0].name,
                )
            )
        return super()._update_date_planned_for_lines(updated_dates)

    def action_symetrie_send(self):
        """Send the work order: checked, confirmed, contractor and tenant told."""
        for order in self:
            order._symetrie_check_can_post("sent")
            if order.symetrie_step == "declined":
                # Given again (maybe to another contractor): checked again.
                order._symetrie_check_complete()
                order._symetrie_post_step("sent")
            else:
                order.button_confirm()
        return True

    # ------------------------------------------------------------------
    # Scheduled action: late and at-risk orders get an activity
    # ------------------------------------------------------------------
    @api.model
    def _cron_flag_late_work_orders(self):
        activity_type = self.env.ref("symetrie_orders.mail_activity_type_late_order")
        orders = self.search(
            [
                ("symetrie_is_work_order", "=", True),
                "|",
                ("symetrie_is_late", "=", True),
                ("symetrie_is_at_risk", "=", True),
            ]
        )
        flagged = self.env["mail.activity"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", orders.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        already = set(flagged.mapped("res_id"))
        for order in orders.filtered(lambda o: o.id not in already):
            order.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=order.user_id.id or self.env.user.id,
                note=order._symetrie_lateness_reason(),
            )
        return len(orders) - len(already)

    def _symetrie_lateness_reason(self):
        self.ensure_one()
        if self.symetrie_is_late:
            return self.env._(
                "Deadline passed on %(deadline)s and the work is not done.",
                deadline=fields.Datetime.to_string(self.symetrie_deadline),
            )
        return self.env._("The contractor has not accepted the order in time.")

    # ------------------------------------------------------------------
    # Demo data: walk an order through the real steps
    # ------------------------------------------------------------------
    @api.model
    def _symetrie_demo_walk(self, order_xmlid, steps):
        order = self.env.ref(order_xmlid)
        order = order.with_company(order.company_id)
        now = fields.Datetime.now()
        for step in steps:
            if step == "sent":
                order.action_symetrie_send()
            elif step == "visit_booked":
                start = fields.Datetime.add(now, days=1, hours=1)
                order._symetrie_book_visit(
                    start,
                    fields.Datetime.add(start, hours=2),
                    technician=order.partner_id.child_ids[:1],
                )
            elif step == "cancelled":
                order._symetrie_cancel(self.env._("Demo step."))
            elif step in STEPS_NEEDING_NOTE:
                order._symetrie_post_step(step, note=self.env._("Demo step."))
            else:
                order._symetrie_post_step(step)

    @api.model
    def _symetrie_demo_bill(self, order_xmlid, days_ago, paid_days_late=None, hold=None):
        """Demo: the contractor's bill for an order, posted, maybe held or paid."""
        order = self.env.ref(order_xmlid)
        # In the order's company (the demo landlord's): its journal, its currency.
        env = self.with_company(order.company_id).env
        invoice_date = fields.Date.subtract(fields.Date.today(), days=days_ago)
        bill = env["account.move"].create(
            {
                "move_type": "in_invoice",
                "company_id": order.company_id.id,
                "currency_id": order.currency_id.id,
                "partner_id": order.partner_id.id,
                "invoice_date": invoice_date,
                "invoice_payment_term_id": env.ref(
                    "account.account_payment_term_30days"
                ).id,
                "ref": env._("Invoice %(order)s", order=order.name),
                "invoice_line_ids": [
                    fields.Command.create(
                        {
                            "product_id": line.product_id.id,
                            "quantity": line.product_qty,
                            "price_unit": line.price_unit,
                            "tax_ids": [fields.Command.set(line.taxes_id.ids)],
                            "purchase_line_id": line.id,
                        }
                    )
                    for line in order.order_line
                ],
            }
        )
        bill.action_post()
        if hold:
            bill._symetrie_hold(hold, note=env._("Demo hold."))
        if paid_days_late is not None:
            pay_date = fields.Date.add(bill.invoice_date_due, days=paid_days_late)
            env["account.payment.register"].with_context(
                active_model="account.move", active_ids=bill.ids
            ).create({"payment_date": pay_date})._create_payments()
        return bill
