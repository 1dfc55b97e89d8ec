# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProjectProject(models.Model):
    _inherit = "project.project"

    mq_handover_date = fields.Date(
        string="Handover Date",
        tracking=True,
        help="Date the house was handed over to the client: the client is "
        "surveyed in the campaign covering this date.",
    )

    mq_commitment_ids = fields.One2many(
        "mq.commitment", "project_id", string="Reciprocal Commitments"
    )

    def init(self):
        res = super().init()
        # A campaign's answers are those of clients handed over in its period
        # (the figures, the drivers): project does not index the customer.
        self.env.cr.execute(
            """
            CREATE INDEX IF NOT EXISTS mq_project_project_handover_idx
                ON project_project (partner_id, mq_handover_date)
             WHERE mq_handover_date IS NOT NULL
            """
        )
        return res

    def unlink(self):
        # Commitments are removed through the ORM first, which refuses the
        # acknowledged ones; the database keeps them otherwise (restrict).
        self.mq_commitment_ids.unlink()
        return super().unlink()

    def action_mq_load_commitments(self):
        """Copy the active commitment templates not yet on the project."""
        for project in self:
            # In the client's language: they acknowledge these sentences.
            templates = (
                self.env["mq.commitment.template"]
                .with_context(lang=project.partner_id.lang or self.env.lang)
                .search([])
            )
            known = set(project.mq_commitment_ids.mapped("name"))
            project.mq_commitment_ids = [
                fields.Command.create(
                    {
                        "name": template.name,
                        "party": template.party,
                        "sequence": template.sequence,
                    }
                )
                for template in templates
                if template.name not in known
            ]
        return True
