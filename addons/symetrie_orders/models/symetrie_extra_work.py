# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_amount

QUOTE_STATES = [
    ("submitted", "Waiting for approval"),
    ("accepted", "Accepted"),
    ("refused", "Refused"),
]


class SymetrieExtraWork(models.Model):
    """Work beyond the order, quoted by the contractor from the portal.

    Created and decided only through the model's methods (checked, then
    sudo): nobody writes it directly."""

    _name = "symetrie.extra.work"
    _description = "Extra Work Quote"
    _order = "id desc"
    _rec_name = "description"

    order_id = fields.Many2one(
        "purchase.order", required=True, index=True, ondelete="restrict", readonly=True
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True)
    currency_id = fields.Many2one(related="order_id.currency_id")
    partner_id = fields.Many2one(
        related="order_id.partner_id", string="Contractor", store=True
    )
    description = fields.Text(required=True, readonly=True)
    amount = fields.Monetary(
        string="Amount (tax excl.)", required=True, readonly=True, currency_field="currency_id"
    )
    photo_ids = fields.Many2many(
        "ir.attachment",
        "symetrie_extra_work_photo_rel",
        "extra_work_id",
        "attachment_id",
        string="Photos",
        readonly=True,
    )
    state = fields.Selection(
        QUOTE_STATES, default="submitted", required=True, readonly=True, index=True
    )
    submitted_by_id = fields.Many2one("res.users", readonly=True)
    decided_by_id = fields.Many2one("res.users", readonly=True)
    decided_on = fields.Datetime(readonly=True)
    automatic = fields.Boolean(
        string="Accepted Under the Threshold",
        readonly=True,
        help="Accepted at once: its amount was not above the company's threshold.",
    )
    refusal_reason = fields.Text(readonly=True)
    order_line_id = fields.Many2one(
        "purchase.order.line", readonly=True, ondelete="set null"
    )

    @api.constrains("amount")
    def _check_amount(self):
        for quote in self:
            if quote.amount <= 0:
                raise ValidationError(self.env._("The amount of the quote must be above zero."))

    def _symetrie_amount_label(self):
        self.ensure_one()
        return format_amount(self.env, self.amount, self.currency_id)

    def _symetrie_under_threshold(self):
        """Not above the company's threshold, in the company's currency."""
        self.ensure_one()
        quote = self.sudo()
        company = quote.company_id or self.env.company
        amount = quote.currency_id._convert(
            quote.amount, company.currency_id, company, fields.Date.context_today(self)
        )
        return company.currency_id.compare_amounts(amount, company.symetrie_quote_threshold) <= 0

    def _symetrie_check_can_decide(self):
        if not self.env.user.has_group("symetrie_orders.group_orders_manager"):
            raise AccessError(
                self.env._("Only work order administrators approve or refuse extra work.")
            )
        for quote in self:
            if quote.state != "submitted":
                raise UserError(
                    self.env._("This quote was already decided: %(quote)s.", quote=quote.description)
                )

    def _symetrie_accept(self, automatic=False):
        """Accept the quote: a line of the order, billable like the others."""
        for quote in self:
            order = quote.order_id.sudo()
            line = self.env["purchase.order.line"].sudo().create(
                {
                    "order_id": order.id,
                    "product_id": self.env.ref(
                        "symetrie_orders.product_work_order_intervention"
                    ).id,
                    "name": self.env._("Extra work: %(description)s", description=quote.description),
                    "product_qty": 1.0,
                    "price_unit": quote.amount,
                }
            )
            quote.sudo().write(
                {
                    "state": "accepted",
                    "automatic": automatic,
                    "decided_by_id": self.env.user.id,
                    "decided_on": fields.Datetime.now(),
                    "order_line_id": line.id,
                }
            )
            if order.symetrie_step in ("work_accepted", "billed", "paid"):
                # The work is accepted already: the new line is billable too.
                order._symetrie_make_billable()
            note = (
                self.env._("Accepted at once (not above the threshold): %(amount)s.", amount=quote._symetrie_amount_label())
                if automatic
                else self.env._("Accepted: %(amount)s.", amount=quote._symetrie_amount_label())
            )
            order.with_user(self.env.user)._symetrie_log_event("quote_accepted", note=note)
        return True

    def _symetrie_refuse(self, reason):
        """Refuse the quote with a reason the contractor reads."""
        self._symetrie_check_can_decide()
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError(self.env._("Give the reason of the refusal."))
        for quote in self:
            quote.sudo().write(
                {
                    "state": "refused",
                    "refusal_reason": reason[:2000],
                    "decided_by_id": self.env.user.id,
                    "decided_on": fields.Datetime.now(),
                }
            )
            quote.order_id._symetrie_log_event(
                "quote_refused", note=self.env._("Refused: %(reason)s", reason=reason[:2000])
            )
        return True

    # Buttons (no argument)
    def action_symetrie_accept(self):
        self._symetrie_check_can_decide()
        return self._symetrie_accept()

    def action_symetrie_refuse(self):
        """Ask the reason of the refusal."""
        self._symetrie_check_can_decide()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Refuse the extra work"),
            "res_model": "symetrie.extra.work.refuse.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_extra_work_ids": self.ids},
        }
