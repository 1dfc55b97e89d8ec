# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

TRACKING_STEPS = [
    ("draft", "Draft"),
    ("sent", "Sent"),
    ("accepted", "Accepted"),
    ("declined", "Declined"),
    ("visit_booked", "Visit booked"),
    ("on_the_way", "Technician on the way"),
    ("on_site", "On site"),
    ("work_done", "Work done"),
    ("work_accepted", "Work accepted"),
    ("work_refused", "Work refused"),
    ("billed", "Billed"),
    ("paid", "Paid"),
    ("cancelled", "Cancelled"),
]

# What an event records: a step, or something that happened at the current
# step without moving the order (a slot proposed, a missed visit, a signed
# report, an extra-work quote). The order's step is kept on every event.
EVENT_KINDS = [
    ("step", "Step"),
    ("slots_proposed", "Slots proposed"),
    ("slot_chosen", "Slot chosen"),
    ("slots_refused", "Other slots asked"),
    ("tenant_absent", "Tenant absent"),
    ("no_show", "Nobody came"),
    ("report_signed", "Intervention report"),
    ("quote_submitted", "Extra work quote submitted"),
    ("quote_accepted", "Extra work quote accepted"),
    ("quote_refused", "Extra work quote refused"),
]

# Which step may follow which: the parcel-like life of a work order.
TRANSITIONS = {
    "draft": {"sent", "cancelled"},
    "sent": {"accepted", "declined", "cancelled"},
    "declined": {"sent", "cancelled"},
    "accepted": {"visit_booked", "on_the_way", "on_site", "cancelled"},
    "visit_booked": {"visit_booked", "on_the_way", "on_site", "cancelled"},
    "on_the_way": {"on_site", "visit_booked", "cancelled"},
    "on_site": {"work_done", "visit_booked"},
    "work_done": {"work_accepted", "work_refused"},
    "work_refused": {"visit_booked", "on_the_way", "on_site", "work_done"},
    "work_accepted": {"billed"},
    "billed": {"paid"},
    "paid": set(),
    "cancelled": set(),
}

# Steps only the system posts (_symetrie_post_system_step): the bill posted,
# the payment reconciled. Nobody posts them by hand.
SYSTEM_STEPS = {"billed", "paid"}

# Steps the contractor posts; the landlord may also record them for it.
CONTRACTOR_STEPS = {
    "accepted",
    "declined",
    "visit_booked",
    "on_the_way",
    "on_site",
    "work_done",
}

# Steps whose order is not finished yet (for lateness).
OPEN_STEPS = {
    "sent",
    "accepted",
    "declined",
    "visit_booked",
    "on_the_way",
    "on_site",
    "work_refused",
}


class SymetrieOrderEvent(models.Model):
    """One step of a work order's tracking. Written once, never changed."""

    _name = "symetrie.order.event"
    _description = "Work Order Event"
    _order = "date desc, id desc"
    _rec_name = "step"

    order_id = fields.Many2one(
        "purchase.order",
        required=True,
        index=True,
        ondelete="restrict",
        readonly=True,
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True)
    step = fields.Selection(TRACKING_STEPS, required=True, readonly=True)
    kind = fields.Selection(
        EVENT_KINDS, required=True, default="step", readonly=True, index=True
    )
    date = fields.Datetime(
        required=True, default=fields.Datetime.now, readonly=True, index=True
    )
    author_id = fields.Many2one(
        "res.users", required=True, default=lambda self: self.env.user, readonly=True
    )
    author_partner_id = fields.Many2one(
        "res.partner", related="author_id.partner_id", string="Author Contact"
    )
    note = fields.Text(readonly=True)
    attachment_ids = fields.Many2many("ir.attachment", readonly=True)
    source = fields.Selection(
        [("backend", "Backend"), ("portal", "Portal"), ("api", "API")],
        required=True,
        default="backend",
        readonly=True,
    )
    visit_start = fields.Datetime(readonly=True)
    visit_end = fields.Datetime(readonly=True)

    def _symetrie_label(self):
        """What the event says in a timeline: its step, or what happened."""
        self.ensure_one()
        field = "step" if self.kind == "step" else "kind"
        return dict(self._fields[field]._description_selection(self.env))[self[field]]

    @api.model
    def _allowed_next_steps(self, step):
        return TRANSITIONS.get(step, set())

    def write(self, vals):
        if vals:
            raise UserError(
                self.env._("A tracking event is never changed: post a new step instead.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A tracking event is never deleted."))
