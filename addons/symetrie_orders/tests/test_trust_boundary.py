# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import uuid

import psycopg2

from odoo import api, fields
from odoo.exceptions import AccessError, UserError
from odoo.sql_db import db_connect
from odoo.tests import HttpCase, JsonRpcException, new_test_user, tagged
from odoo.tools import mute_logger

from .common import WorkOrderCase
from .test_bills import BillCase


@tagged("post_install", "-at_install")
class TestTenantMailNotReadByContractor(WorkOrderCase):
    """The tenant's e-mails carry the private tracking link: nobody but the
    tenant receives it, the contractor reading the order's messages included."""

    def test_contractor_reads_no_tenant_mail_nor_token(self):
        order = self._walk(self._make_order(), ["sent", "accepted", "visit_booked"])
        token = order.sudo().symetrie_tracking_token
        logged = self.env["mail.message"].sudo().search(
            [("model", "=", "purchase.order"), ("res_id", "=", order.id)]
        )
        self.assertTrue(
            any(token in (m.body or "") for m in logged), "the tenant's mail is logged"
        )
        Message = self.env["mail.message"].with_user(self.portal_a)
        visible = Message.search(
            [("model", "=", "purchase.order"), ("res_id", "=", order.id)]
        )
        for values in visible.read(["body", "subject"]):
            self.assertNotIn(token, values["body"] or "")
        tenant_mails = logged.filtered(lambda m: token in (m.body or ""))
        with self.assertRaises(AccessError):
            tenant_mails.with_user(self.portal_a).read(["body"])
        thread = order.with_user(self.portal_a).message_ids
        self.assertTrue(thread, "the contractor still reads the order's thread")
        self.assertFalse(thread & tenant_mails)


@tagged("post_install", "-at_install")
class TestOrdersNotSentYet(WorkOrderCase):
    """A work order is the contractor's once it was sent: a draft (which the
    landlord may still change or give to another contractor) and an order
    cancelled before it was sent stay hidden, with their lines and events."""

    def test_contractor_reads_no_order_before_it_is_sent(self):
        draft = self._make_order(price=4321.0)
        cancelled = self._walk(self._make_order(price=5432.0), ["cancelled"])
        sent = self._walk(self._make_order(price=6543.0), ["sent"])
        orders = draft | cancelled | sent
        records_of = {
            "purchase.order": orders,
            "purchase.order.line": orders.order_line,
            "symetrie.order.event": orders.symetrie_event_ids,
        }
        for model, records in records_of.items():
            with self.subTest(model=model):
                visible = self.env[model].with_user(self.portal_a).search(
                    [("id", "in", records.ids)]
                )
                of_orders = visible if model == "purchase.order" else visible.order_id
                self.assertEqual(of_orders, sent, "only the sent order's records")
                hidden = (records - visible).with_user(self.portal_a)
                self.assertTrue(hidden)
                with self.assertRaises(AccessError):
                    hidden.read(["display_name"])
        # Once sent, the draft is the contractor's.
        self._walk(draft, ["sent"])
        values = draft.with_user(self.portal_a).read(["amount_untaxed"])
        self.assertEqual(values[0]["amount_untaxed"], 4321.0)


@tagged("post_install", "-at_install")
class TestPurchaseVendorLinks(WorkOrderCase, HttpCase):
    """Odoo's /my/purchase page lets a vendor acknowledge or decline an order
    (the decline asks the buyer, by an activity, to cancel it) and move its
    dates. A work order is declined with a reason that counts on the
    scorecard, and dated by booking the visit: purchase's links change
    nothing on it. A plain purchase order keeps them."""

    def _plain_order(self):
        order = self._make_plain_order()
        order.button_confirm()
        return order

    def test_acknowledge_and_decline_links_leave_a_work_order_alone(self):
        work_order = self._walk(self._make_order(), ["sent"])
        plain = self._plain_order()
        self.assertEqual(work_order.state, plain.state)
        before = {order: (order.message_ids, order.activity_ids) for order in work_order | plain}
        self.authenticate(self.portal_a.login, self.portal_a.login)
        for order in work_order | plain:
            for confirm in ("reminder", "reception", "decline"):
                response = self.url_open(f"/my/purchase/{order.id}?confirm={confirm}")
                self.assertEqual(response.status_code, 200)
        (work_order | plain).invalidate_recordset()
        messages, activities = before[plain]
        self.assertTrue(plain.message_ids - messages, "purchase's links work on a plain order")
        self.assertTrue(plain.activity_ids - activities, "the decline asks to cancel it")
        messages, activities = before[work_order]
        self.assertEqual(work_order.message_ids, messages)
        self.assertEqual(work_order.activity_ids, activities)
        self.assertEqual(work_order.symetrie_step, "sent")

    def test_update_dates_link_is_refused_on_a_work_order(self):
        work_order = self._walk(self._make_order(), ["sent"])
        plain = self._plain_order()
        self.authenticate(self.portal_a.login, self.portal_a.login)
        line = plain.order_line
        self.make_jsonrpc_request(
            f"/my/purchase/{plain.id}/update", {str(line.id): "2031-03-14"}
        )
        line.invalidate_recordset()
        self.assertEqual(line.date_planned.date(), fields.Date.to_date("2031-03-14"))
        line = work_order.order_line
        planned = line.date_planned
        activities = work_order.activity_ids
        with self.assertRaisesRegex(JsonRpcException, "UserError"):
            self.make_jsonrpc_request(
                f"/my/purchase/{work_order.id}/update", {str(line.id): "2031-03-14"}
            )
        self.env.invalidate_all()
        self.assertEqual(line.date_planned, planned)
        self.assertEqual(work_order.activity_ids, activities)


