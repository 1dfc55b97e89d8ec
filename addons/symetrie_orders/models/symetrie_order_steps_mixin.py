# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .symetrie_order_event import CONTRACTOR_STEPS, SYSTEM_STEPS, TRANSITIONS
from .symetrie_tenant_page_mixin import DWELLING_DEFAULT_TZ

# Steps at which the tenant receives an e-mail, with the template to use.
TENANT_MAIL_TEMPLATES = {
    "sent": "symetrie_orders.mail_template_tenant_order_sent",
    "visit_booked": "symetrie_orders.mail_template_tenant_visit_booked",
    "on_the_way": "symetrie_orders.mail_template_tenant_on_the_way",
    "work_done": "symetrie_orders.mail_template_tenant_work_done",
}
# Steps that cannot be posted without a note.
STEPS_NEEDING_NOTE = {"declined", "work_refused", "work_done", "cancelled"}


class SymetrieOrderStepsMixin(models.AbstractModel):
    """A work order's tracking, step by step like a parcel: who may post
    which step, the events written once, the e-mails and the buttons.

    Mixed into ``purchase.order``, whose fields it reads and writes."""

    _name = "symetrie.order.steps.mixin"
    _description = "Work Order Tracking Steps"

    # ------------------------------------------------------------------
    # Tracking steps
    # ------------------------------------------------------------------
    def _symetrie_check_can_post(self, step):
        """Refuse a step that does not follow, or that this user may not post."""
        self.ensure_one()
        if not self.symetrie_is_work_order:
            raise UserError(self.env._("%(order)s is not a work order.", order=self.name))
        user = self.env.user
        if user._is_internal():
            if not user.has_group("symetrie_orders.group_orders_user"):
                raise AccessError(self.env._("Only work order users can move work orders."))
        else:
            # The record rules say which orders this portal user may act on
            # (e.g. a technician only those assigned to him).
            self.check_access("read")
            contractor = self.sudo().partner_id.commercial_partner_id
            if step not in CONTRACTOR_STEPS or (
                user.partner_id.commercial_partner_id != contractor
            ):
                raise AccessError(
                    self.env._("You are not allowed to post this step on this work order.")
                )
        if step in SYSTEM_STEPS:
            labels = dict(self._fields["symetrie_step"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "“%(step)s” is posted by the system: when the contractor's bill is"
                    " posted, or when its payment is reconciled.",
                    step=labels[step],
                )
            )
        if step not in TRANSITIONS[self.symetrie_step]:
            labels = dict(self._fields["symetrie_step"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "%(order)s is at step “%(current)s”: “%(step)s” cannot follow.",
                    order=self.name,
                    current=labels[self.symetrie_step],
                    step=labels[step],
                )
            )

    def _symetrie_post_step(
        self,
        step,
        note=None,
        attachments=None,
        source=None,
        visit_start=None,
        visit_end=None,
        technician=None,
    ):
        """Move the order to ``step`` and write its event, or refuse.

        ``source`` is the server's to say: the portal for a portal user, the
        backend otherwise ("api" for integrations calling this method)."""
        self.ensure_one()
        self._symetrie_check_can_post(step)
        source = source or ("portal" if self.env.user.share else "backend")
        attachments = self._symetrie_checked_attachments(attachments)
        note = (note or "").strip()
        if step in STEPS_NEEDING_NOTE and not note:
            raise UserError(self.env._("Please give a reason or a report for this step."))
        if step == "visit_booked":
            if not (visit_start and visit_end) or visit_end <= visit_start:
                raise ValidationError(
                    self.env._("Book the visit with a start and an end after the start.")
                )
            self._symetrie_check_direct_booking()
        return self._symetrie_write_step(
            step,
            note=note,
            attachments=attachments,
            source=source,
            visit_start=visit_start,
            visit_end=visit_end,
            technician=technician,
        )

    def _symetrie_post_system_step(self, step, note=None):
        """Post a step that follows the money or the approval (sent, billed, paid).

        The system posts it whoever triggers it (an accountant, a payment import,
        a purchase approver): no work order group needed, the order of the steps
        still holds.
        """
        self.ensure_one()
        order = self.sudo()
        if step not in TRANSITIONS[order.symetrie_step]:
            return self.env["symetrie.order.event"]
        return order._symetrie_write_step(step, note=note)

    def _symetrie_log_event(self, kind, note=None, attachments=None, source=None, **values):
        """Record something that happened at the current step without moving
        the order (a slot proposed, a missed visit, a quote...). Callers check
        who may do it first; the event is the server's to write."""
        self.ensure_one()
        source = source or ("portal" if self.env.user.share else "backend")
        attachments = (attachments or self.env["ir.attachment"]).sudo()
        attachments.write({"res_model": self._name, "res_id": self.id})
        return self.env["symetrie.order.event"].sudo().create(
            {
                "order_id": self.id,
                "kind": kind,
                "step": self.sudo().symetrie_step,
                "author_id": self.env.user.id,
                "note": (note or "").strip() or False,
                "attachment_ids": [fields.Command.set(attachments.ids)],
                "source": source,
                **values,
            }
        )

    def _symetrie_roll_back_step(self, step, note):
        """Go back to ``step`` when money moves back (payment undone, bill reset
        to draft). The history stays: the roll-back is a new event."""
        self.ensure_one()
        now = fields.Datetime.now()
        self.sudo().with_context(symetrie_posting_step=True).write(
            {"symetrie_step": step, "symetrie_step_date": now}
        )
        return self.env["symetrie.order.event"].sudo().create(
            {
                "order_id": self.id,
                "step": step,
                "date": now,
                "author_id": self.env.user.id,
                "note": note,
            }
        )

    def _symetrie_write_step(
        self,
        step,
        note=None,
        attachments=None,
        source="backend",
        visit_start=None,
        visit_end=None,
        technician=None,
    ):
        """Write the step and its event, then tell who must know. Checked before."""
        self.ensure_one()
        note = (note or "").strip()
        now = fields.Datetime.now()
        order = self.sudo()
        values = {"symetrie_step": step, "symetrie_step_date": now}
        values.update(
            {
                "sent": {"symetrie_sent_date": now},
                "accepted": {"symetrie_accepted_date": now},
                "work_done": {"symetrie_done_date": now},
                "visit_booked": {
                    "symetrie_visit_start": visit_start,
                    "symetrie_visit_end": visit_end,
                    "symetrie_technician_id": technician and technician.id,
                },
            }.get(step, {})
        )
        # Checked by _symetrie_post_step; system steps have none.
        attachments = (attachments or self.env["ir.attachment"]).sudo()
        attachments.write({"res_model": self._name, "res_id": self.id})
        order.with_context(symetrie_posting_step=True).write(values)
        event = self.env["symetrie.order.event"].sudo().create(
            {
                "order_id": self.id,
                "step": step,
                "date": now,
                "author_id": self.env.user.id,
                "note": note or False,
                "attachment_ids": [fields.Command.set(attachments.ids)],
                "source": source,
                "visit_start": visit_start if step == "visit_booked" else False,
                "visit_end": visit_end if step == "visit_booked" else False,
            }
        )
        order._symetrie_notify_tenant(step)
        if step == "sent":
            order.partner_id._symetrie_mark_contractor()
            order._symetrie_notify_contractor()
        if step == "work_accepted":
            order._symetrie_make_billable()
        return event

    def _symetrie_checked_attachments(self, attachments):
        """Attachments a step may carry: readable by the user, and fresh (not
        linked to a record yet, or to the step dialog) or already this order's."""
        attachments = attachments or self.env["ir.attachment"]
        if not attachments:
            return attachments
        attachments.check_access("read")
        for attachment in attachments.sudo():
            fresh = attachment.res_model in (False, "symetrie.order.step.wizard")
            own = attachment.res_model == self._name and attachment.res_id == self.id
            if not (fresh or own):
                raise UserError(
                    self.env._(
                        "%(file)s belongs to another record: add the photo to this step again.",
                        file=attachment.name,
                    )
                )
        return attachments

    def _symetrie_make_billable(self):
        """Accepted work is received work: the lines become billable, and bills
        already posted lose their "work not accepted" hold."""
        for line in self.order_line.filtered(
            lambda l: not l.display_type and l.qty_received_method == "manual"
        ):
            line.qty_received = line.product_qty
        bills = self.invoice_ids.filtered(
            lambda m: m.state == "posted" and m.move_type == "in_invoice"
        )
        bills._symetrie_update_automatic_holds()
        if bills:
            self._symetrie_post_system_step("billed")

    def _symetrie_notify_contractor(self):
        """Tell the contractor a work order was sent, with the link to act on it."""
        self.ensure_one()
        template = self.env.ref(
            "symetrie_orders.mail_template_contractor_order_sent", raise_if_not_found=False
        )
        if template and self.partner_id:
            self.message_post_with_source(
                template, message_type="comment", subtype_xmlid="mail.mt_comment"
            )

    def _symetrie_notify_tenant(self, step):
        """E-mail the tenant at the steps that matter to them; never a price."""
        xmlid = TENANT_MAIL_TEMPLATES.get(step)
        if xmlid:
            self._symetrie_mail_tenant(xmlid)

    def _symetrie_dwelling_tz(self):
        """The time the tenant lives in (pages, e-mails, reports): the
        tenant's time zone, else Paris."""
        self.ensure_one()
        return self.sudo().symetrie_tenant_id.tz or DWELLING_DEFAULT_TZ

    @api.depends("symetrie_tracking_token")
    def _compute_symetrie_tracking_url(self):
        for order in self:
            order.symetrie_tracking_url = "%s/track/%s" % (
                order.get_base_url(),
                order.symetrie_tracking_token,
            )

    # Buttons (no argument: what the server owns it sets itself).
    def action_symetrie_accept(self):
        for order in self:
            order._symetrie_post_step("accepted")
        return True

    def action_symetrie_on_the_way(self):
        for order in self:
            order._symetrie_post_step("on_the_way")
        return True

    def action_symetrie_on_site(self):
        for order in self:
            order._symetrie_post_step("on_site")
        return True

    def action_symetrie_accept_work(self):
        for order in self:
            order._symetrie_post_step("work_accepted")
        return True

    # The programmatic API (the step dialog, the portal, integrations).
    def _symetrie_decline(self, reason, source=None):
        return self._symetrie_post_step("declined", note=reason, source=source)

    def _symetrie_book_visit(self, start, end, technician=None, note=None, source=None):
        return self._symetrie_post_step(
            "visit_booked",
            note=note,
            source=source,
            visit_start=start,
            visit_end=end,
            technician=technician,
        )

    def _symetrie_work_done(self, report, attachments=None, source=None):
        return self._symetrie_post_step(
            "work_done", note=report, attachments=attachments, source=source
        )

    def _symetrie_refuse_work(self, reason):
        return self._symetrie_post_step("work_refused", note=reason)

    def action_symetrie_open_step_wizard(self):
        """Open the dialog that asks what a step needs (reason, slot, report)."""
        self.ensure_one()
        if not self.env.user.has_group("symetrie_orders.group_orders_user"):
            raise AccessError(self.env._("Only work order users can move work orders."))
        step = self.env.context.get("symetrie_step")
        return {
            "type": "ir.actions.act_window",
            "res_model": "symetrie.order.step.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_id": self.id, "default_step": step},
        }

    def _symetrie_cancel(self, reason):
        return self.with_context(symetrie_note=reason).button_cancel()
