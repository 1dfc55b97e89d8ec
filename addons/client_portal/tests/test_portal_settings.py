# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPortalSettings(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.portal_manager = new_test_user(
            cls.env,
            login="portal_manager",
            groups="client_portal.group_client_portal_manager,base.group_system",
        )
        cls.employee = new_test_user(cls.env, login="employee", groups="base.group_user")

    def test_default_limit_is_ten_megabytes(self):
        company = self.env["res.company"].create({"name": "Bailleur Test"})
        self.assertEqual(company.portal_upload_max_mb, 10)
        self.assertEqual(company._portal_upload_max_bytes(), 10 * 1024 * 1024)

    def test_limit_out_of_range_is_refused(self):
        for wrong in (0, -5, 101):
            with self.assertRaises(ValidationError), self.cr.savepoint():
                self.company.portal_upload_max_mb = wrong

    def test_settings_change_the_company_limit(self):
        settings = (
            self.env["res.config.settings"]
            .with_user(self.portal_manager)
            .create({"portal_upload_max_mb": 4})
        )
        settings.execute()
        self.assertEqual(self.company.portal_upload_max_mb, 4)

    def test_employee_cannot_change_the_limit(self):
        with self.assertRaises(AccessError):
            self.company.with_user(self.employee).portal_upload_max_mb = 50
        self.assertEqual(self.company.portal_upload_max_mb, 10)
