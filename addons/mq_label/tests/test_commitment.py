# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCommitment(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.builder = new_test_user(
            cls.env, login="mq_builder", groups="mq_label.group_mq_label_user"
        )
        cls.client_a = new_test_user(
            cls.env, login="mq_commit_a", groups="base.group_portal"
        )
        cls.client_b = new_test_user(
            cls.env, login="mq_commit_b", groups="base.group_portal"
        )
        cls.house_a = cls.env["project.project"].create(
            {"name": "House A", "partner_id": cls.client_a.partner_id.id}
        )
        cls.house_b = cls.env["project.project"].create(
            {"name": "House B", "partner_id": cls.client_b.partner_id.id}
        )
        (cls.house_a | cls.house_b).action_mq_load_commitments()

    def test_templates_loaded_once_for_both_parties(self):
        commitments = self.house_a.mq_commitment_ids
        self.assertEqual(len(commitments), 8)
        self.assertEqual(commitments.mapped("party").count("builder"), 4)
        self.assertEqual(commitments.mapped("party").count("client"), 4)
        self.house_a.action_mq_load_commitments()
        self.assertEqual(len(self.house_a.mq_commitment_ids), 8)

    def test_builder_and_client_acknowledge_with_dates(self):
        commitment = self.house_a.mq_commitment_ids[0]
        commitment.with_user(self.builder).action_builder_acknowledge()
        self.assertTrue(commitment.builder_ack_date)
        self.assertEqual(commitment.builder_ack_user_id, self.builder)
        self.assertFalse(commitment.client_ack_date)
        commitment.with_user(self.client_a).action_client_acknowledge()
        self.assertTrue(commitment.client_ack_date)
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            commitment.unlink()

    def test_portal_client_sees_only_own_commitments(self):
        Commitment = self.env["mq.commitment"].with_user(self.client_a)
        self.assertEqual(Commitment.search([]), self.house_a.mq_commitment_ids)
        other = self.house_b.mq_commitment_ids[0].with_user(self.client_a)
        with self.assertRaises(AccessError):
            other.read(["name"])
        with self.assertRaises(AccessError):
            other.action_client_acknowledge()
        self.assertFalse(self.house_b.mq_commitment_ids[0].client_ack_date)
        own = self.house_a.mq_commitment_ids[0].with_user(self.client_a)
        with self.assertRaises(AccessError):
            own.name = "Nothing"

    def test_internal_user_cannot_acknowledge_for_the_client(self):
        commitment = self.house_a.mq_commitment_ids[0].with_user(self.builder)
        with self.assertRaises(AccessError):
            commitment.action_client_acknowledge()
