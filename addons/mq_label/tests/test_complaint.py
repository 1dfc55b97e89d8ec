# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, freeze_time, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestComplaint(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact = new_test_user(
            cls.env, login="mq_site_contact", groups="mq_label.group_mq_label_user"
        )
        cls.project_manager = new_test_user(
            cls.env, login="mq_project_manager", groups="mq_label.group_mq_label_user"
        )
        cls.site = cls.env["mq.complaint.category"].create(
            {"name": "Site", "delay_days": 8, "user_id": cls.contact.id}
        )
        cls.billing = cls.env["mq.complaint.category"].create(
            {"name": "Billing", "delay_days": 10}
        )
        cls.client_a = new_test_user(
            cls.env, login="mq_client_a", groups="base.group_portal"
        )
        cls.client_b = new_test_user(
            cls.env, login="mq_client_b", groups="base.group_portal"
        )
        cls.house_a = cls.env["project.project"].create(
            {
                "name": "House A",
                "partner_id": cls.client_a.partner_id.id,
                "user_id": cls.project_manager.id,
            }
        )

    def _complaint(self, category, partner=None, **vals):
        return self.env["mq.complaint"].create(
            {
                "name": "Crack in the garage wall",
                "partner_id": (partner or self.client_a.partner_id).id,
                "project_id": self.house_a.id,
                "category_id": category.id,
                "description": "<p>A crack appeared.</p>",
                "date": "2026-03-02",
                **vals,
            }
        )

    def test_deadline_from_the_category_delay(self):
        self.assertEqual(self._complaint(self.site).date_deadline, date(2026, 3, 10))
        self.assertEqual(
            self._complaint(self.billing).date_deadline, date(2026, 3, 12)
        )

    def test_deadline_kept_when_the_category_delay_changes(self):
        complaint = self._complaint(self.site)
        self.site.delay_days = 30
        self.env.flush_all()
        complaint.invalidate_recordset()
        # The 8 days promised when it was filed, not 30.
        self.assertEqual(complaint.date_deadline, date(2026, 3, 10))
        self.assertEqual(self._complaint(self.site).date_deadline, date(2026, 4, 1))

    def test_dedicated_contact_from_category_else_project(self):
        self.assertEqual(self._complaint(self.site).user_id, self.contact)
        self.assertEqual(self._complaint(self.billing).user_id, self.project_manager)

    def test_stages_up_to_closing(self):
        complaint = self._complaint(self.site)
        self.assertEqual(complaint.state, "new")
        complaint.action_start()
        self.assertEqual(complaint.state, "in_progress")
        with self.assertRaisesRegex(UserError, "Write the answer"):
            complaint.action_answer()
        complaint.answer = "<p>The mason comes on Monday.</p>"
        with freeze_time("2026-03-05"):
            complaint.action_answer()
        self.assertEqual(complaint.state, "answered")
        self.assertEqual(complaint.date_answered, date(2026, 3, 5))
        with self.assertRaisesRegex(UserError, "satisfaction"):
            complaint.action_close()
        self.assertEqual(complaint.state, "answered")
        complaint.satisfaction = "satisfied"
        complaint.action_close()
        self.assertEqual(complaint.state, "closed")

    def test_cannot_close_before_answering(self):
        complaint = self._complaint(self.site, satisfaction="satisfied")
        with self.assertRaisesRegex(UserError, "must be answered"):
            complaint.action_close()

    def test_late_flag(self):
        on_time = self._complaint(self.site, answer="<p>Done.</p>")
        late = self._complaint(self.site, name="Late one")
        with freeze_time("2026-03-10"):
            on_time.action_answer()
            self.assertFalse(late.is_late, "the deadline day itself is not late")
        with freeze_time("2026-03-11"):
            late.invalidate_recordset(["is_late"])
            self.assertTrue(late.is_late)
            self.assertFalse(on_time.is_late)
            found = self.env["mq.complaint"].search(
                [("is_late", "=", True), ("project_id", "=", self.house_a.id)]
            )
            self.assertEqual(found, late)
            late.answer = "<p>Sorry for the delay.</p>"
            late.action_answer()
        self.assertTrue(late.is_late, "answered after its deadline")

    def test_portal_client_sees_only_own_complaints(self):
        own = self._complaint(self.site)
        other = self._complaint(self.site, partner=self.client_b.partner_id)
        Complaint = self.env["mq.complaint"].with_user(self.client_a)
        self.assertEqual(Complaint.search([]), own)
        self.assertEqual(own.with_user(self.client_a).name, own.name)
        with self.assertRaises(AccessError):
            other.with_user(self.client_a).read(["name"])
        with self.assertRaises(AccessError):
            own.with_user(self.client_a).write({"state": "closed"})

    def test_portal_client_cannot_create_complaints_directly(self):
        """A client files through the portal's form (client_portal), which
        sets what the server owns; a direct create, even their own, is refused."""
        Complaint = self.env["mq.complaint"].with_user(self.client_a)
        vals = {
            "name": "Water leak",
            "category_id": self.site.id,
            "description": "<p>Water under the sink.</p>",
            "state": "closed",
            "satisfaction": "dissatisfied",
        }
        before = self.env["mq.complaint"].search_count([])
        for partner in (self.client_a.partner_id, self.client_b.partner_id):
            with self.assertRaises(AccessError):
                Complaint.create({**vals, "partner_id": partner.id})
        self.assertEqual(self.env["mq.complaint"].search_count([]), before)