@tagged("post_install", "-at_install")
class TestHoldRights(BillCase):
    """Holds are placed and released by accounting users only (order managers
    for "work not accepted"), whatever calls the method."""

    def setUp(self):
        super().setUp()
        order = self._walk(
            self._order(), ["sent", "accepted", "on_site", "work_done", "work_accepted"]
        )
        self.bill = self._bill(order)
        self.bill._symetrie_hold("missing_document", note="Kbis")
        self.staff = new_test_user(
            self.env, login="wo_staff_no_accounting",
            groups="symetrie_orders.group_orders_manager",
        )

    def test_portal_user_cannot_release_by_rpc(self):
        with self.assertRaises(AccessError):
            self.bill.with_user(self.portal_a).action_symetrie_release()
        self.assertTrue(self.bill.symetrie_is_held)

    def test_landlord_staff_without_accounting_cannot_release_nor_hold(self):
        for user in (self.landlord, self.staff):
            with self.assertRaises(AccessError):
                self.bill.with_user(user).action_symetrie_release()
            self.assertTrue(self.bill.symetrie_is_held)
        with self.assertRaises(AccessError):
            self.env["symetrie.bill.hold.wizard"].sudo().create(
                {"move_id": self.bill.id, "reason": "dispute", "note": "x"}
            ).with_user(self.landlord).action_hold()
        self.assertEqual(self.bill.symetrie_hold_reason, "missing_document")

    def test_accountant_releases(self):
        self.bill.with_user(self.accountant).action_symetrie_release()
        self.assertFalse(self.bill.symetrie_is_held)


@tagged("post_install", "-at_install")
class TestImmutableRecords(BillCase):
    def test_released_hold_is_never_deleted_nor_lost_with_its_bill(self):
        order = self._walk(
            self._order(), ["sent", "accepted", "on_site", "work_done", "work_accepted"]
        )
        bill = self._bill(order)
        bill._symetrie_hold("missing_document", note="Kbis")
        bill.with_user(self.accountant).action_symetrie_release()
        hold = bill.symetrie_hold_ids
        bill.button_draft()
        with self.assertRaises(UserError):
            hold.sudo().unlink()
        with self.assertRaises(UserError):
            hold.sudo().write({"released_on": False})
        self.assertTrue(hold.exists())
        self.assertEqual(self.env["symetrie.bill.hold"]._fields["move_id"].ondelete, "restrict")

    def test_events_refuse_write_and_unlink_for_everybody(self):
        order = self._walk(self._order(), ["sent"])
        event = order.symetrie_event_ids
        for record in (event.with_user(self.landlord), event.sudo()):
            with self.assertRaises(UserError):
                record.write({"note": "réécrit"})
        with self.assertRaises(AccessError):
            event.with_user(self.landlord).unlink()
        with self.assertRaises(UserError):
            event.sudo().unlink()
        self.assertTrue(event.exists())
        self.assertEqual(self.env["symetrie.order.event"]._fields["order_id"].ondelete, "restrict")


