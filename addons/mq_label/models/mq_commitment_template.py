# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

PARTIES = [("builder", "Builder"), ("client", "Client")]


class MqCommitmentTemplate(models.Model):
    """A reciprocal commitment copied onto every new house project."""

    _name = "mq.commitment.template"
    _description = "Reciprocal Commitment Template"
    _order = "party, sequence, id"

    name = fields.Char(string="Commitment", required=True, translate=True)
    party = fields.Selection(PARTIES, string="Committed Party", required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
