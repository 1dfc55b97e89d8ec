# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import namedtuple
from datetime import datetime, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

# The dwelling's time when the tenant has none.
DWELLING_DEFAULT_TZ = "Europe/Paris"
# Steps after which the tenant may rate the intervention.
RATABLE_STEPS = ("work_done", "work_accepted", "billed", "paid")
# Steps at which the tenant may say nobody came to the booked visit.
NO_SHOW_STEPS = ("visit_booked", "on_the_way")
# Events after which the slots proposed before are no longer waiting.
ROUND_CLOSING_KINDS = ("slot_chosen", "slots_refused", "tenant_absent", "no_show")

# An event as the tenant's page reads it (a row of the page's one query).
PageEvent = namedtuple("PageEvent", "id step kind date visit_start visit_end")
# A partner as the page reads it: the tenant, the technician, the contractor.
PagePartner = namedtuple("PagePartner", "lang tz name company_name")
NO_PARTNER = PagePartner(None, None, None, None)


def _datetime(value):
    """A datetime read as JSON (ISO text), as the ORM gives it: naive UTC."""
    return datetime.fromisoformat(value) if value else None


def pending_slots(events):
    """The ``slots_proposed`` events of the current round, in ``events``
    sorted by id: a step or a round-closing event ends a round."""
    pending = []
    for event in events:
        if event.kind == "slots_proposed":
            pending.append(event)
        elif event.kind == "step" or event.kind in ROUND_CLOSING_KINDS:
            pending = []
    return pending


def open_slots(events, now):
    """The pending slots the tenant may still choose: not started by ``now``."""
    return [slot for slot in pending_slots(events) if slot.visit_start > now]


def tenant_can_rate(step, rated_on):
    return step in RATABLE_STEPS and not rated_on


def tenant_can_report_no_show(step, visit_end, window_hours, now):
    """Within the company's window after the booked slot."""
    if step not in NO_SHOW_STEPS or not visit_end:
        return False
    return visit_end <= now <= visit_end + timedelta(hours=window_hours)


