# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from ..models.symetrie_order_event import SYSTEM_STEPS, TRACKING_STEPS, TRANSITIONS
from .common import WorkOrderCase

# One way to reach each step from a new order.
PATHS = {
    "draft": [],
    "sent": ["sent"],
    "accepted": ["sent", "accepted"],
    "declined": ["sent", "declined"],
    "visit_booked": ["sent", "accepted", "visit_booked"],
    "on_the_way": ["sent", "accepted", "visit_booked", "on_the_way"],
    "on_site": ["sent", "accepted", "on_site"],
    "work_done": ["sent", "accepted", "on_site", "work_done"],
    "work_accepted": ["sent", "accepted", "on_site", "work_done", "work_accepted"],
    "work_refused": ["sent", "accepted", "on_site", "work_done", "work_refused"],
    "billed": ["sent", "accepted", "on_site", "work_done", "work_accepted", "billed"],
    "paid": ["sent", "accepted", "on_site", "work_done", "work_accepted", "billed", "paid"],
    "cancelled": ["sent", "cancelled"],
}
ALL_STEPS = [key for key, _label in TRACKING_STEPS if key != "draft"]


class _Undo(Exception):
    """Raised to roll a successful step back inside a savepoint."""


@tagged("post_install", "-at_install")
class TestTransitions(WorkOrderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # No e-mail to the tenant here: this class is about the step rules.
        cls.tenant.email = False

    def _try(self, order, step):
        """Post ``step`` and undo it: (step reached, events added) or the refusal."""
        events_before = len(order.symetrie_event_ids)
        try:
            with self.env.cr.savepoint():
                self._walk(order, [step])
                raise _Undo(
                    order.symetrie_step, len(order.symetrie_event_ids) - events_before
                )
        except _Undo as done:
            return done.args
        except UserError as error:
            return str(error)
        finally:
            self.env.invalidate_all()

    def test_every_step_is_reachable(self):
        for step, path in PATHS.items():
            order = self._walk(self._make_order(), path)
            self.assertEqual(order.symetrie_step, step)
            self.assertEqual(self._steps(order), path)

    def test_each_transition_allowed_or_refused_by_the_table(self):
        checked = 0
        for current, path in PATHS.items():
            order = self._walk(self._make_order(), path)
            for target in ALL_STEPS:
                outcome = self._try(order, target)
                if target in SYSTEM_STEPS:
                    # The system's path: the step when it follows, else nothing.
                    expected = (target, 1) if target in TRANSITIONS[current] else (current, 0)
                    self.assertEqual(outcome, expected, f"{current} -> {target}")
                elif target in TRANSITIONS[current]:
                    self.assertEqual(outcome, (target, 1), f"{current} -> {target}")
                else:
                    self.assertIsInstance(outcome, str, f"{current} -> {target} allowed")
                # Refused or undone, the order is back where it was.
                self.assertEqual(order.symetrie_step, current)
                self.assertEqual(len(order.symetrie_event_ids), len(path))
                checked += 1
        self.assertEqual(checked, 13 * 12)

    def test_refusal_names_both_steps(self):
        order = self._walk(self._make_order(), ["sent"])
        with self.assertRaises(UserError) as error:
            order.with_user(self.landlord).action_symetrie_on_site()
        self.assertIn("“Sent”", str(error.exception))
        self.assertIn("“On site”", str(error.exception))

    def test_steps_that_need_a_reason(self):
        order = self._walk(self._make_order(), ["sent"])
        with self.assertRaises(UserError):
            order.with_user(self.landlord)._symetrie_decline("   ")
        self.assertEqual(order.symetrie_step, "sent")
        order.with_user(self.landlord)._symetrie_decline("Pas disponible")
        self.assertEqual(self._last_event(order).note, "Pas disponible")

    def test_visit_needs_a_sensible_slot(self):
        order = self._walk(self._make_order(), ["sent", "accepted"])
        start, end = self._slot()
        with self.assertRaises(UserError):
            order.with_user(self.landlord)._symetrie_book_visit(end, start)
        order.with_user(self.landlord)._symetrie_book_visit(
            start, end, technician=self.tech_a
        )
        self.assertEqual(order.symetrie_visit_start, start)
        self.assertEqual(order.symetrie_technician_id, self.tech_a)
        self.assertEqual(self._last_event(order).visit_end, end)

    def test_cancel_from_backend_keeps_the_reason(self):
        order = self._walk(self._make_order(), ["sent"])
        order.with_user(self.landlord)._symetrie_cancel("Doublon")
        self.assertEqual(order.state, "cancel")
        self.assertEqual(order.symetrie_step, "cancelled")
        self.assertEqual(self._last_event(order).note, "Doublon")

    def test_employee_without_orders_group_cannot_move_orders(self):
        order = self._walk(self._make_order(), ["sent"])
        with self.assertRaises(UserError):
            order.with_user(self.employee).action_symetrie_accept()
        self.assertEqual(order.symetrie_step, "sent")

    def test_billed_and_paid_only_come_from_the_system(self):
        """A landlord cannot post "billed" or "paid" by hand, even a manager
        through the step dialog: a posted bill and a reconciled payment do."""
        order = self._walk(
            self._make_order(), ["sent", "accepted", "on_site", "work_done", "work_accepted"]
        )
        for user in (self.landlord, self.manager):
            for step in ("billed", "paid"):
                with self.subTest(user=user.login, step=step):
                    with self.assertRaises(UserError) as error:
                        order.with_user(user)._symetrie_post_step(step)
                    self.assertIn("posted by the system", str(error.exception))
                    wizard = (
                        self.env["symetrie.order.step.wizard"]
                        .with_user(user)
                        .create({"order_id": order.id, "step": step})
                    )
                    with self.assertRaises(UserError):
                        wizard.action_post()
                    self.assertEqual(order.symetrie_step, "work_accepted")
        # The system posts them, in order.
        order._symetrie_post_system_step("billed")
        self.assertEqual(order.symetrie_step, "billed")
        order._symetrie_post_system_step("paid")
        self.assertEqual(self._steps(order)[-2:], ["billed", "paid"])
