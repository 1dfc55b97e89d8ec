# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import WorkOrderCase


@tagged("post_install", "-at_install")
class TestEventsAreNeverRewritten(WorkOrderCase):
    def setUp(self):
        super().setUp()
        self.order = self._walk(self._make_order(), ["sent", "accepted"])
        self.event = self._last_event(self.order)

    def test_manager_cannot_change_or_delete_an_event(self):
        event = self.event.with_user(self.manager)
        with self.assertRaises(UserError):
            event.note = "Rewritten"
        with self.assertRaises(UserError):
            event.unlink()
        self.assertTrue(self.event.exists())
        self.assertFalse(self.event.note)

    def test_even_superuser_cannot_change_or_delete_an_event(self):
        with self.assertRaises(UserError):
            self.event.sudo().write({"step": "paid"})
        with self.assertRaises(UserError):
            self.event.sudo().unlink()
        self.assertEqual(self.event.step, "accepted")

    def test_nobody_creates_events_directly(self):
        with self.assertRaises(AccessError):
            self.env["symetrie.order.event"].with_user(self.manager).create(
                {"order_id": self.order.id, "step": "paid"}
            )
        with self.assertRaises(AccessError):
            self.env["symetrie.order.event"].with_user(self.portal_a).create(
                {"order_id": self.order.id, "step": "work_done"}
            )

    @mute_logger("odoo.sql_db")
    def test_order_with_events_cannot_be_deleted(self):
        self.order.with_user(self.landlord)._symetrie_cancel("Annulé")
        with self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.order.sudo().unlink()
            self.env.flush_all()


@tagged("post_install", "-at_install")
class TestEventsBesideTheSteps(WorkOrderCase):
    """Something happens at a step without moving the order (a slot proposed,
    a missed visit): it is an event of its own kind, shown in the timelines."""

    def test_a_logged_event_keeps_the_step_and_reads_as_what_happened(self):
        order = self._walk(self._make_order(), ["sent", "accepted"])
        event = order.with_user(self.portal_a)._symetrie_log_event(
            "tenant_absent", note="Avis de passage laissé"
        )
        self.assertEqual(order.symetrie_step, "accepted")
        self.assertEqual(
            (event.kind, event.step, event.source), ("tenant_absent", "accepted", "portal")
        )
        self.assertEqual(event.author_id, self.portal_a)
        timeline = order.with_context(lang="en_US")._symetrie_tenant_timeline()
        labels = [line["label"] for line in timeline]
        self.assertEqual(labels, ["Sent", "Accepted", "Tenant absent"])
        with self.assertRaises(UserError):
            event.sudo().write({"kind": "step"})