class SymetrieTenantPageMixin(models.AbstractModel):
    """What the tenant sees and does from the tracking link, without an
    account: the timeline, the rating, and the page read in one query.

    The token is the tenant's only credential: what is read here is read as
    the system, and holds no price, no note and no author."""

    _name = "symetrie.tenant.page.mixin"
    _description = "Work Order Tenant Page"

    def _symetrie_tenant_can_rate(self):
        self.ensure_one()
        return tenant_can_rate(self.symetrie_step, self.symetrie_tenant_rated_on)

    def _symetrie_tenant_rate(self, stars, comment=None):
        """The tenant rates the intervention: 1 to 5 stars, once, after the work."""
        self.ensure_one()
        if not self._symetrie_tenant_can_rate():
            raise UserError(
                self.env._("This intervention cannot be rated now, or was already rated.")
            )
        if stars not in (1, 2, 3, 4, 5):
            raise ValidationError(self.env._("Give between 1 and 5 stars."))
        self.sudo().write(
            {
                "symetrie_tenant_rating": stars,
                "symetrie_tenant_comment": (comment or "").strip()[:2000] or False,
                "symetrie_tenant_rated_on": fields.Datetime.now(),
            }
        )

    def _symetrie_tenant_timeline(self, events=None):
        """Events the tenant sees: label and date, no note, no author, no price.

        ``events``: the order's events sorted by id, records or ``PageEvent``
        rows (the tracking page's); read here when not given."""
        self.ensure_one()
        Event = self.env["symetrie.order.event"].sudo()
        if events is None:
            events = Event.search_fetch(
                [("order_id", "=", self.id)], ["step", "kind", "date"], order="id"
            )
        labels = {
            name: dict(Event._fields[name]._description_selection(self.env))
            for name in ("step", "kind")
        }
        timeline = []
        for e in events:
            # The slots of one round are one event each, one line for the tenant.
            if e.kind == "slots_proposed" and timeline and timeline[-1]["kind"] == e.kind:
                continue
            timeline.append(
                {
                    "step": e.step,
                    "kind": e.kind,
                    # As Event._symetrie_label(), the selections translated once.
                    "label": (
                        labels["step"][e.step] if e.kind == "step" else labels["kind"][e.kind]
                    ),
                    "date": e.date,
                }
            )
        return timeline

    @api.model
    def _symetrie_find_by_token(self, token, field_names=()):
        """The work order this tracking token opens, or nothing.

        Cancelled orders and malformed tokens open nothing. ``field_names``:
        the fields the caller reads, fetched with the search (one query, not
        the whole row).
        """
        if not token or len(token) < 32 or len(token) > 64:
            return self.browse()
        order = (
            self.sudo()
            .with_context(active_test=False)
            .search_fetch(
                [("symetrie_tracking_token", "=", token)],
                ["symetrie_step", *field_names],
                limit=1,
            )
        )
        if not order or order.symetrie_step in ("draft", "cancelled"):
            return self.browse()
        return order

    # ------------------------------------------------------------------
    # The tracking page, in one query
    # ------------------------------------------------------------------
    @api.model
    def _symetrie_tenant_page(self, token):
        """Everything ``/track/<token>`` shows, read in one query, or None
        for a malformed token or a draft or cancelled order.

        The most-served page of the product (every tenant, every step), so
        it costs one query whatever the order's history: the order, its
        people, the company, the trade and the events in one statement, by
        the token's unique index and the events' ``order_id`` index.
        Returns a dict of plain values; ``trade_name`` is the translations
        (``{lang: name}``), ``events`` are ``PageEvent`` sorted by id."""
        if not token or len(token) < 32 or len(token) > 64:
            return None
        self.env.flush_all()
        # Scalar subqueries, not joins: planned in a fraction of the time a
        # seven-table join takes, which dominated this query's cost. One for
        # the three partners: each subquery costs as much to parse and plan
        # as to run. The contractor's name is its company's, as Odoo stores
        # it on each contact (commercial_company_name), else its own.
        self.env.cr.execute(
            SQL(
                """
                SELECT o.id, o.symetrie_step, o.symetrie_address, o.symetrie_floor,
                       o.symetrie_door, o.symetrie_visit_start, o.symetrie_visit_end,
                       o.symetrie_tenant_rated_on, o.symetrie_report_attachment_id,
                       o.company_id, o.symetrie_tenant_id, o.symetrie_technician_id,
                       o.partner_id,
                       (SELECT json_agg(json_build_array(p.id, p.lang, p.tz, p.name,
                                                         p.commercial_company_name))
                          FROM res_partner p
                         WHERE p.id IN (o.symetrie_tenant_id, o.symetrie_technician_id,
                                        o.partner_id)),
                       (SELECT json_build_array(c.name, c.phone, c.email,
                                                c.symetrie_no_show_window_hours)
                          FROM res_company c WHERE c.id = o.company_id),
                       (SELECT t.name FROM symetrie_trade t WHERE t.id = o.symetrie_trade_id),
                       (SELECT json_agg(json_build_array(e.id, e.step, e.kind, e.date,
                                                         e.visit_start, e.visit_end)
                                        ORDER BY e.id)
                          FROM symetrie_order_event e WHERE e.order_id = o.id)
                  FROM purchase_order o
                 WHERE o.symetrie_tracking_token = %s
                   AND o.symetrie_step NOT IN ('draft', 'cancelled')
                """,
                token,
            )
        )
        row = self.env.cr.fetchone()
        if not row:
            return None
        (order_id, step, address, floor, door, visit_start, visit_end, rated_on,
         report_id, company_id, tenant_id, technician_id, contractor_id, partners, company,
         trade_name, events) = row
        partners = {partner_id: PagePartner(*rest) for partner_id, *rest in partners or []}
        tenant = partners.get(tenant_id, NO_PARTNER)
        technician = partners.get(technician_id, NO_PARTNER)
        contractor = partners.get(contractor_id, NO_PARTNER)
        landlord_name, phone, email, window_hours = company
        events = [
            PageEvent(event_id, event_step, kind, *map(_datetime, dates))
            for event_id, event_step, kind, *dates in events or []
        ]
        now = fields.Datetime.now()
        return {
            "order_id": order_id,
            "company_id": company_id,
            "step": step,
            "address": address,
            "floor": floor,
            "door": door,
            "visit_start": visit_start,
            "visit_end": visit_end,
            "tenant_lang": tenant.lang,
            "tz": tenant.tz or DWELLING_DEFAULT_TZ,
            "technician_first_name": (technician.name or "").split(" ")[0],
            "contractor_name": contractor.company_name or contractor.name,
            "landlord_name": landlord_name,
            "landlord_phone": phone,
            "landlord_email": email,
            "trade_name": trade_name or {},
            "has_report": bool(report_id),
            "events": events,
            "open_slots": open_slots(events, now),
            "can_rate": tenant_can_rate(step, rated_on),
            "can_report_no_show": tenant_can_report_no_show(step, visit_end, window_hours, now),
        }
