# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SymetrieDwelling(models.Model):
    """A dwelling (logement) where the work is done, and its current tenant."""

    _name = "symetrie.dwelling"
    _description = "Dwelling"
    _inherit = ["mail.thread"]
    _order = "building_id, name"
    _rec_names_search = ["name", "tenant_id.name", "street", "city"]

    name = fields.Char(string="Reference", required=True, tracking=True)
    active = fields.Boolean(default=True)
    building_id = fields.Many2one("symetrie.building", index=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    street = fields.Char(
        compute="_compute_address", store=True, readonly=False, precompute=True
    )
    street2 = fields.Char(
        compute="_compute_address", store=True, readonly=False, precompute=True
    )
    zip = fields.Char(
        compute="_compute_address", store=True, readonly=False, precompute=True
    )
    city = fields.Char(
        compute="_compute_address", store=True, readonly=False, precompute=True
    )
    floor = fields.Char()
    door = fields.Char()
    access_instructions = fields.Text(
        help="Access code, where to get the keys, intercom: what the technician "
        "needs to get in.",
    )
    tenant_id = fields.Many2one("res.partner", tracking=True)
    tenant_phone = fields.Char(related="tenant_id.phone", readonly=False)
    tenant_mobile = fields.Char(related="tenant_id.mobile", readonly=False)
    tenant_email = fields.Char(related="tenant_id.email", readonly=False)
    order_count = fields.Integer(compute="_compute_order_count")

    _sql_constraints = [
        (
            "name_company_unique",
            "unique(name, company_id)",
            "Another dwelling of this company already has this reference.",
        ),
    ]

    @api.depends("building_id")
    def _compute_company_id(self):
        for dwelling in self:
            dwelling.company_id = (
                dwelling.building_id.company_id or dwelling.company_id or self.env.company
            )

    @api.depends("building_id")
    def _compute_address(self):
        for dwelling in self.filtered("building_id"):
            building = dwelling.building_id
            dwelling.street = building.street
            dwelling.street2 = building.street2
            dwelling.zip = building.zip
            dwelling.city = building.city

    def _compute_order_count(self):
        counts = dict(
            self.env["purchase.order"]._read_group(
                [("symetrie_dwelling_id", "in", self.ids)],
                ["symetrie_dwelling_id"],
                ["__count"],
            )
        )
        for dwelling in self:
            dwelling.order_count = counts.get(dwelling, 0)

    def _full_address(self):
        """One line: street, zip and city (floor and door have their own fields,
        so that the stored line reads the same in every language)."""
        self.ensure_one()
        parts = [self.street, self.street2]
        parts.append(" ".join(p for p in (self.zip, self.city) if p))
        return ", ".join(p for p in parts if p)

    def action_new_work_order(self):
        """Open a new work order for this dwelling, its tenant and address filled in."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Work Order"),
            "res_model": "purchase.order",
            "view_mode": "form",
            "views": [
                (self.env.ref("symetrie_orders.purchase_order_view_form_work").id, "form")
            ],
            "context": {
                "default_symetrie_is_work_order": True,
                "default_symetrie_dwelling_id": self.id,
            },
        }

    def action_view_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "symetrie_orders.purchase_order_action_work"
        )
        action["domain"] = [("symetrie_dwelling_id", "=", self.id)]
        action["context"] = {
            "default_symetrie_is_work_order": True,
            "default_symetrie_dwelling_id": self.id,
        }
        return action
