# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import date, timedelta

from odoo import Command, http
from odoo.tests import HttpCase, new_test_user

from .common import FrenchPortalMixin, new_portal_user

# A real 1x1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
PDF = b"%PDF-1.4\n% Plan de masse de la maison Arnaud\n%%EOF\n"


class HouseCase(FrenchPortalMixin, HttpCase):
    """Two builder's clients with a house each, a contractor, an employee."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls._use_french()
        Partner = cls.env["res.partner"]
        cls.builder = new_test_user(
            cls.env,
            login="hp_builder",
            name="Julie Bâtisseur",
            email="julie@constructeur.example.com",
            groups="mq_label.group_mq_label_user,project.group_project_manager,"
            "sales_team.group_sale_salesman",
        )
        cls.builder.partner_id.mobile = "+33 6 11 22 33 44"
        cls.employee = new_test_user(
            cls.env, login="hp_employee", password="hp_employee", groups="base.group_user"
        )
        cls.client_a = Partner.create(
            {"name": "Famille Arnaud", "email": "arnaud@client.example.com", "lang": "fr_FR"}
        )
        cls.client_b = Partner.create(
            {"name": "Famille Blanc", "email": "blanc@client.example.com", "lang": "fr_FR"}
        )
        cls.portal_a = new_portal_user(cls.env, "hp_client_a", cls.client_a)
        cls.portal_b = new_portal_user(cls.env, "hp_client_b", cls.client_b)
        contractor = Partner.create(
            {"name": "Plomberie Delta", "is_company": True, "supplier_rank": 1}
        )
        technician = Partner.create({"name": "Denis Delta", "parent_id": contractor.id})
        cls.contractor = new_portal_user(cls.env, "hp_contractor", technician)
        cls.house_a = cls._house("Maison Arnaud – Lyon 7e", cls.client_a)
        cls.house_b = cls._house("Maison Blanc – Bron", cls.client_b)
        cls._milestones(cls.house_a)
        cls.update_photo = cls._post_update(
            cls.house_a, "Les murs du rez-de-chaussée sont montés.", "murs.png", PNG
        )
        cls.house_a.with_user(cls.builder).message_post(
            body="Note interne : marge du lot maçonnerie à revoir.",
            subtype_xmlid="mail.mt_note",
        )
        cls.document_a = cls._attachment(cls.house_a, "Plan de masse Arnaud.pdf", PDF)
        cls.internal_file_a = cls._attachment(cls.house_a, "Marge interne Arnaud.pdf", PDF)
        cls.house_a.client_portal_document_ids = cls.document_a
        cls.house_a.action_mq_load_commitments()
        cls.house_b.action_mq_load_commitments()
        cls.quote_a = cls._quote(cls.client_a, 231457.89)
        cls.quote_a.action_quotation_sent()
        cls.draft_quote_a = cls._quote(cls.client_a, 1111.11)
        cls.quote_b = cls._quote(cls.client_b, 198765.43)
        cls.quote_b.action_quotation_sent()
        cls.category = cls.env.ref("mq_label.complaint_category_defect")
        cls.complaint_a = cls._complaint(cls.client_a, cls.house_a, "Infiltration sous la porte-fenêtre")
        cls.complaint_b = cls._complaint(cls.client_b, cls.house_b, "Carrelage fissuré chez Blanc")

    @classmethod
    def _house(cls, name, client):
        return cls.env["project.project"].create(
            {
                "name": name,
                "partner_id": client.id,
                "user_id": cls.builder.id,
                "client_portal_house": True,
                "allow_milestones": True,
            }
        )

    @classmethod
    def _milestones(cls, house):
        today = date.today()
        Milestone = cls.env["project.milestone"]
        for name, days, reached in (
            ("Ouverture du chantier", -60, True),
            ("Fondations Arnaud", -20, True),
            ("Hors d'eau Arnaud", 40, False),
            ("Réception Arnaud", 150, False),
        ):
            Milestone.create(
                {
                    "project_id": house.id,
                    "name": name,
                    "deadline": today + timedelta(days=days),
                    "is_reached": reached,
                }
            )

    @classmethod
    def _post_update(cls, house, text, photo_name, photo):
        attachment = cls._attachment(house, photo_name, photo)
        house.with_user(cls.builder).message_post(
            body=text,
            subtype_xmlid="mail.mt_comment",
            message_type="comment",
            attachment_ids=attachment.ids,
        )
        return attachment

    @classmethod
    def _attachment(cls, record, name, data):
        return cls.env["ir.attachment"].create(
            {
                "name": name,
                "datas": base64.b64encode(data),
                "res_model": record._name,
                "res_id": record.id,
            }
        )

    @classmethod
    def _quote(cls, client, price):
        soil = cls.env.ref("mq_label.annex_cost_soil_survey")
        declared = cls.env["mq.annex.cost.category"].search([("id", "!=", soil.id)])
        product = cls.env["product.product"].create(
            {"name": "Maison Horizon", "type": "service", "list_price": price}
        )
        return cls.env["sale.order"].create(
            {
                "partner_id": client.id,
                "mq_house_quote": True,
                "order_line": [
                    Command.create({"product_id": product.id, "price_unit": price}),
                    Command.create(
                        {
                            "product_id": product.id,
                            "name": "Étude de sol G2",
                            "price_unit": 1850.0,
                            "mq_annex_category_id": soil.id,
                        }
                    ),
                ],
                "mq_annex_declaration_ids": [
                    Command.create(
                        {
                            "category_id": category.id,
                            "status": "included",
                            "justification": f"Compris : {category.name}",
                        }
                    )
                    for category in declared
                ],
            }
        )

    @classmethod
    def _complaint(cls, client, house, name):
        return cls.env["mq.complaint"].create(
            {
                "name": name,
                "partner_id": client.id,
                "project_id": house.id,
                "category_id": cls.category.id,
                "description": "<p>Décrite par le constructeur.</p>",
            }
        )

    def _as(self, actor):
        """Log in as ``actor`` (a user), or as nobody for None."""
        if actor is None:
            self.authenticate(None, None)
        else:
            self.authenticate(actor.login, actor.login)

    def _csrf(self):
        return http.Request.csrf_token(self)

    def _complaint_count(self):
        return self.env["mq.complaint"].search_count([])

    def _attachment_count(self):
        return self.env["ir.attachment"].search_count([("res_model", "=", "mq.complaint")])
