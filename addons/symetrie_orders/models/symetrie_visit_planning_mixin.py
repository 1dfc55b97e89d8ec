# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import format_datetime

from .symetrie_order_event import TRANSITIONS
from .symetrie_tenant_page_mixin import pending_slots, tenant_can_report_no_show

MAX_SLOTS = 3
# Steps at which a booked visit can be missed.
VISIT_STEPS = ("visit_booked", "on_the_way", "on_site")


class SymetrieVisitPlanningMixin(models.AbstractModel):
    """The visit as the tenant lives it: slots the contractor proposes and the
    tenant chooses, missed visits on both sides, the visit in a calendar.

    The slots are events (kind ``slots_proposed``, one per slot, with its
    start and end): written once, never changed, the history of every change
    of slot. A round of slots waits for the tenant until a slot is chosen,
    other slots are asked, a visit is booked or missed."""

    _name = "symetrie.visit.planning.mixin"
    _description = "Work Order Visit Planning"

    # ------------------------------------------------------------------
    # Slots
    # ------------------------------------------------------------------
    def _symetrie_pending_slots(self):
        """The slots of the current round, still waiting for the tenant."""
        self.ensure_one()
        events = self.sudo().symetrie_event_ids.sorted("id")
        return events.browse([event.id for event in pending_slots(events)])

    def _symetrie_check_slots(self, slots):
        now = fields.Datetime.now()
        if not slots:
            raise ValidationError(self.env._("Propose at least one slot."))
        if len(slots) > MAX_SLOTS:
            raise ValidationError(
                self.env._("Propose at most %(count)s slots.", count=MAX_SLOTS)
            )
        for start, end in slots:
            if not (start and end):
                raise ValidationError(self.env._("Give each slot a start and an end."))
            if end <= start:
                raise ValidationError(self.env._("A slot must end after it starts."))
            if start <= now:
                raise ValidationError(self.env._("A slot cannot be in the past."))

    def _symetrie_propose_slots(self, slots, note=None):
        """The contractor proposes one to three slots ``[(start, end)]`` (naive
        UTC) to the tenant, who chooses one from the tracking link."""
        self.ensure_one()
        self._symetrie_check_can_post("visit_booked")
        order = self.sudo()
        if not order.symetrie_tenant_email:
            raise UserError(
                self.env._(
                    "The tenant has no e-mail address to receive the slots: call "
                    "the tenant and book the visit directly."
                )
            )
        if self._symetrie_pending_slots():
            raise UserError(
                self.env._("Slots are already waiting for the tenant's answer.")
            )
        self._symetrie_check_slots(slots)
        events = self.env["symetrie.order.event"]
        for start, end in sorted(slots):
            events |= self._symetrie_log_event(
                "slots_proposed", note=note, visit_start=start, visit_end=end
            )
        order._symetrie_mail_tenant("symetrie_orders.mail_template_tenant_slots_proposed")
        return events

    def _symetrie_tenant_choose_slot(self, slot_id):
        """The tenant (tracking link) chooses a slot: the visit is booked."""
        self.ensure_one()
        order = self.sudo()
        pending = order._symetrie_pending_slots()
        if not pending:
            raise UserError(
                self.env._("No slot is waiting for your choice: the visit was already planned.")
            )
        slot = pending.filtered(lambda e: e.id == slot_id)
        if not slot:
            raise ValidationError(self.env._("Choose one of the slots proposed."))
        if slot.visit_start <= fields.Datetime.now():
            raise ValidationError(self.env._("This slot has passed: ask for other slots."))
        if "visit_booked" not in TRANSITIONS[order.symetrie_step]:
            raise UserError(self.env._("The visit cannot be booked at this step."))
        order._symetrie_log_event(
            "slot_chosen",
            source="portal",
            visit_start=slot.visit_start,
            visit_end=slot.visit_end,
        )
        proposer = slot.author_id
        technician = proposer.partner_id if proposer.share else None
        event = order._symetrie_write_step(
            "visit_booked",
            source="portal",
            visit_start=slot.visit_start,
            visit_end=slot.visit_end,
            technician=technician,
        )
        order._symetrie_tell_contractor(
            self.env._(
                "The tenant chose the slot of %(start)s: the visit is booked.",
                start=order._symetrie_format_slot(slot.visit_start),
            ),
            extra_partners=technician,
        )
        return event

    def _symetrie_tenant_ask_other_slots(self, message):
        """The tenant (tracking link) fits none of the slots and says when."""
        self.ensure_one()
        order = self.sudo()
        message = (message or "").strip()
        if not order._symetrie_pending_slots():
            raise UserError(self.env._("No slot is waiting for your answer."))
        if not message:
            raise ValidationError(
                self.env._("Tell the contractor in a few words when you are available.")
            )
        if len(message) > 500:
            raise ValidationError(self.env._("Keep your message under 500 characters."))
        event = order._symetrie_log_event("slots_refused", note=message, source="portal")
        order._symetrie_tell_contractor(
            self.env._(
                "The tenant asks for other slots: %(message)s", message=message
            )
        )
        return event

    def _symetrie_direct_booking_until(self):
        """Until when this portal user may not book directly, or None."""
        self.ensure_one()
        if not self.env.user.share:
            return None
        pending = self._symetrie_pending_slots()
        if not pending:
            return None
        hours = self.sudo().company_id.symetrie_slot_answer_hours
        until = min(pending.mapped("date")) + timedelta(hours=hours)
        return until if fields.Datetime.now() < until else None

    def _symetrie_check_direct_booking(self):
        """While slots wait for the tenant, the contractor books directly only
        once the company's delay has passed. The landlord's staff may book
        (they may have agreed a time with the tenant by phone)."""
        self.ensure_one()
        until = self._symetrie_direct_booking_until()
        if until:
            raise UserError(
                self.env._(
                    "The tenant has until %(until)s to choose one of your slots: "
                    "book directly only after.",
                    until=self._symetrie_format_slot(until),
                )
            )

    # ------------------------------------------------------------------
    # Missed visits
    # ------------------------------------------------------------------
    def _symetrie_check_tenant_absent(self):
        """May the contractor record that the tenant was absent now?"""
        self.ensure_one()
        self._symetrie_check_can_post("visit_booked")
        order = self.sudo()
        if order.symetrie_step not in VISIT_STEPS or not order.symetrie_visit_start:
            raise UserError(self.env._("No visit is booked on this order."))
        if fields.Datetime.now() < order.symetrie_visit_start:
            raise UserError(self.env._("The visit has not started yet."))

    def _symetrie_tenant_absent(self, photos, note=None):
        """The technician found nobody: the notice left is photographed, the
        tenant is told, and the order waits for new slots."""
        self.ensure_one()
        self._symetrie_check_tenant_absent()
        if not photos:
            raise ValidationError(self.env._("Add a photo of the notice you left."))
        photos = self._symetrie_checked_attachments(photos)
        order = self.sudo()
        event = self._symetrie_log_event(
            "tenant_absent",
            note=note,
            attachments=photos,
            visit_start=order.symetrie_visit_start,
            visit_end=order.symetrie_visit_end,
        )
        order._symetrie_mail_tenant("symetrie_orders.mail_template_tenant_absent")
        order._symetrie_forget_visit()
        return event

    def _symetrie_tenant_can_report_no_show(self):
        """Within the company's window after the booked slot."""
        self.ensure_one()
        order = self.sudo()
        return tenant_can_report_no_show(
            order.symetrie_step,
            order.symetrie_visit_end,
            order.company_id.symetrie_no_show_window_hours,
            fields.Datetime.now(),
        )

    def _symetrie_tenant_report_no_show(self, note=None):
        """The tenant (tracking link) says nobody came, within the company's
        window after the slot: the landlord and the contractor are told."""
        self.ensure_one()
        order = self.sudo()
        if order.symetrie_step not in ("visit_booked", "on_the_way") or not (
            order.symetrie_visit_start
        ):
            raise UserError(self.env._("No visit is booked on this intervention."))
        now = fields.Datetime.now()
        if now < order.symetrie_visit_end:
            raise ValidationError(
                self.env._("You can say nobody came once the visit slot is over.")
            )
        hours = order.company_id.symetrie_no_show_window_hours
        if now > order.symetrie_visit_end + timedelta(hours=hours):
            raise ValidationError(
                self.env._(
                    "A missed visit is reported within %(hours)s hours after the "
                    "slot: please call your landlord.",
                    hours=hours,
                )
            )
        note = (note or "").strip()
        if len(note) > 500:
            raise ValidationError(self.env._("Keep your message under 500 characters."))
        event = order._symetrie_log_event(
            "no_show",
            note=note,
            source="portal",
            visit_start=order.symetrie_visit_start,
            visit_end=order.symetrie_visit_end,
        )
        text = self.env._(
            "The tenant reports that nobody came to the visit of %(start)s.",
            start=order._symetrie_format_slot(order.symetrie_visit_start),
        )
        order._symetrie_tell_contractor(
            text + (" " + note if note else ""), extra_partners=order.user_id.partner_id
        )
        order._symetrie_forget_visit()
        return event

    def _symetrie_forget_visit(self):
        """A missed visit is no longer booked: the contractor proposes again."""
        self.sudo().with_context(symetrie_posting_step=True).write(
            {"symetrie_visit_start": False, "symetrie_visit_end": False}
        )

    # ------------------------------------------------------------------
    # Telling people, calendar file
    # ------------------------------------------------------------------
    def _symetrie_format_slot(self, value, tz=None):
        return format_datetime(
            self.env,
            value,
            tz=tz or self._symetrie_dwelling_tz(),
            dt_format="short",
        )

    def _symetrie_mail_tenant(self, xmlid):
        """An e-mail to the tenant (no price): the template says what happened."""
        self.ensure_one()
        if not self.symetrie_tenant_email:
            return
        template = self.env.ref(xmlid, raise_if_not_found=False)
        if template:
            template.sudo().send_mail(self.id, email_layout_xmlid="mail.mail_notification_light")

    def _symetrie_tell_contractor(self, text, extra_partners=None):
        """A message on the order to the contractor (and the followers, the
        landlord among them), e-mailed by Odoo's notifications."""
        self.ensure_one()
        partners = self.partner_id | (extra_partners or self.env["res.partner"])
        self.sudo().message_post(
            body=Markup("<p>%s</p>") % text,
            partner_ids=partners.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    def _symetrie_visit_ics(self):
        """The booked visit as an iCalendar file (RFC 5545), or None. No price."""
        self.ensure_one()
        order = self.sudo()
        if not (order.symetrie_visit_start and order.symetrie_visit_end):
            return None

        def stamp(value):
            return value.strftime("%Y%m%dT%H%M%SZ")

        def text(value):
            value = (value or "").replace("\\", "\\\\").replace(";", "\\;")
            return value.replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")

        def fold(line):
            data = line.encode()
            chunks = []
            while len(data) > 75:
                cut = 75 if not chunks else 74
                # Never cut a UTF-8 character in two.
                while cut and (data[cut] & 0xC0) == 0x80:
                    cut -= 1
                chunks.append(data[:cut])
                data = data[cut:]
            chunks.append(data)
            return b"\r\n ".join(chunks)

        summary = self.env._(
            "Visit %(order)s: %(trade)s",
            order=order.name,
            trade=order.symetrie_trade_id.name or "",
        )
        domain = (order.get_base_url().split("//")[-1] or "localhost").split("/")[0]
        lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Symetrie//Work orders//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            f"UID:work-order-{order.id}-{stamp(order.symetrie_visit_start)}@{domain}",
            f"DTSTAMP:{stamp(fields.Datetime.now())}",
            f"DTSTART:{stamp(order.symetrie_visit_start)}",
            f"DTEND:{stamp(order.symetrie_visit_end)}",
            f"SUMMARY:{text(summary)}",
            f"LOCATION:{text(order.symetrie_address)}",
            "END:VEVENT",
            "END:VCALENDAR",
        ]
        return b"\r\n".join(fold(line) for line in lines) + b"\r\n"
