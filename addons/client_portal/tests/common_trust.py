# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import date

from odoo import Command, fields
from odoo.tests import new_test_user

from .common import new_portal_user
from .common_house import PNG, HouseCase


class TrustCase(HouseCase):
    """Every role of the issue "trust boundary", with records of their own and
    records of somebody else: two contractors (a company user, a technician
    who sees only the orders assigned to him), two builder's clients (from
    HouseCase), a tenant, landlord staff, label staff, an accountant without
    work-order rights, a public visitor."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        Partner = env["res.partner"]
        cls.landlord = new_test_user(
            env,
            login="tb_landlord",
            password="tb_landlord",
            groups="symetrie_orders.group_orders_user,"
            "symetrie_evaluation.group_evaluation_user",
        )
        cls.label_staff = cls.builder
        cls.accountant = new_test_user(
            env, login="tb_accountant", password="tb_accountant",
            groups="account.group_account_invoice",
        )
        cls.company_a = Partner.create(
            {"name": "Plomberie Tau", "is_company": True, "supplier_rank": 1,
             "portal_technicians_see_all": False}
        )
        cls.company_b = Partner.create(
            {"name": "Électricité Upsilon", "is_company": True, "supplier_rank": 1}
        )
        cls.boss_a = new_portal_user(env, "tb_boss_a", cls.company_a)
        cls.tech_a = new_portal_user(
            env, "tb_tech_a", Partner.create({"name": "Tom Tau", "parent_id": cls.company_a.id})
        )
        cls.boss_b = new_portal_user(env, "tb_boss_b", cls.company_b)
        cls.tenant = Partner.create(
            {"name": "Léa Locataire", "mobile": "+33 6 99 88 77 66",
             "email": "lea@locataire.example.com"}
        )
        cls.dwelling = env["symetrie.dwelling"].create(
            {"name": "TB-001", "street": "12 rue Secrète", "zip": "69002", "city": "Lyon",
             "floor": "4", "door": "D", "access_instructions": "Digicode 9753",
             "tenant_id": cls.tenant.id}
        )
        cls.product = env.ref("symetrie_orders.product_work_order_intervention")
        landlord_env = env(user=cls.landlord)
        cls.order_assigned = cls._trust_order(landlord_env, cls.company_a, 11111.11)
        cls.order_assigned.action_symetrie_accept()
        start = cls.order_assigned._portal_local_datetime("2030-03-04T09:00")
        end = cls.order_assigned._portal_local_datetime("2030-03-04T11:00")
        cls.order_assigned._symetrie_book_visit(
            start, end, technician=cls.tech_a.partner_id
        )
        cls.order_unassigned = cls._trust_order(landlord_env, cls.company_a, 22222.22)
        cls.order_b = cls._trust_order(landlord_env, cls.company_b, 33333.33)
        cls.photo_b = cls._attachment(cls.order_b, "fuite-b.png", PNG)
        cls.order_b.symetrie_photo_ids = cls.photo_b
        cls.tenant_mail = env["mail.message"].search(
            [("model", "=", "purchase.order"), ("res_id", "=", cls.order_assigned.id),
             ("message_type", "=", "email_outgoing")], limit=1,
        )
        cls.bill_b = cls._trust_bill(cls.order_b, 33333.33)
        cls.bill_b._symetrie_hold("missing_document", note="Attestation Upsilon")
        cls.bill_a = cls._trust_bill(cls.order_assigned, 11111.11)
        Evaluation = env["symetrie.evaluation"]
        cls.evaluation_of_b = Evaluation.create(
            {"direction": "landlord_to_contractor", "partner_id": cls.company_b.id,
             "comment": "Upsilon en retard", "line_ids": [], "overall_rating": 2}
        )
        cls.evaluation_of_b.action_submit()
        cls.evaluation_by_a = Evaluation.sudo().create(
            {"direction": "contractor_to_landlord", "partner_id": env.company.partner_id.id,
             "evaluator_partner_id": cls.company_a.id, "overall_rating": 4,
             "line_ids": [], "date_from": date(2026, 1, 1), "date_to": date(2026, 3, 31)}
        )
        Scorecard = env["symetrie.scorecard"].sudo()
        common = {"company_id": env.company.id, "currency_id": env.company.currency_id.id,
                  "period_type": "quarter", "date_from": date(2026, 1, 1),
                  "date_to": date(2026, 3, 31)}
        cls.scorecard_landlord = Scorecard.create(
            dict(common, partner_id=env.company.partner_id.id, role="landlord",
                 held_amount=77777.77)
        )
        cls.scorecard_b = Scorecard.create(
            dict(common, partner_id=cls.company_b.id, role="contractor", held_amount=55555.55)
        )
        survey = env["survey.survey"].create({"title": "Label Tau"})
        cls.survey_input_b = survey._create_answer(partner=cls.client_b)

    @classmethod
    def _trust_order(cls, env, contractor, price, dwelling=None, send=True):
        order = env["purchase.order"].create(
            {
                "symetrie_is_work_order": True,
                "partner_id": contractor.id,
                "symetrie_dwelling_id": (dwelling or cls.dwelling).id,
                "symetrie_trade_id": env.ref("symetrie_orders.trade_plumbing").id,
                "symetrie_description": f"Fuite {contractor.name}",
                "order_line": [
                    Command.create(
                        {"product_id": cls.product.id, "name": "Intervention",
                         "product_qty": 1, "price_unit": price, "taxes_id": []}
                    )
                ],
            }
        )
        if send:
            order.action_symetrie_send()
        return order.with_env(cls.env)

    @classmethod
    def _unsent_orders(cls, contractor):
        """Two orders addressed to ``contractor`` that were never sent to it:
        a draft with its own dwelling (door code, phone) and one cancelled."""
        tenant = cls.env["res.partner"].create(
            {"name": "Noé Brouillon", "mobile": "+33 6 44 33 22 11"}
        )
        dwelling = cls.env["symetrie.dwelling"].create(
            {"name": "TB-DRAFT", "street": "8 rue du Brouillon", "zip": "69003",
             "city": "Lyon", "access_instructions": "Digicode 8642 brouillon",
             "tenant_id": tenant.id}
        )
        env = cls.env(user=cls.landlord)
        draft, cancelled = (
            cls._trust_order(env, contractor, price, dwelling=dwelling, send=False)
            for price in (44444.44, 55555.55)
        )
        cancelled.with_env(env).button_cancel()
        return draft, cancelled

    @classmethod
    def _trust_bill(cls, order, price):
        bill = cls.env["account.move"].create(
            {
                "move_type": "in_invoice",
                "partner_id": order.partner_id.id,
                "invoice_date": fields.Date.today(),
                "invoice_line_ids": [
                    Command.create(
                        {"product_id": cls.product.id, "quantity": 1, "price_unit": price,
                         "tax_ids": [], "purchase_line_id": order.order_line[:1].id}
                    )
                ],
            }
        )
        bill.action_post()
        return bill

    @classmethod
    def _trust_attachment(cls, record, name):
        return cls.env["ir.attachment"].create(
            {"name": name, "datas": base64.b64encode(PNG),
             "res_model": record._name, "res_id": record.id}
        )
