# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import uuid
from datetime import date

from odoo import api
from odoo.exceptions import AccessError, ValidationError
from odoo.sql_db import db_connect
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import EvaluationCase


@tagged("post_install", "-at_install")
class TestEvaluationTrust(EvaluationCase):
    """Portal users write evaluations only through the model method that sets
    what the server owns; a builder's client is no contractor."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._walk_sent(cls._make_order())
        cls.client = new_test_user(
            cls.env,
            login="ev_builder_client",
            groups="base.group_portal",
            partner_id=cls.env["res.partner"].create({"name": "Famille Client"}).id,
        )
        cls.scores = {axis.id: 4 for axis in cls.axes}

    @classmethod
    def _walk_sent(cls, order):
        order.with_user(cls.landlord).action_symetrie_send()

    def _rate(self, user, department=None, **kw):
        Evaluation = self.env["symetrie.evaluation"].with_user(user)
        return Evaluation._portal_rate_landlord(
            department or self.department_local, self.scores, **kw
        )

    def test_contractor_is_derived_from_data(self):
        self.assertTrue(self.contractor_a.symetrie_is_contractor)
        self.assertFalse(self.client.partner_id.commercial_partner_id.symetrie_is_contractor)

    def test_portal_gets_no_create_nor_write_on_evaluations(self):
        Evaluation = self.env["symetrie.evaluation"].with_user(self.portal_a)
        with self.assertRaises(AccessError):
            Evaluation.create(
                {
                    "direction": "contractor_to_landlord",
                    "partner_id": self.contractor_b.id,
                    "overall_rating": 5,
                    "line_ids": [],
                }
            )
        draft = self.env["symetrie.evaluation"].create(
            {
                "direction": "contractor_to_landlord",
                "partner_id": self.env.company.partner_id.id,
                "evaluator_partner_id": self.contractor_a.id,
            }
        )
        with self.assertRaises(AccessError):
            draft.with_user(self.portal_a).write({"comment": "forged"})
        with self.assertRaises(AccessError):
            draft.with_user(self.portal_a).line_ids[:1].write({"score": 1})
        self.assertFalse(draft.comment)

    def test_the_server_sets_evaluator_landlord_period_and_state(self):
        evaluation = self._rate(self.portal_a, day=date(2026, 5, 10))
        self.assertEqual(evaluation.evaluator_partner_id, self.contractor_a)
        self.assertEqual(evaluation.partner_id, self.env.company.partner_id)
        self.assertEqual(
            (evaluation.date_from, evaluation.date_to), (date(2026, 4, 1), date(2026, 6, 30))
        )
        self.assertEqual(evaluation.state, "submitted")
        self.assertEqual(evaluation.submitted_by_id, self.portal_a)

    def test_builders_client_cannot_rate_the_landlord_nor_read_its_scorecard(self):
        with self.assertRaises(AccessError):
            self._rate(self.client)
        card = (
            self.env["symetrie.scorecard"]
            .sudo()
            .create(
                {
                    "partner_id": self.env.company.partner_id.id,
                    "role": "landlord",
                    "company_id": self.env.company.id,
                    "currency_id": self.env.company.currency_id.id,
                    "period_type": "quarter",
                    "date_from": date(2026, 1, 1),
                    "date_to": date(2026, 3, 31),
                }
            )
        )
        self.assertFalse(self.env["symetrie.scorecard"].with_user(self.client).search([]))
        with self.assertRaises(AccessError):
            card.with_user(self.client).read(["held_amount"])
        self.assertIn(card, self.env["symetrie.scorecard"].with_user(self.portal_a).search([]))

    def test_once_per_period_is_a_unique_index(self):
        self.env.cr.execute(
            "SELECT 1 FROM pg_indexes WHERE indexname = %s",
            ("symetrie_evaluation_once_per_period_uniq",),
        )
        self.assertTrue(self.env.cr.fetchone())


@tagged("post_install", "-at_install")
class TestEvaluationTwoCursors(EvaluationCase):
    """Two submissions of the same period at the same time: each transaction
    checks before the other commits, one lands, the other gets a clear message.
    Real cursors (committed data), cleaned up after."""

    def test_two_simultaneous_ratings_of_the_landlord(self):
        dbname = self.env.cr.dbname
        department = self.department_local.id
        with db_connect(dbname).cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            company = env["res.partner"].create(
                {"name": "Concurrence SARL", "is_company": True}
            )
            company.symetrie_is_contractor = True
            user = env["res.users"].create(
                {
                    "login": f"ev_two_cursors_{uuid.uuid4().hex[:8]}",
                    "name": "Deux Curseurs",
                    "lang": "en_US",
                    "groups_id": [(6, 0, [env.ref("base.group_portal").id])],
                    "parent_id": company.id,
                }
            )
            uid, company_id = user.id, company.id
            # Committed when the block ends: the other cursors see them.
        try:
            scores = {axis.id: 3 for axis in self.axes}
            second = db_connect(dbname).cursor()
            try:
                env2 = api.Environment(second, uid, {})
                # The second transaction starts (and sees no rating) first.
                self.assertFalse(
                    env2["symetrie.evaluation"].search_count(
                        [("evaluator_partner_id", "=", company_id)]
                    )
                )
                # The first one rates and commits (at the end of its block).
                with db_connect(dbname).cursor() as first:
                    env1 = api.Environment(first, uid, {})
                    dept1 = env1["symetrie.landlord.department"].browse(department)
                    env1["symetrie.evaluation"]._portal_rate_landlord(dept1, scores)
                dept2 = env2["symetrie.landlord.department"].browse(department)
                with self.assertRaises(ValidationError) as refused, mute_logger("odoo.sql_db"):
                    env2["symetrie.evaluation"]._portal_rate_landlord(dept2, scores)
                self.assertIn("already rated this partner", str(refused.exception))
                second.rollback()
            finally:
                second.close()
            with db_connect(dbname).cursor() as cr:
                cr.execute(
                    "SELECT count(*) FROM symetrie_evaluation WHERE evaluator_partner_id = %s",
                    (company_id,),
                )
                self.assertEqual(cr.fetchone()[0], 1)
        finally:
            with db_connect(dbname).cursor() as cr:
                cr.execute(
                    "DELETE FROM symetrie_evaluation WHERE evaluator_partner_id = %s",
                    (company_id,),
                )
                cr.execute(
                    "DELETE FROM mail_message WHERE model = 'symetrie.evaluation' "
                    "AND create_uid = %s",
                    (uid,),
                )
                env = api.Environment(cr, api.SUPERUSER_ID, {})
                user = env["res.users"].browse(uid)
                partners = user.partner_id | user.partner_id.parent_id
                user.unlink()
                partners.unlink()
