# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Campaigns closed before 18.0.1.2.0 kept live drivers: freeze them now."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["mq.survey.campaign"].search([("state", "=", "closed")])._mq_freeze_drivers()
