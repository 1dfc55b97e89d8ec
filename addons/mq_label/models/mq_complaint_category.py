# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class MqComplaintCategory(models.Model):
    _name = "mq.complaint.category"
    _description = "Complaint Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    delay_days = fields.Integer(
        string="Answer Delay (days)",
        default=15,
        required=True,
        help="Days the builder has to answer a complaint of this category.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Dedicated Contact",
        help="Handles the complaints of this category; when empty, the "
        "house project's manager does.",
    )

    _sql_constraints = [
        (
            "delay_positive",
            "CHECK(delay_days > 0)",
            "The answer delay must be at least one day.",
        ),
    ]
