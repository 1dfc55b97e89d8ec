# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SymetrieBuilding(models.Model):
    """A building of the housing stock (résidence, immeuble)."""

    _name = "symetrie.building"
    _description = "Building"
    _inherit = ["mail.thread"]
    _order = "name"

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(string="Reference", index=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    street = fields.Char()
    street2 = fields.Char()
    zip = fields.Char()
    city = fields.Char()
    country_id = fields.Many2one(
        "res.country", default=lambda self: self.env.ref("base.fr", False)
    )
    dwelling_ids = fields.One2many("symetrie.dwelling", "building_id")
    dwelling_count = fields.Integer(compute="_compute_dwelling_count")

    _sql_constraints = [
        (
            "code_company_unique",
            "unique(code, company_id)",
            "Another building of this company already has this reference.",
        ),
    ]

    @api.depends("dwelling_ids")
    def _compute_dwelling_count(self):
        counts = dict(
            self.env["symetrie.dwelling"]._read_group(
                [("building_id", "in", self.ids)], ["building_id"], ["__count"]
            )
        )
        for building in self:
            building.dwelling_count = counts.get(building, 0)

    @api.depends("code")
    def _compute_display_name(self):
        for building in self:
            building.display_name = (
                f"[{building.code}] {building.name}" if building.code else building.name
            )

    def action_view_dwellings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "symetrie_orders.symetrie_dwelling_action"
        )
        action["domain"] = [("building_id", "=", self.id)]
        action["context"] = {"default_building_id": self.id}
        return action
