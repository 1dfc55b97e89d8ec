# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import EvaluationCase


@tagged("post_install", "-at_install")
class TestEvaluation(EvaluationCase):
    def test_new_evaluation_lists_the_eleven_axes(self):
        evaluation = (
            self.env["symetrie.evaluation"]
            .with_user(self.evaluator)
            .create({"partner_id": self.contractor_a.id})
        )
        self.assertEqual(evaluation.line_ids.axis_id, self.axes)
        self.assertEqual(evaluation.state, "draft")
        self.assertEqual(evaluation.evaluator_partner_id, self.evaluator.partner_id)

    def test_score_is_the_average_of_the_axes(self):
        # 10 axes at 4 and the last one at 1: (40 + 1) / 11 = 3.73
        evaluation = self._evaluate(self.contractor_a, *([4] * 10), 1)
        self.assertAlmostEqual(evaluation.score, 3.73, places=2)
        self.assertEqual(evaluation.state, "submitted")
        self.assertEqual(evaluation.submitted_by_id, self.evaluator)

    def test_score_outside_one_to_five_is_refused(self):
        with self.assertRaises(ValidationError):
            self._evaluate(self.contractor_a, 6, submit=False)

    def test_cannot_submit_with_an_axis_not_scored(self):
        evaluation = self._evaluate(self.contractor_a, 4, 0, submit=False)
        with self.assertRaisesRegex(UserError, "Competence"):
            evaluation.action_submit()
        self.assertEqual(evaluation.state, "draft")

    def test_submitted_evaluation_is_locked_for_everyone(self):
        evaluation = self._evaluate(self.contractor_a, 4)
        for env in (
            evaluation.with_user(self.evaluator),
            evaluation.with_user(self.eval_manager),
            evaluation.sudo(),
        ):
            with self.assertRaises(UserError):
                env.comment = "Finalement, non"
            with self.assertRaises(UserError):
                env.line_ids[0].score = 1
            with self.assertRaises(UserError):
                env.line_ids[0].unlink()
            with self.assertRaises(UserError):
                env.unlink()
            with self.assertRaises(UserError):
                env.action_submit()
        with self.assertRaises(UserError):
            self.env["symetrie.evaluation.line"].sudo().create(
                {"evaluation_id": evaluation.id, "axis_id": self.axes[0].id, "score": 1}
            )
        self.assertEqual(set(evaluation.line_ids.mapped("score")), {4})

    def test_state_is_only_set_by_submitting(self):
        evaluation = self._evaluate(self.contractor_a, 4, submit=False)
        with self.assertRaises(UserError):
            evaluation.write({"state": "submitted"})

    def test_draft_can_be_changed_and_deleted(self):
        evaluation = self._evaluate(self.contractor_a, 4, submit=False)
        evaluation.line_ids[0].score = 2
        evaluation.comment = "Bon prestataire"
        evaluation.unlink()
        self.assertFalse(evaluation.exists())

    def test_axis_with_scores_cannot_be_deleted(self):
        self._evaluate(self.contractor_a, 4)
        with self.assertRaises(UserError):
            self.axes[0].unlink()
        self.axes[0].active = False
        self.assertFalse(self.axes[0].active)

    def test_same_evaluator_rates_a_contractor_once_per_period(self):
        period = {"date_from": date(2026, 1, 1), "date_to": date(2026, 3, 31)}
        self._evaluate(self.contractor_a, 4, **period)
        with self.assertRaises(ValidationError):
            self._evaluate(self.contractor_a, 3, **period)
        # Another period, or another contractor, is fine.
        self._evaluate(self.contractor_a, 3, date_from=date(2026, 4, 1))
        self._evaluate(self.contractor_b, 3, **period)

    def test_submission_is_told_in_the_chatter(self):
        evaluation = self._evaluate(self.contractor_b, 4)
        bodies = evaluation.message_ids.mapped("body")
        self.assertTrue(any("4.00" in body for body in bodies), bodies)

    def test_tenant_rating_becomes_a_submitted_tenant_evaluation(self):
        order = self._walk(self._make_order(), ["sent", "accepted", "on_site", "work_done"])
        evaluation = self.env["symetrie.evaluation"]._symetrie_tenant_rating(
            order, 5, "Très satisfaite"
        )
        self.assertEqual(evaluation.direction, "tenant_to_intervention")
        self.assertEqual(evaluation.partner_id, self.contractor_a)
        self.assertEqual(evaluation.evaluator_partner_id, self.tenant)
        self.assertEqual(evaluation.score, 5)
        self.assertEqual(evaluation.state, "submitted")
        with self.assertRaises(ValidationError):
            self.env["symetrie.evaluation"]._symetrie_tenant_rating(order, 4)

    def test_tenant_stars_on_the_tracking_link_become_an_evaluation(self):
        order = self._walk(self._make_order(), ["sent", "accepted", "on_site", "work_done"])
        order._symetrie_tenant_rate(2, "Trace de boue dans l'entrée")
        evaluation = self.env["symetrie.evaluation"].search([("order_id", "=", order.id)])
        self.assertEqual(evaluation.direction, "tenant_to_intervention")
        self.assertEqual(evaluation.score, 2)
        self.assertEqual(evaluation.state, "submitted")
        self.assertEqual(order.symetrie_tenant_rating, 2)

    def test_tenant_rating_out_of_range_is_refused(self):
        order = self._walk(self._make_order(), ["sent"])
        with self.assertRaises(ValidationError):
            self.env["symetrie.evaluation"]._symetrie_tenant_rating(order, 7)
        self.assertFalse(
            self.env["symetrie.evaluation"].search([("order_id", "=", order.id)])
        )

    def test_employee_without_group_cannot_evaluate(self):
        with self.assertRaises(AccessError):
            self._evaluate(self.contractor_a, 4, user=self.employee)


