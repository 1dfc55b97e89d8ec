# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from .common import use_french


@tagged("post_install", "-at_install")
class TestTransparentQuote(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A known list of annex costs: the shipped ones are archived.
        cls.env["mq.annex.cost.category"].search([]).active = False
        Category = cls.env["mq.annex.cost.category"]
        cls.soil = Category.create({"name": "Soil survey", "sequence": 1})
        cls.tax = Category.create({"name": "Development tax", "sequence": 2})
        cls.networks = Category.create({"name": "Network connections", "sequence": 3})
        cls.client = cls.env["res.partner"].create(
            {"name": "Client Martin", "lang": "en_US"}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Soil survey G2", "list_price": 1500.0, "taxes_id": False}
        )
        cls.house = cls.env["product.product"].create(
            {"name": "House Alizé", "list_price": 180000.0, "taxes_id": False}
        )

    def _quote(self):
        return self.env["sale.order"].create(
            {
                "partner_id": self.client.id,
                "mq_house_quote": True,
                "order_line": [
                    (0, 0, {"product_id": self.house.id}),
                    (
                        0,
                        0,
                        {
                            "product_id": self.product.id,
                            "mq_annex_category_id": self.soil.id,
                        },
                    ),
                ],
            }
        )

    def _declare(self, quote):
        quote.mq_annex_declaration_ids = [
            (0, 0, {
                "category_id": self.tax.id,
                "status": "included",
                "justification": "Paid by the builder",
            }),
            (0, 0, {
                "category_id": self.networks.id,
                "status": "not_applicable",
                "justification": "Plot already serviced",
            }),
        ]

    def test_refused_naming_every_undeclared_cost(self):
        quote = self._quote()
        for action in (quote.action_quotation_send, quote.action_confirm):
            with self.assertRaises(UserError) as caught:
                action()
            message = str(caught.exception)
            self.assertIn("Development tax, Network connections", message)
            self.assertNotIn("Soil survey", message, "priced by a line")
        self.assertEqual(quote.state, "draft")

    def _only_soil_undeclared(self, quote):
        """Declare the tax and the networks, leave the soil survey to its line."""
        self._declare(quote)
        return quote

    def test_note_line_or_zero_price_is_not_priced(self):
        quote = self._only_soil_undeclared(self._quote())
        soil_line = quote.order_line.filtered("mq_annex_category_id")
        soil_line.price_unit = 0.0
        with self.assertRaisesRegex(UserError, "Soil survey"):
            quote.action_quotation_send()
        soil_line.unlink()
        quote.order_line = [
            (0, 0, {
                "display_type": "line_note",
                "name": "Soil survey: see the annex",
                "mq_annex_category_id": self.soil.id,
            })
        ]
        with self.assertRaisesRegex(UserError, "Soil survey"):
            quote.action_confirm()
        self.assertEqual(quote.state, "draft")

    def test_every_path_that_shows_the_quote_is_checked(self):
        quote = self._quote()
        # The composer's "mark as sent".
        with self.assertRaises(UserError):
            quote.with_context(mark_so_as_sent=True).message_post(body="Votre devis")
        self.assertEqual(quote.state, "draft")
        # Printing.
        with self.assertRaises(UserError):
            self.env["ir.actions.report"]._render_qweb_pdf(
                "sale.action_report_saleorder", quote.ids
            )
        # Sharing the portal link.
        share = self.env["portal.share"].create(
            {
                "res_model": "sale.order",
                "res_id": quote.id,
                "partner_ids": [(6, 0, self.client.ids)],
            }
        )
        with self.assertRaises(UserError):
            share.action_send_mail()
        self._declare(quote)
        quote.with_context(mark_so_as_sent=True).message_post(body="Votre devis")
        self.assertEqual(quote.state, "sent")
        share.action_send_mail()

    def test_french_message(self):
        use_french(self.env, "mq_label")
        quote = self._quote().with_context(lang="fr_FR")
        with self.assertRaisesRegex(UserError, "coûts annexes"):
            quote.action_confirm()

    def test_accepted_once_every_cost_is_declared(self):
        quote = self._quote()
        self._declare(quote)
        quote.action_quotation_send()
        quote.action_confirm()
        self.assertEqual(quote.state, "sale")

    def test_other_quotes_are_not_checked(self):
        quote = self._quote()
        quote.mq_house_quote = False
        quote.action_confirm()
        self.assertEqual(quote.state, "sale")

    def test_archived_category_is_not_required(self):
        quote = self._quote()
        (self.tax | self.networks).active = False
        quote.action_confirm()
        self.assertEqual(quote.state, "sale")

    def test_printed_quote_shows_every_cost_and_total(self):
        quote = self._quote()
        self._declare(quote)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("sale.action_report_saleorder", quote.ids)[0]
            .decode()
        )
        for text in (
            "Annex costs",
            "Soil survey",
            "Development tax",
            "Included: Paid by the builder",
            "Network connections",
            "Not applicable: Plot already serviced",
        ):
            self.assertIn(text, html)
        # The section's total is the quote's, annex costs included (the
        # separators depend on the language's settings).
        self.assertRegex(html, r"(?s)Total including all annex costs.*181\D500\D00")
