# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MqCommitment(models.Model):
    _inherit = "mq.commitment"

    def action_client_acknowledge(self):
        """Also tell the builder, on the house project, what the client read."""
        newly = self.filtered(lambda c: not c.client_ack_date)
        result = super().action_client_acknowledge()
        client = self.env.user.partner_id
        for project in newly.sudo().project_id:
            count = len(newly.filtered(lambda c, p=project: c.project_id == p))
            project.message_post(
                body=self.env._(
                    "%(client)s acknowledged %(count)s reciprocal commitments on the portal.",
                    client=client.name,
                    count=count,
                ),
                subtype_xmlid="mail.mt_note",
                author_id=client.id,
            )
        return result