@tagged("post_install", "-at_install")
class TestPortalEvaluationOfTheLandlord(EvaluationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Contractors are the companies sent work orders.
        (cls.contractor_a | cls.contractor_b)._symetrie_mark_contractor()

    def _rate_landlord(self, user, department=None, submit=True, **values):
        if submit and not values:
            # The portal's only way to write an evaluation.
            return self.env["symetrie.evaluation"].with_user(user)._portal_rate_landlord(
                department or self.env["symetrie.landlord.department"],
                {axis.id: 3 for axis in self.axes},
                day=date(2026, 1, 1),
            )
        if not submit:
            # A draft of the contractor's company, as the server would write it.
            return self._evaluate(
                self.env["res.partner"],
                3,
                user=self.env.user,
                submit=False,
                direction="contractor_to_landlord",
                partner_id=self.company.partner_id.id,
                evaluator_partner_id=user.partner_id.commercial_partner_id.id,
                department_id=department and department.id,
                date_from=date(2026, 1, 1),
                date_to=date(2026, 3, 31),
                **values,
            )
        # Forged values, sent by RPC as the portal user.
        return self._evaluate(
            self.env["res.partner"],
            3,
            user=user,
            submit=submit,
            direction="contractor_to_landlord",
            partner_id=False,
            department_id=department and department.id,
            date_from=date(2026, 1, 1),
            date_to=date(2026, 3, 31),
            **values,
        )

    def test_contractor_rates_a_department_of_the_landlord(self):
        evaluation = self._rate_landlord(self.portal_a, self.department_local)
        self.assertEqual(evaluation.evaluator_partner_id, self.contractor_a)
        self.assertEqual(evaluation.partner_id, self.company.partner_id)
        self.assertEqual(evaluation.state, "submitted")
        self.assertEqual(evaluation.score, 3)
        Evaluation = self.env["symetrie.evaluation"].with_user(self.portal_a)
        self.assertEqual(Evaluation.search([]), evaluation)

    def test_contractor_cannot_rate_twice_the_same_department_and_period(self):
        self._rate_landlord(self.portal_a, self.department_local)
        with self.assertRaises(ValidationError):
            self._rate_landlord(self.portal_a, self.department_local)
        # Another department of the same period is another evaluation.
        self._rate_landlord(self.portal_a, self.department_contracts)

    def test_contractor_cannot_rate_for_another_company(self):
        with self.assertRaises(AccessError):
            self._rate_landlord(
                self.portal_a,
                self.department_local,
                evaluator_partner_id=self.contractor_b.id,
            )
        draft = self._rate_landlord(self.portal_a, self.department_local, submit=False)
        with self.assertRaises(AccessError):
            draft.with_user(self.portal_a).evaluator_partner_id = self.contractor_b

    def test_contractor_cannot_rate_a_contractor_on_the_portal(self):
        with self.assertRaises(AccessError):
            self._evaluate(self.contractor_b, 1, user=self.portal_a)

    def test_contractor_b_cannot_read_or_submit_contractor_a_evaluation(self):
        draft = self._rate_landlord(self.portal_a, self.department_local, submit=False)
        as_b = draft.with_user(self.portal_b)
        with self.assertRaises(AccessError):
            as_b.read(["comment"])
        with self.assertRaises(AccessError):
            as_b.action_submit()
        with self.assertRaises(AccessError):
            as_b.line_ids.read(["score"])
        self.assertEqual(draft.state, "draft")
        self.assertFalse(self.env["symetrie.evaluation"].with_user(self.portal_b).search([]))

    def test_contractor_cannot_change_its_submitted_evaluation(self):
        evaluation = self._rate_landlord(self.portal_a, self.department_local)
        with self.assertRaises(UserError):
            evaluation.with_user(self.portal_a).comment = "Changement"
        with self.assertRaises(AccessError):
            evaluation.with_user(self.portal_a).unlink()

    def test_department_only_on_an_evaluation_of_the_landlord(self):
        with self.assertRaises(ValidationError):
            self._evaluate(
                self.contractor_a, 4, department_id=self.department_local.id
            )