@tagged("post_install", "-at_install")
class TestReassignAfterDecline(WorkOrderCase):
    """Declined, then given to another contractor: the first one no longer
    follows, reads nor receives the order; sending again checks completeness."""

    def _declined(self):
        order = self._walk(self._make_order(), ["sent", "declined"])
        order.message_subscribe(partner_ids=self.portal_a.partner_id.ids)
        return order

    def test_previous_contractor_loses_followers_access_and_mail(self):
        order = self._declined()
        order.with_user(self.landlord).write({"partner_id": self.contractor_b.id})
        first = self.contractor_a | self.contractor_a.child_ids
        self.assertFalse(order.message_partner_ids & first)
        self._walk(order, ["sent"])
        self.assertFalse(order.message_partner_ids & first)
        with self.assertRaises(AccessError):
            order.with_user(self.portal_a).read(["symetrie_access_instructions"])
        resent = order.message_ids.sorted("id")[-1:]
        self.assertFalse(resent.notification_ids.res_partner_id & first)
        self.assertFalse(resent.partner_ids & first)

    def test_new_contractor_reads_nothing_until_sent_again(self):
        order = self._declined()
        order.with_user(self.landlord).write({"partner_id": self.contractor_b.id})
        as_b = order.with_user(self.portal_b)
        with self.assertRaises(AccessError):
            as_b.read(["symetrie_access_instructions"])
        for model, records in (
            ("purchase.order.line", order.order_line),
            ("symetrie.order.event", order.symetrie_event_ids),
        ):
            with self.subTest(model=model):
                self.assertTrue(records)
                self.assertFalse(
                    self.env[model].with_user(self.portal_b).search([("id", "in", records.ids)])
                )
        # The form no longer shows the first contractor's sending date.
        self.assertFalse(order.symetrie_sent_date)
        self._walk(order, ["sent"])
        self.assertTrue(as_b.read(["symetrie_access_instructions"]))
        self.assertTrue(order.symetrie_sent_date)

    def test_sending_again_checks_completeness(self):
        order = self._declined()
        order.with_user(self.landlord).write(
            {"partner_id": self.contractor_b.id, "symetrie_deadline": False}
        )
        with self.assertRaisesRegex(UserError, "deadline"):
            order.with_user(self.landlord).action_symetrie_send()
        self.assertEqual(order.symetrie_step, "declined")

    def test_contractor_not_changed_once_accepted(self):
        order = self._walk(self._make_order(), ["sent", "accepted"])
        with self.assertRaises(UserError):
            order.with_user(self.landlord).write({"partner_id": self.contractor_b.id})
        self.assertEqual(order.partner_id, self.contractor_a)


@tagged("post_install", "-at_install")
class TestStepApi(WorkOrderCase):
    """The step moves only through the step API; public methods take no
    argument the server should own; the wizard takes only fresh photos."""

    def test_landlord_cannot_write_the_step_directly(self):
        order = self._walk(self._make_order(), ["sent"])
        for record in (order.with_user(self.landlord), order.sudo()):
            with self.assertRaises(UserError):
                record.write({"symetrie_step": "paid"})
        self.assertEqual(order.symetrie_step, "sent")
        self.assertEqual(self._steps(order), ["sent"])

    def test_public_methods_take_no_forged_source(self):
        order = self._walk(self._make_order(), ["sent"])
        with self.assertRaises(TypeError):
            order.with_user(self.portal_a).action_symetrie_accept(source="backend")
        order.with_user(self.portal_a).action_symetrie_accept()
        self.assertEqual(self._last_event(order).source, "portal")
        self.assertFalse(hasattr(type(order), "action_symetrie_decline"))
        self.assertFalse(hasattr(type(order), "action_symetrie_book_visit"))

    def test_wizard_refuses_attachments_of_other_records(self):
        order = self._walk(self._make_order(), ["sent", "accepted", "on_site"])
        Attachment = self.env["ir.attachment"]
        foreign = Attachment.create(
            {"name": "kbis.pdf", "raw": b"x", "res_model": "res.partner",
             "res_id": self.contractor_b.id}
        )
        other_order = self._make_order(partner=self.contractor_b)
        on_other_order = Attachment.create(
            {"name": "autre.png", "raw": b"x", "res_model": "purchase.order",
             "res_id": other_order.id}
        )
        for attachment in (foreign, on_other_order):
            wizard = self.env["symetrie.order.step.wizard"].with_user(self.landlord).create(
                {"order_id": order.id, "step": "work_done", "note": "Fait",
                 "attachment_ids": [(6, 0, attachment.ids)]}
            )
            with self.assertRaises(UserError):
                wizard.action_post()
            self.assertEqual(order.symetrie_step, "on_site")
        self.assertEqual((foreign.res_model, foreign.res_id), ("res.partner", self.contractor_b.id))
        self.assertEqual(on_other_order.res_id, other_order.id)
        fresh = Attachment.with_user(self.landlord).create(
            {"name": "photo.png", "raw": b"x", "res_model": "symetrie.order.step.wizard"}
        )
        wizard = self.env["symetrie.order.step.wizard"].with_user(self.landlord).create(
            {"order_id": order.id, "step": "work_done", "note": "Fait",
             "attachment_ids": [(6, 0, fresh.ids)]}
        )
        wizard.action_post()
        self.assertEqual((fresh.res_model, fresh.res_id), ("purchase.order", order.id))


