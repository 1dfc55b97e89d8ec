# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo import Command
from odoo.tests import TransactionCase, new_test_user


def use_french(env, *modules):
    """Activate French and load the French terms of ``modules``.

    Tests that assert on French text call this, so they pass whatever languages
    the database was created with (Odoo's own tests do the same).
    """
    env["res.lang"]._activate_lang("fr_FR")
    env["ir.module.module"]._load_module_terms(list(modules), ["fr_FR"])


class WorkOrderCase(TransactionCase):
    """A landlord, two contractors with portal users, a French tenant."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.company.write(
            {
                "symetrie_delay_emergency_hours": 24,
                "symetrie_delay_urgent_hours": 72,
                "symetrie_delay_normal_days": 15,
                "symetrie_acceptance_delay_hours": 24,
            }
        )
        cls.landlord = new_test_user(
            cls.env,
            login="wo_landlord",
            groups="symetrie_orders.group_orders_user",
        )
        cls.manager = new_test_user(
            cls.env,
            login="wo_manager",
            groups="symetrie_orders.group_orders_manager",
        )
        cls.employee = new_test_user(cls.env, login="wo_employee", groups="base.group_user")
        Partner = cls.env["res.partner"]
        cls.contractor_a = Partner.create(
            {"name": "Plomberie A", "is_company": True, "supplier_rank": 1}
        )
        cls.contractor_b = Partner.create(
            {"name": "Électricité B", "is_company": True, "supplier_rank": 1}
        )
        cls.tech_a = Partner.create(
            {"name": "Karim Technicien", "parent_id": cls.contractor_a.id}
        )
        cls.portal_a = new_test_user(
            cls.env,
            login="wo_portal_a",
            groups="base.group_portal",
            partner_id=cls.tech_a.id,
        )
        cls.portal_b = new_test_user(
            cls.env,
            login="wo_portal_b",
            groups="base.group_portal",
            partner_id=Partner.create(
                {"name": "Tech B", "parent_id": cls.contractor_b.id}
            ).id,
        )
        use_french(cls.env, "symetrie_orders")
        cls.tenant = Partner.create(
            {
                "name": "Nadia Locataire",
                "mobile": "+33 6 00 00 00 01",
                "email": "nadia@locataire.example.com",
                "lang": "fr_FR",
            }
        )
        cls.building = cls.env["symetrie.building"].create(
            {
                "name": "Résidence Test",
                "code": "RT",
                "street": "1 rue du Test",
                "zip": "69001",
                "city": "Lyon",
            }
        )
        cls.dwelling = cls.env["symetrie.dwelling"].create(
            {
                "name": "RT-001",
                "building_id": cls.building.id,
                "floor": "2",
                "door": "B",
                "access_instructions": "Digicode 1234",
                "tenant_id": cls.tenant.id,
            }
        )
        cls.plumbing = cls.env.ref("symetrie_orders.trade_plumbing")
        cls.locksmith = cls.env.ref("symetrie_orders.trade_locksmith")
        cls.product = cls.env.ref("symetrie_orders.product_work_order_intervention")

    @classmethod
    def _make_order(cls, partner=None, user=None, price=250.0, **values):
        vals = {
            "symetrie_is_work_order": True,
            "partner_id": (partner or cls.contractor_a).id,
            "symetrie_dwelling_id": cls.dwelling.id,
            "symetrie_trade_id": cls.plumbing.id,
            "symetrie_urgency": "normal",
            "symetrie_description": "Fuite sous l'évier",
            "order_line": [
                Command.create(
                    {
                        "product_id": cls.product.id,
                        "name": "Intervention",
                        "product_qty": 1,
                        "price_unit": price,
                    }
                )
            ],
        }
        vals.update(values)
        return cls.env["purchase.order"].with_user(user or cls.landlord).create(vals)

    @classmethod
    def _make_plain_order(cls, price=10.0):
        """An ordinary purchase order (not a work order) to contractor A."""
        return cls.env["purchase.order"].create(
            {
                "partner_id": cls.contractor_a.id,
                "order_line": [
                    Command.create(
                        {"product_id": cls.product.id, "product_qty": 1, "price_unit": price}
                    )
                ],
            }
        )

    def _slot(self, days=1):
        start = datetime.now().replace(microsecond=0) + timedelta(days=days)
        return start, start + timedelta(hours=2)

    @staticmethod
    def _steps(order):
        """The order's steps, oldest first."""
        return order.symetrie_event_ids.sorted("id").mapped("step")

    @staticmethod
    def _last_event(order):
        return order.symetrie_event_ids.sorted("id")[-1:]

    def _walk(self, order, steps):
        """Post each step in turn as the landlord, with what the step needs."""
        order = order.with_user(self.landlord)
        for step in steps:
            if step == "sent":
                order.action_symetrie_send()
            elif step == "visit_booked":
                order._symetrie_book_visit(*self._slot())
            elif step == "cancelled":
                order._symetrie_cancel("Plus nécessaire")
            elif step in ("declined", "work_refused", "work_done"):
                order._symetrie_post_step(step, note="Motif ou rapport")
            elif step in ("billed", "paid"):
                # Only the system posts them (a bill posted, a payment
                # reconciled): the tests about steps take its path directly.
                order._symetrie_post_system_step(step)
            else:
                order._symetrie_post_step(step)
        return order
