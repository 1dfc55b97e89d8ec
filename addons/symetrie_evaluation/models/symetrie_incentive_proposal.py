# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from .symetrie_scorecard import BANDS


class SymetrieIncentiveProposal(models.Model):
    """A bonus or a penalty proposed from a scorecard, waiting for a person."""

    _name = "symetrie.incentive.proposal"
    _description = "Incentive Proposal"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"

    scorecard_id = fields.Many2one(
        "symetrie.scorecard", required=True, readonly=True, ondelete="restrict", index=True
    )
    partner_id = fields.Many2one(
        related="scorecard_id.partner_id", store=True, string="Contractor"
    )
    date_from = fields.Date(related="scorecard_id.date_from", store=True)
    date_to = fields.Date(related="scorecard_id.date_to")
    # Copied when proposed: editing the rule afterwards changes no proposal.
    band = fields.Selection(BANDS, required=True, readonly=True)
    rule_id = fields.Many2one(
        "symetrie.incentive.rule", required=True, readonly=True, ondelete="restrict"
    )
    kind = fields.Selection(
        [("bonus", "Bonus"), ("penalty", "Penalty")], required=True, readonly=True
    )
    base_amount = fields.Monetary(
        string="Billed Amount", readonly=True, currency_field="currency_id"
    )
    amount = fields.Monetary(readonly=True, currency_field="currency_id")
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("proposed", "Proposed"), ("approved", "Approved"), ("rejected", "Rejected")],
        default="proposed",
        required=True,
        readonly=True,
        tracking=True,
    )
    decided_by_id = fields.Many2one("res.users", readonly=True)
    decided_on = fields.Datetime(readonly=True)
    move_id = fields.Many2one(
        "account.move", string="Bill or Credit Note", readonly=True, copy=False
    )

    _sql_constraints = [
        (
            "once_per_scorecard",
            "unique(scorecard_id)",
            "A scorecard gives at most one incentive proposal.",
        ),
    ]

    def _check_manager(self):
        if not self.env.user.has_group("symetrie_evaluation.group_evaluation_manager"):
            raise AccessError(
                self.env._("Only evaluation administrators approve or reject incentives.")
            )

    def _claim(self, new_state):
        """Move the proposals from 'proposed' to ``new_state``, atomically.

        The UPDATE takes the row lock: of two people clicking at once, the
        second one waits, then finds nothing left to decide.
        """
        self._check_manager()
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                UPDATE symetrie_incentive_proposal
                   SET state = %(state)s, decided_by_id = %(user)s,
                       decided_on = now() AT TIME ZONE 'UTC'
                 WHERE id IN %(ids)s AND state = 'proposed'
             RETURNING id
                """,
                state=new_state,
                user=self.env.user.id,
                ids=tuple(self.ids),
            )
        )
        claimed = {row[0] for row in self.env.cr.fetchall()}
        self.invalidate_recordset(["state", "decided_by_id", "decided_on"])
        if claimed != set(self.ids):
            raise UserError(
                self.env._("This incentive was already decided: it is never applied twice.")
            )

    def action_approve(self):
        """Approve: a draft vendor bill (bonus) or credit note (penalty)."""
        if not self:
            return True
        self._claim("approved")
        Move = self.env["account.move"].sudo()
        for proposal in self:
            label = self.env._(
                "%(kind)s %(band)s for %(start)s - %(end)s",
                kind=dict(proposal._fields["kind"]._description_selection(self.env))[
                    proposal.kind
                ],
                band=proposal.band,
                start=proposal.date_from,
                end=proposal.date_to,
            )
            move = Move.create(
                {
                    "move_type": "in_invoice" if proposal.kind == "bonus" else "in_refund",
                    "partner_id": proposal.partner_id.id,
                    "company_id": proposal.company_id.id,
                    "ref": label,
                    "invoice_line_ids": [
                        Command.create(
                            {"name": label, "quantity": 1, "price_unit": proposal.amount}
                        )
                    ],
                }
            )
            proposal.sudo().move_id = move
        return True

    def action_reject(self):
        if self:
            self._claim("rejected")
        return True

    def write(self, vals):
        decided = {
            "state",
            "decided_by_id",
            "decided_on",
            "amount",
            "base_amount",
            "kind",
            "band",
            "rule_id",
            "scorecard_id",
        }
        if decided & set(vals) and not self.env.su:
            raise UserError(self.env._("Approve or reject the proposal with its buttons."))
        return super().write(vals)
