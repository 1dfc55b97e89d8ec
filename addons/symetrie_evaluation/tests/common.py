# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.symetrie_orders.tests.common import WorkOrderCase


class EvaluationCase(WorkOrderCase):
    """Work orders plus evaluation users, the 11 axes and the departments."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tenant.email = False
        cls.evaluator = new_test_user(
            cls.env,
            login="ev_evaluator",
            groups="symetrie_evaluation.group_evaluation_user,"
            "symetrie_orders.group_orders_user",
        )
        cls.eval_manager = new_test_user(
            cls.env,
            login="ev_manager",
            groups="symetrie_evaluation.group_evaluation_manager",
        )
        cls.axes = cls.env["symetrie.evaluation.axis"].search([])
        cls.department_local = cls.env.ref("symetrie_evaluation.department_local")
        cls.department_contracts = cls.env.ref("symetrie_evaluation.department_contracts")

    @classmethod
    def _scores(cls, *scores):
        """Score lines for the axes in order; missing scores repeat the last."""
        values = list(scores) + [scores[-1]] * (len(cls.axes) - len(scores))
        return [
            Command.create({"axis_id": axis.id, "score": score})
            for axis, score in zip(cls.axes, values, strict=True)
        ]

    @classmethod
    def _evaluate(cls, partner, *scores, user=None, submit=True, **values):
        vals = {
            "direction": "landlord_to_contractor",
            "partner_id": partner.id,
            "line_ids": cls._scores(*scores),
        }
        vals.update(values)
        Evaluation = cls.env["symetrie.evaluation"].with_user(user or cls.evaluator)
        evaluation = Evaluation.create(vals)
        if submit:
            evaluation.action_submit()
        return evaluation

    def _work_order_bill(self, order, day, term):
        """A draft vendor bill of ``order``'s first line, untaxed, dated ``day``."""
        line = order.order_line[:1]
        return self.env["account.move"].create(
            {
                "move_type": "in_invoice",
                "partner_id": order.partner_id.id,
                "invoice_date": day,
                "invoice_payment_term_id": term.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": line.product_id.id,
                            "quantity": 1,
                            "price_unit": line.price_unit,
                            "tax_ids": [],
                            "purchase_line_id": line.id,
                        }
                    )
                ],
            }
        )
