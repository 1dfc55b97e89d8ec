# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

import pytz

from odoo import api, models
from odoo.exceptions import UserError

from odoo.addons.symetrie_orders.models.symetrie_order_steps_mixin import STEPS_NEEDING_NOTE
from odoo.addons.symetrie_orders.models.symetrie_order_event import (
    CONTRACTOR_STEPS,
    TRACKING_STEPS,
)

# The portal's buttons: the contractor's steps, in the order a technician uses them.
PORTAL_ACTIONS = tuple(step for step, _label in TRACKING_STEPS if step in CONTRACTOR_STEPS)


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    def _compute_access_url(self):
        # E-mail links and Odoo's /my/purchase list open the page where the
        # contractor posts the steps, not purchase's own.
        result = super()._compute_access_url()
        for order in self.filtered("symetrie_is_work_order"):
            order.access_url = f"/my/work-orders/{order.id}"
        return result

    def _portal_step_badge_class(self):
        """The colour of the order's step badge on the portal: done and paid
        in green, refused or cancelled in red, the rest in blue."""
        self.ensure_one()
        if self.symetrie_step in ("work_accepted", "billed", "paid"):
            return "text-bg-success"
        if self.symetrie_step in ("declined", "work_refused", "cancelled"):
            return "text-bg-danger"
        return "text-bg-info"

    @api.model
    def _portal_work_order_domain(self, user=None):
        """Work orders a contractor's portal user sees on the portal."""
        user = user or self.env.user
        partner = user.partner_id
        company = partner.commercial_partner_id
        domain = [
            ("symetrie_is_work_order", "=", True),
            ("partner_id", "child_of", company.id),
            ("symetrie_sent_date", "!=", False),
        ]
        if partner != company and not company.sudo().portal_technicians_see_all:
            domain.append(("symetrie_technician_id", "=", partner.id))
        return domain

    def _portal_next_actions(self):
        """The portal buttons allowed now, in the order a technician uses them."""
        self.ensure_one()
        allowed = self.env["symetrie.order.event"]._allowed_next_steps(self.symetrie_step)
        return [step for step in PORTAL_ACTIONS if step in allowed]

    def _portal_photos_from_uploads(self, uploads):
        """Attachments of this order from uploaded photos, or a refusal."""
        self.ensure_one()
        checked = self.company_id._portal_checked_images(uploads)
        return self.company_id._portal_store_images(self, checked)

    def _portal_local_datetime(self, value):
        """A datetime-local form value in the user's time zone, as naive UTC."""
        if not value:
            return None
        try:
            local = datetime.strptime(value, "%Y-%m-%dT%H:%M")
        except ValueError as error:
            raise UserError(self.env._("The visit date is not valid.")) from error
        tz = pytz.timezone(self.env.user.tz or "Europe/Paris")
        return tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None)

    def _portal_post_step_from_form(self, step, form, uploads):
        """Post a step from the portal form: note, visit slot, photos."""
        self.ensure_one()
        if step not in PORTAL_ACTIONS:
            raise UserError(self.env._("Unknown action."))
        note = (form.get("note") or "").strip()
        # Checked here too, before any photo is stored.
        if step in STEPS_NEEDING_NOTE and not note:
            raise UserError(self.env._("Please give a reason or a report for this step."))
        if step == "visit_booked":
            start = self._portal_local_datetime(form.get("visit_start"))
            end = self._portal_local_datetime(form.get("visit_end"))
            return self._symetrie_book_visit(
                start, end, technician=self.env.user.partner_id, note=note, source="portal"
            )
        # Check the step before storing any photo: a refused step stores nothing.
        self._symetrie_check_can_post(step)
        photos = self._portal_photos_from_uploads(uploads) if step == "work_done" else None
        return self._symetrie_post_step(step, note=note, attachments=photos, source="portal")

    def _portal_submit_extra_work(self, description, amount, uploads):
        """An extra work quote from the portal form: checked before any photo
        is stored, then submitted as the portal user."""
        self.ensure_one()
        if isinstance(amount, str):
            # French users type a decimal comma.
            amount = amount.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
        self._symetrie_check_contractor_or_landlord()
        amount = self._symetrie_checked_quote_values(description, amount)
        checked = self.company_id._portal_checked_images(uploads)
        photos = self.company_id._portal_store_images(self, checked) if checked else None
        return self._symetrie_submit_extra_work(description, amount, photos=photos)
