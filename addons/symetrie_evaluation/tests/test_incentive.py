# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import EvaluationCase


@tagged("post_install", "-at_install")
class TestIncentive(EvaluationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.eval_manager.groups_id |= cls.env.ref("account.group_account_invoice")
        Rule = cls.env["symetrie.incentive.rule"]
        Rule.search([]).active = False  # the demo rules, if any
        cls.bonus = Rule.create(
            {"name": "Bonus A", "band": "A", "kind": "bonus", "percent": 2, "cap_amount": 500}
        )
        cls.penalty = Rule.create(
            {"name": "Pénalité E", "band": "E", "kind": "penalty", "percent": 5}
        )
        Scorecard = cls.env["symetrie.scorecard"]
        common = {
            "role": "contractor",
            "company_id": cls.company.id,
            "currency_id": cls.company.currency_id.id,
            "period_type": "quarter",
            "date_from": date(2020, 1, 1),
            "date_to": date(2020, 3, 31),
            "state": "closed",
            "enough_data": True,
        }
        cls.card_a = Scorecard.create(
            dict(common, partner_id=cls.contractor_a.id, band="A", score=90,
                 billed_amount=40000.0)
        )
        cls.card_b = Scorecard.create(
            dict(common, partner_id=cls.contractor_b.id, band="E", score=20,
                 billed_amount=3000.0)
        )
        cls.cards = cls.card_a | cls.card_b

    def _propose(self):
        self.cards.with_user(self.eval_manager).action_propose_incentives()
        return self.cards.incentive_proposal_ids

    def test_band_gives_a_capped_bonus_or_a_penalty_proposal(self):
        proposals = self._propose()
        bonus = proposals.filtered(lambda p: p.partner_id == self.contractor_a)
        penalty = proposals.filtered(lambda p: p.partner_id == self.contractor_b)
        # 2% of 40,000 = 800, capped at 500.
        self.assertEqual((bonus.kind, bonus.amount, bonus.state), ("bonus", 500.0, "proposed"))
        # 5% of 3,000 = 150.
        self.assertEqual((penalty.kind, penalty.amount), ("penalty", 150.0))
        self.assertFalse(proposals.move_id)

    def test_nothing_applied_before_approval_and_proposed_once(self):
        proposals = self._propose()
        self.assertEqual(len(self._propose()), 2)
        self.assertEqual(self.cards.incentive_proposal_ids, proposals)

    def test_approval_creates_a_draft_bill_or_credit_note(self):
        proposals = self._propose().with_user(self.eval_manager)
        proposals.action_approve()
        bonus = proposals.filtered(lambda p: p.kind == "bonus")
        penalty = proposals - bonus
        self.assertEqual(bonus.move_id.move_type, "in_invoice")
        self.assertEqual(penalty.move_id.move_type, "in_refund")
        self.assertEqual(set(proposals.move_id.mapped("state")), {"draft"})
        self.assertEqual(bonus.move_id.amount_untaxed, 500.0)
        self.assertEqual(penalty.move_id.partner_id, self.contractor_b)
        self.assertEqual(bonus.decided_by_id, self.eval_manager)

    def test_a_proposal_is_never_applied_twice(self):
        proposal = self._propose()[:1].with_user(self.eval_manager)
        proposal.action_approve()
        with self.assertRaises(UserError):
            proposal.action_approve()
        with self.assertRaises(UserError):
            proposal.action_reject()
        moves = self.env["account.move"].search([("partner_id", "=", proposal.partner_id.id)])
        self.assertEqual(moves, proposal.move_id)

    def test_rejected_proposal_creates_nothing(self):
        proposal = self._propose()[:1].with_user(self.eval_manager)
        proposal.action_reject()
        self.assertEqual(proposal.state, "rejected")
        with self.assertRaises(UserError):
            proposal.action_approve()
        self.assertFalse(proposal.move_id)

    def test_evaluation_user_cannot_approve_nor_change_the_amount(self):
        proposal = self._propose()[:1]
        with self.assertRaises(AccessError):
            proposal.with_user(self.evaluator).action_approve()
        with self.assertRaises(UserError):
            proposal.with_user(self.eval_manager).amount = 10000
        self.assertEqual(proposal.state, "proposed")

    def test_scorecard_with_a_proposal_is_frozen(self):
        self._propose()
        self.env["symetrie.scorecard"]._symetrie_recompute("quarter", date(2020, 2, 1))
        self.assertTrue(self.card_a.exists())
        self.assertEqual(self.card_a.score, 90)

    def test_one_rule_per_band(self):
        with self.assertRaises(ValidationError):
            self.env["symetrie.incentive.rule"].create(
                {"name": "Autre", "band": "A", "kind": "bonus", "percent": 1}
            )

    def test_open_period_gets_no_proposal(self):
        card = self.card_a.with_context(symetrie_scorecard_closing=True)
        card.state = "open"
        with self.assertRaises(UserError):
            self.card_a.with_user(self.eval_manager).action_propose_incentives()
        self.assertFalse(self.card_a.incentive_proposal_ids)

    def test_not_enough_data_gets_no_proposal(self):
        self.card_a.with_context(symetrie_scorecard_closing=True).enough_data = False
        proposals = self._propose()
        self.assertEqual(proposals.partner_id, self.contractor_b)

    def test_proposal_keeps_its_kind_and_amount(self):
        """Editing the rule or deleting the draft bill changes no proposal."""
        proposals = self._propose().with_user(self.eval_manager)
        bonus = proposals.filtered(lambda p: p.partner_id == self.contractor_a)
        bonus.action_approve()
        self.bonus.write({"kind": "penalty", "percent": 50})
        bonus.move_id.unlink()
        self.assertEqual((bonus.kind, bonus.band, bonus.amount), ("bonus", "A", 500.0))
        self.assertEqual(bonus.base_amount, 40000.0)
        self.assertEqual(bonus.state, "approved")
