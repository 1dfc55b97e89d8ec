# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .mq_commitment_template import PARTIES

ACK_FIELDS = {"client_ack_date", "builder_ack_date", "builder_ack_user_id"}


class MqCommitment(models.Model):
    """A commitment of the builder or the client on one house project.

    Both sides acknowledge it: the client from the portal, the builder here.
    """

    _name = "mq.commitment"
    _description = "Reciprocal Commitment"
    _order = "project_id, party, sequence, id"

    project_id = fields.Many2one(
        "project.project",
        string="House Project",
        required=True,
        ondelete="restrict",
        index=True,
    )
    partner_id = fields.Many2one(
        related="project_id.partner_id", string="Client", store=True, index=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    name = fields.Char(string="Commitment", required=True)
    party = fields.Selection(PARTIES, string="Committed Party", required=True)
    sequence = fields.Integer(default=10)
    client_ack_date = fields.Datetime(
        string="Acknowledged by the Client", readonly=True, copy=False
    )
    builder_ack_date = fields.Datetime(
        string="Acknowledged by the Builder", readonly=True, copy=False
    )
    builder_ack_user_id = fields.Many2one(
        "res.users", string="Acknowledged By", readonly=True, copy=False
    )

    def write(self, vals):
        # Once acknowledged by either party, a commitment is what was agreed:
        # only the other party's acknowledgement may still be recorded.
        if set(vals) - ACK_FIELDS and any(
            c.client_ack_date or c.builder_ack_date for c in self.sudo()
        ):
            raise UserError(self.env._("An acknowledged commitment is never changed."))
        return super().write(vals)

    def action_builder_acknowledge(self):
        self.filtered(lambda c: not c.builder_ack_date).write(
            {
                "builder_ack_date": fields.Datetime.now(),
                "builder_ack_user_id": self.env.user.id,
            }
        )
        return True

    def action_client_acknowledge(self):
        """The client acknowledges the commitments of their own house."""
        self.check_access("read")
        client = self.env.user.partner_id.commercial_partner_id
        for commitment in self:
            if commitment.partner_id.commercial_partner_id != client:
                raise AccessError(
                    self.env._(
                        "Only the client of the house acknowledges its commitments."
                    )
                )
        # The portal client cannot write the commitment: only this date.
        self.sudo().filtered(lambda c: not c.client_ack_date).client_ack_date = (
            fields.Datetime.now()
        )
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_if_not_acknowledged(self):
        if any(c.client_ack_date or c.builder_ack_date for c in self):
            raise UserError(
                self.env._("An acknowledged commitment cannot be deleted.")
            )
