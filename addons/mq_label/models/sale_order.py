# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    _inherit = "sale.order"

    mq_house_quote = fields.Boolean(
        string="House Quote",
        help="A quote for a house: every annex cost must be priced or declared "
        "before it is sent or confirmed.",
    )
    mq_annex_declaration_ids = fields.One2many(
        "mq.annex.cost.declaration",
        "order_id",
        string="Declared Annex Costs",
        copy=True,
    )

    def _mq_annex_cost_summary(self):
        """Every active annex cost with its amount or status, for the quote."""
        self.ensure_one()
        categories = self.env["mq.annex.cost.category"].search([])
        declarations = {d.category_id: d for d in self.mq_annex_declaration_ids}
        summary = []
        for category in categories:
            # Priced: a product line of the category with a positive amount,
            # not a note or a section, not a zero price.
            lines = self.order_line.filtered(
                lambda line, c=category: line.mq_annex_category_id == c
                and not line.display_type
                and line.price_subtotal > 0
            )
            declaration = declarations.get(category)
            if lines:
                status = "priced"
            elif declaration:
                status = declaration.status
            else:
                status = "undeclared"
            summary.append(
                {
                    "category": category,
                    "status": status,
                    "amount": sum(lines.mapped("price_total")),
                    "justification": declaration.justification if declaration else "",
                }
            )
        return summary

    def _mq_check_annex_costs(self):
        """Refuse a house quote that leaves an annex cost undeclared."""
        for order in self.filtered("mq_house_quote"):
            missing = [
                row["category"].name
                for row in order._mq_annex_cost_summary()
                if row["status"] == "undeclared"
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "Quote %(quote)s cannot be sent or confirmed: price each of "
                        "these annex costs with a quote line, or declare it not "
                        "applicable or included: %(categories)s.",
                        quote=order.name,
                        categories=", ".join(missing),
                    )
                )

    def action_quotation_send(self):
        self._mq_check_annex_costs()
        return super().action_quotation_send()

    def action_quotation_sent(self):
        self._mq_check_annex_costs()
        return super().action_quotation_sent()

    def action_confirm(self):
        self._mq_check_annex_costs()
        return super().action_confirm()

    def message_post(self, **kwargs):
        # The composer's "mark as sent" sends the quote too.
        if self.env.context.get("mark_so_as_sent"):
            self._mq_check_annex_costs()
        return super().message_post(**kwargs)
