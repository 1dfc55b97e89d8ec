# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

from PIL import Image

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import WorkOrderCase


def signature_png():
    image = Image.new("RGB", (200, 80), "white")
    for x in range(20, 180):
        image.putpixel((x, 40 + (x % 17)), (0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue())


@tagged("post_install", "-at_install")
class TestInterventionReport(WorkOrderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._make_order(price=43217.89)
        cls.order.with_user(cls.landlord).action_symetrie_send()
        for step in ("accepted", "on_site"):
            cls.order.with_user(cls.portal_a)._symetrie_post_step(step)
        cls.order.with_user(cls.portal_a)._symetrie_work_done("Joint du siphon changé")

    def test_tenant_signs_and_the_report_is_attached_without_price(self):
        self.order.with_user(self.portal_a)._symetrie_sign_report(
            signature_png(), " Nadia Locataire "
        )
        order = self.order
        self.assertEqual(order.symetrie_signed_by, "Nadia Locataire")
        self.assertTrue(order.symetrie_report_date)
        self.assertTrue(order.symetrie_signature)
        event = self._last_event(order)
        self.assertEqual((event.kind, event.step), ("report_signed", "work_done"))
        attachment = order.symetrie_report_attachment_id
        self.assertEqual((attachment.res_model, attachment.res_id), (order._name, order.id))
        # Tests render the report as HTML (Odoo's test mode): the same template.
        content = attachment.raw.decode()
        self.assertIn("Nadia Locataire", content)
        self.assertIn("Joint du siphon changé", content)
        self.assertIn(order.name, content)
        for price in ("43217", "43 217", "43,217", "43\u202f217", "43\xa0217"):
            self.assertNotIn(price, content)
        with self.assertRaises(UserError):
            order.with_user(self.portal_a)._symetrie_sign_report(signature_png(), "Encore")

    def test_absent_tenant_closes_the_report_unsigned(self):
        self.order.with_user(self.portal_a)._symetrie_report_not_signed("absent")
        self.assertEqual(self.order.symetrie_no_signature_reason, "absent")
        self.assertFalse(self.order.symetrie_signature)
        self.assertTrue(self.order.symetrie_report_attachment_id)
        self.assertIn("absent", self._last_event(self.order).note.lower())

    def test_bad_signatures_are_refused_and_nothing_written(self):
        events = len(self.order.symetrie_event_ids)
        not_images = (
            None,
            "",
            "not base64 at all!",
            base64.b64encode(b"%PDF-1.4 not an image"),
            base64.b64encode(b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        )
        for signature in not_images:
            with self.subTest(signature=signature), self.assertRaises(ValidationError):
                self.order.with_user(self.portal_a)._symetrie_sign_report(signature, "Nadia")
        with self.assertRaises(ValidationError):
            self.order.with_user(self.portal_a)._symetrie_sign_report(signature_png(), " ")
        with self.assertRaises(ValidationError):
            self.order.with_user(self.portal_a)._symetrie_report_not_signed("bored")
        self.assertFalse(self.order.symetrie_report_date)
        self.assertFalse(self.order.symetrie_signature)
        self.assertFalse(self.order.symetrie_report_attachment_id)
        self.assertEqual(len(self.order.symetrie_event_ids), events)

    def test_only_the_contractor_or_a_work_order_user_closes_the_report(self):
        for user in (self.portal_b, self.employee):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.order.with_user(user)._symetrie_sign_report(signature_png(), "X")
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.order.with_user(user)._symetrie_report_not_signed("refused")
        self.assertFalse(self.order.symetrie_report_date)

    def test_no_report_before_the_work_is_done(self):
        order = self._make_order()
        order.with_user(self.landlord).action_symetrie_send()
        with self.assertRaises(UserError):
            order.with_user(self.portal_a)._symetrie_sign_report(signature_png(), "Nadia")

    def test_work_order_pdf_has_what_the_technician_needs_and_no_price(self):
        content, _format = self.env["ir.actions.report"]._render_qweb_pdf(
            "symetrie_orders.action_report_work_order", self.order.ids
        )
        content = content.decode()
        self.assertIn("Digicode 1234", content)
        self.assertIn("Fuite sous l", content)
        for price in ("43217", "43 217", "43,217", "43\u202f217", "43\xa0217"):
            self.assertNotIn(price, content)