@tagged("post_install", "-at_install")
class TestSameStepTwice(WorkOrderCase):
    """The same portal step sent twice at the same time (two cursors, real
    transactions): one lands; the other's transaction cannot commit, and once
    retried (as Odoo retries a request after a serialization failure) it is
    refused with a clear message. One event only. Committed data, cleaned up."""

    def test_two_simultaneous_acceptances(self):
        dbname = self.env.cr.dbname
        with db_connect(dbname).cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {"tracking_disable": True})
            company = env["res.partner"].create({"name": "Course SARL", "is_company": True})
            user = env["res.users"].create(
                {
                    "login": f"wo_two_cursors_{uuid.uuid4().hex[:8]}",
                    "name": "Deux Clics",
                    "lang": "en_US",
                    "groups_id": [(6, 0, [env.ref("base.group_portal").id])],
                    "parent_id": company.id,
                }
            )
            tenant = env["res.partner"].create({"name": "Locataire Course", "mobile": "0600"})
            dwelling = env["symetrie.dwelling"].create(
                {"name": "COURSE-1", "street": "1 rue", "zip": "69001", "city": "Lyon",
                 "floor": "1", "door": "A", "access_instructions": "Clé", "tenant_id": tenant.id}
            )
            # Its own product: confirming adds the vendor to the product, a row
            # the test's own transaction may hold (languages loaded in setUp).
            product = env.ref("symetrie_orders.product_work_order_intervention").copy(
                {"name": "Intervention course"}
            )
            order = env["purchase.order"].create(
                {
                    "symetrie_is_work_order": True,
                    "partner_id": company.id,
                    "symetrie_dwelling_id": dwelling.id,
                    "symetrie_trade_id": env.ref("symetrie_orders.trade_plumbing").id,
                    "symetrie_description": "Fuite",
                    "order_line": [
                        (0, 0, {"product_id": product.id, "name": "Intervention",
                                "product_qty": 1, "price_unit": 10.0})
                    ],
                }
            )
            order.action_symetrie_send()
            ids = {"user": user.id, "order": order.id, "partners": (company | tenant).ids,
                   "dwelling": dwelling.id, "product": product.id}
        try:
            second = db_connect(dbname).cursor()
            try:
                env2 = api.Environment(second, ids["user"], {})
                order2 = env2["purchase.order"].browse(ids["order"])
                self.assertEqual(order2.symetrie_step, "sent")
                with db_connect(dbname).cursor() as first:
                    env1 = api.Environment(first, ids["user"], {})
                    env1["purchase.order"].browse(ids["order"]).action_symetrie_accept()
                with self.assertRaises(psycopg2.errors.SerializationFailure), mute_logger(
                    "odoo.sql_db"
                ):
                    order2.action_symetrie_accept()
                    env2.flush_all()
                second.rollback()
                env2.invalidate_all()
                with self.assertRaisesRegex(UserError, "cannot follow"):
                    order2.action_symetrie_accept()
                second.rollback()
            finally:
                second.close()
            with db_connect(dbname).cursor() as cr:
                cr.execute(
                    "SELECT step FROM symetrie_order_event WHERE order_id = %s ORDER BY id",
                    (ids["order"],),
                )
                self.assertEqual([row[0] for row in cr.fetchall()], ["sent", "accepted"])
        finally:
            with db_connect(dbname).cursor() as cr:
                for query in (
                    "DELETE FROM symetrie_order_event WHERE order_id = %(order)s",
                    "DELETE FROM mail_message WHERE model = 'purchase.order' AND res_id = %(order)s",
                    "DELETE FROM mail_followers WHERE res_model = 'purchase.order' "
                    "AND res_id = %(order)s",
                    "DELETE FROM mail_activity WHERE res_model = 'purchase.order' "
                    "AND res_id = %(order)s",
                    "DELETE FROM purchase_order WHERE id = %(order)s",
                ):
                    cr.execute(query, ids)
                env = api.Environment(cr, api.SUPERUSER_ID, {})
                env["res.users"].browse(ids["user"]).unlink()
                env["symetrie.dwelling"].browse(ids["dwelling"]).unlink()
                env["product.product"].browse(ids["product"]).unlink()
                env["res.partner"].browse(ids["partners"]).exists().unlink()
