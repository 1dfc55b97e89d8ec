# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestAcknowledgedCommitmentImmutable(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.builder = new_test_user(
            cls.env, login="mq_trust_builder", groups="mq_label.group_mq_label_user"
        )
        cls.client = new_test_user(cls.env, login="mq_trust_client", groups="base.group_portal")
        cls.house = cls.env["project.project"].create(
            {"name": "Maison Immuable", "partner_id": cls.client.partner_id.id}
        )
        cls.house.action_mq_load_commitments()
        cls.acknowledged = cls.house.mq_commitment_ids[0]
        cls.acknowledged.with_user(cls.client).action_client_acknowledge()

    def test_acknowledged_commitment_is_never_rewritten(self):
        text = self.acknowledged.name
        for env_commitment in (
            self.acknowledged.with_user(self.builder),
            self.acknowledged.sudo(),
        ):
            with self.assertRaises(UserError):
                env_commitment.name = "Réécrit après coup"
        self.assertEqual(self.acknowledged.name, text)
        # Not acknowledged yet: the builder may still word it.
        other = self.house.mq_commitment_ids[1].with_user(self.builder)
        other.name = "Reformulé"
        self.assertEqual(other.name, "Reformulé")

    def test_acknowledged_commitment_does_not_disappear_with_its_project(self):
        with self.assertRaises(UserError):
            self.house.unlink()
        self.assertTrue(self.acknowledged.exists())
        self.assertEqual(
            self.env["mq.commitment"]._fields["project_id"].ondelete, "restrict"
        )

    def test_project_without_acknowledged_commitment_can_be_deleted(self):
        house = self.env["project.project"].create({"name": "Maison brouillon"})
        house.action_mq_load_commitments()
        house.unlink()
        self.assertFalse(house.exists())
