# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import binascii
import io

from PIL import Image

from odoo import fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

# Steps at which the intervention report can be signed or closed.
REPORT_STEPS = ("work_done", "work_accepted", "billed", "paid")
# Steps at which the contractor may quote extra work.
QUOTE_STEPS = ("accepted", "visit_booked", "on_the_way", "on_site", "work_done", "work_refused")
NO_SIGNATURE_REASONS = [
    ("absent", "Tenant absent"),
    ("refused", "Tenant refused to sign"),
]
SIGNATURE_MAX_BYTES = 2 * 1024 * 1024


class SymetrieWorkReportMixin(models.AbstractModel):
    """The intervention report signed by the tenant, and extra work quotes,
    on a work order."""

    _name = "symetrie.work.report.mixin"
    _description = "Work Order Intervention Report"

    symetrie_signature = fields.Binary(
        string="Tenant Signature", copy=False, readonly=True, attachment=True
    )
    symetrie_signed_by = fields.Char(string="Signed By", copy=False, readonly=True)
    symetrie_report_date = fields.Datetime(
        string="Report Closed On", copy=False, readonly=True
    )
    symetrie_no_signature_reason = fields.Selection(
        NO_SIGNATURE_REASONS, string="Not Signed Because", copy=False, readonly=True
    )
    symetrie_report_attachment_id = fields.Many2one(
        "ir.attachment", string="Intervention Report", copy=False, readonly=True
    )
    symetrie_extra_work_ids = fields.One2many(
        "symetrie.extra.work", "order_id", string="Extra Work Quotes", readonly=True
    )

    # ------------------------------------------------------------------
    # Who may act
    # ------------------------------------------------------------------
    def _symetrie_check_contractor_or_landlord(self):
        """The order's contractor (portal, within the record rules) or a work
        order user; anyone else is refused."""
        self.ensure_one()
        if not self.sudo().symetrie_is_work_order:
            raise UserError(self.env._("%(order)s is not a work order.", order=self.name))
        user = self.env.user
        if user._is_internal():
            if not user.has_group("symetrie_orders.group_orders_user"):
                raise AccessError(self.env._("Only work order users can do this."))
            return
        self.check_access("read")
        contractor = self.sudo().partner_id.commercial_partner_id
        if user.partner_id.commercial_partner_id != contractor:
            raise AccessError(self.env._("You are not allowed to act on this work order."))

    # ------------------------------------------------------------------
    # The intervention report
    # ------------------------------------------------------------------
    def _symetrie_report_can_close(self):
        self.ensure_one()
        order = self.sudo()
        return order.symetrie_step in REPORT_STEPS and not order.symetrie_report_date

    def _symetrie_check_report_open(self):
        if not self._symetrie_report_can_close():
            raise UserError(
                self.env._(
                    "The intervention report can be signed once the work is done, "
                    "and only once."
                )
            )

    def _symetrie_checked_signature(self, signature):
        """The signature as base64 bytes of a real image, or a refusal."""
        if not signature:
            raise ValidationError(self.env._("The signature is missing."))
        if isinstance(signature, str):
            signature = signature.encode()
        if signature.startswith(b"data:"):
            signature = signature.split(b",", 1)[-1]
        try:
            raw = base64.b64decode(signature, validate=True)
        except (binascii.Error, ValueError) as error:
            raise ValidationError(self.env._("The signature is not an image.")) from error
        if not raw or len(raw) > SIGNATURE_MAX_BYTES:
            raise ValidationError(self.env._("The signature is not an image."))
        try:
            with Image.open(io.BytesIO(raw)) as image:
                image.verify()
                if image.format not in ("PNG", "JPEG", "WEBP"):
                    raise ValidationError(self.env._("The signature is not an image."))
        except (OSError, SyntaxError, ValueError) as error:
            raise ValidationError(self.env._("The signature is not an image.")) from error
        return base64.b64encode(raw)

    def _symetrie_sign_report(self, signature, name):
        """The tenant signs the intervention report on the technician's phone."""
        self.ensure_one()
        self._symetrie_check_contractor_or_landlord()
        self._symetrie_check_report_open()
        name = (name or "").strip()
        if not name:
            raise ValidationError(self.env._("Give the name of the person who signs."))
        if "\x00" in name:
            # PostgreSQL stores no NUL character.
            raise ValidationError(
                self.env._("The name holds an invisible character (NUL): type it again.")
            )
        signature = self._symetrie_checked_signature(signature)
        self.sudo().write(
            {
                "symetrie_signature": signature,
                "symetrie_signed_by": name[:128],
                "symetrie_no_signature_reason": False,
                "symetrie_report_date": fields.Datetime.now(),
            }
        )
        return self._symetrie_close_report(
            self.env._("Intervention report signed by %(name)s.", name=name[:128])
        )

    def _symetrie_report_not_signed(self, reason):
        """The tenant was absent or refused to sign: the report is closed unsigned."""
        self.ensure_one()
        self._symetrie_check_contractor_or_landlord()
        self._symetrie_check_report_open()
        reasons = dict(self._fields["symetrie_no_signature_reason"]._description_selection(self.env))
        if reason not in reasons:
            raise ValidationError(
                self.env._("Say whether the tenant was absent or refused to sign.")
            )
        self.sudo().write(
            {
                "symetrie_no_signature_reason": reason,
                "symetrie_report_date": fields.Datetime.now(),
            }
        )
        return self._symetrie_close_report(
            self.env._("Intervention report not signed: %(reason)s.", reason=reasons[reason])
        )

    def _symetrie_close_report(self, note):
        """Render the report, attach it to the order and record the event."""
        attachment = self._symetrie_render_report_attachment()
        self.sudo().write({"symetrie_report_attachment_id": attachment.id})
        return self._symetrie_log_event("report_signed", note=note)

    def _symetrie_render_report_attachment(self):
        self.ensure_one()
        order = self.sudo()
        content, report_format = (
            self.env["ir.actions.report"]
            .sudo()
            .with_context(
                lang=order.partner_id.lang or self.env.lang, tz=order._symetrie_dwelling_tz()
            )
            ._render_qweb_pdf("symetrie_orders.action_report_intervention", order.ids)
        )
        extension = "pdf" if report_format == "pdf" else "html"
        return (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": self.env._(
                        "Intervention report %(order)s.%(ext)s", order=order.name, ext=extension
                    ),
                    "raw": content,
                    "mimetype": "application/pdf" if extension == "pdf" else "text/html",
                    "res_model": order._name,
                    "res_id": order.id,
                }
            )
        )

    def _symetrie_report_steps(self):
        """Every step of the order, oldest first, for the printed report."""
        self.ensure_one()
        return self.sudo().symetrie_event_ids.sorted("id")

    def _symetrie_report_photos(self):
        """The photos of the order and its steps (images only)."""
        self.ensure_one()
        order = self.sudo()
        photos = order.symetrie_photo_ids | order.symetrie_event_ids.attachment_ids
        return photos.filtered(lambda a: (a.mimetype or "").startswith("image/"))

    # ------------------------------------------------------------------
    # Extra work quotes
    # ------------------------------------------------------------------
    def _symetrie_submit_extra_work(self, description, amount, photos=None):
        """The contractor quotes work beyond the order. Small amounts are
        accepted at once, the others wait for a work order administrator."""
        self.ensure_one()
        self._symetrie_check_contractor_or_landlord()
        order = self.sudo()
        amount = self._symetrie_checked_quote_values(description, amount)
        description = description.strip()
        photos = self._symetrie_checked_attachments(photos)
        quote = (
            self.env["symetrie.extra.work"]
            .sudo()
            .create(
                {
                    "order_id": order.id,
                    "description": description[:4000],
                    "amount": amount,
                    "submitted_by_id": self.env.user.id,
                    "photo_ids": [fields.Command.set(photos.ids)] if photos else False,
                }
            )
        )
        if photos:
            photos.sudo().write({"res_model": quote._name, "res_id": quote.id})
        self._symetrie_log_event(
            "quote_submitted",
            note=f"{description[:4000]} ({quote._symetrie_amount_label()})",
        )
        if quote._symetrie_under_threshold():
            quote._symetrie_accept(automatic=True)
        return quote


    def _symetrie_checked_quote_values(self, description, amount):
        """The quote's amount as a number, or a refusal (step, text, amount)."""
        self.ensure_one()
        if self.sudo().symetrie_step not in QUOTE_STEPS:
            raise UserError(
                self.env._("Extra work can be quoted only while the work is under way.")
            )
        if not (description or "").strip():
            raise ValidationError(self.env._("Describe the extra work."))
        try:
            amount = float(amount)
        except (TypeError, ValueError) as error:
            raise ValidationError(
                self.env._("The amount of the quote is not a number.")
            ) from error
        if not 0 < amount < 10**9:
            raise ValidationError(self.env._("The amount of the quote must be above zero."))
        return amount
