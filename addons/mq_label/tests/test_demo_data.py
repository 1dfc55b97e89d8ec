# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoData(TransactionCase):
    """On the demo database, the builder is a French company quoting in euros."""

    def setUp(self):
        super().setUp()
        if not self.env.ref("mq_label.quote_bernard", raise_if_not_found=False):
            self.skipTest("Demo data is not loaded.")
        self.builder = self.env.ref("mq_label.company_builder")
        self.eur = self.env.ref("base.EUR")

    def test_demo_builder_is_a_french_company_in_euros(self):
        builder = self.builder
        self.assertEqual(builder.currency_id, self.eur)
        self.assertEqual(builder.country_id.code, "FR")
        self.assertEqual(len(builder.company_registry), 14)
        # The label's settings are the builder's, not the main company's.
        user = self.env["res.users"].search([("login", "=", "constructeur")])
        self.assertEqual(builder.mq_label_manager_id, user)
        self.assertTrue(builder.mq_label_date)
        self.assertEqual(user.company_id, builder)
        self.assertEqual(user.company_ids, builder)
        self.assertEqual(user.tz, "Europe/Paris")
        self.assertIn(builder, self.env.ref("base.user_admin").company_ids)

    def test_demo_label_records_in_the_builder_company(self):
        projects = self.env["project.project"].search(
            [("user_id.login", "=", "constructeur")]
        )
        self.assertGreaterEqual(len(projects), 3)
        self.assertEqual(projects.company_id, self.builder)
        campaigns = self.env.ref("mq_label.campaign_2025") | self.env.ref(
            "mq_label.campaign_2026"
        )
        self.assertEqual(campaigns.company_id, self.builder)
        complaints = self.env["mq.complaint"].search(
            [("project_id", "in", projects.ids)]
        )
        self.assertEqual(len(complaints), 3)
        self.assertEqual(complaints.company_id, self.builder)

    def test_demo_quotes_in_euros(self):
        quotes = self.env.ref("mq_label.quote_bernard") | self.env.ref(
            "mq_label.quote_martin"
        )
        self.assertEqual(quotes.company_id, self.builder)
        self.assertEqual(quotes.pricelist_id.currency_id, self.eur)
        self.assertEqual(quotes.currency_id, self.eur)
        bernard = self.env.ref("mq_label.quote_bernard")
        # The house (189,000) and two annex costs (1,800 and 4,200), in euros.
        self.assertEqual(bernard.amount_untaxed, 195000.0)
        self.assertIn("€", bernard.currency_id.format(bernard.amount_total))
        self.assertNotIn("$", bernard.currency_id.format(bernard.amount_total))
        # A new quote of the builder's for the same client is in euros too.
        user = self.env["res.users"].search([("login", "=", "constructeur")])
        new_quote = (
            self.env["sale.order"]
            .with_user(user)
            .with_company(self.builder)
            .create({"partner_id": self.env.ref("mq_label.partner_client_nguyen").id})
        )
        self.assertEqual(new_quote.currency_id, self.eur)
