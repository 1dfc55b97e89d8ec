# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import api, fields, models

# How many of the builder's latest messages the house page shows.
HOUSE_UPDATES_SHOWN = 5


class ProjectProject(models.Model):
    _inherit = "project.project"

    client_portal_house = fields.Boolean(
        string="Followed by the Client on the Portal",
        help="The client of this house project follows it on the portal: "
        "progress, milestones, shared documents, quote, commitments, "
        "complaints and the survey.",
    )
    client_portal_document_ids = fields.Many2many(
        "ir.attachment",
        "project_client_portal_document_rel",
        "project_id",
        "attachment_id",
        string="Documents Shared with the Client",
        domain="[('res_model', '=', 'project.project'), ('res_id', '=', id)]",
        help="The client downloads these documents from the portal; the "
        "project's other attachments stay internal.",
    )

    @api.model
    def _portal_house_domain(self, user=None):
        """House projects the portal user follows as the client."""
        user = user or self.env.user
        return [
            ("client_portal_house", "=", True),
            ("partner_id", "child_of", user.partner_id.commercial_partner_id.id),
        ]

    @api.model
    def _portal_houses(self, user=None):
        """The portal user's houses, read in sudo: the domain is the access check."""
        return self.sudo().search(self._portal_house_domain(user))

    @api.model
    def _portal_house(self, house_id, user=None):
        """One house of the portal user, or an empty recordset."""
        return self.sudo().search(
            self._portal_house_domain(user) + [("id", "=", house_id)], limit=1
        )

    def _portal_milestones(self):
        """The house's milestones, planned ones first by date."""
        self.ensure_one()
        return self.env["project.milestone"].sudo().search(
            [("project_id", "=", self.id)], order="deadline asc, id asc"
        )

    def _portal_progress(self):
        """Progress of the house as the client sees it: reached milestones."""
        self.ensure_one()
        milestones = self._portal_milestones()
        reached = milestones.filtered("is_reached")
        upcoming = milestones - reached
        return {
            "milestones": milestones,
            "reached_count": len(reached),
            "total_count": len(milestones),
            "percent": round(100 * len(reached) / len(milestones)) if milestones else 0,
            "current": reached.sorted(lambda m: (m.reached_date or date.min, m.id))[-1:],
            "next": upcoming[:1],
        }

    def _portal_updates(self, limit=HOUSE_UPDATES_SHOWN):
        """The builder's latest messages to the client.

        Shared messages only (never internal notes), and not the client's own
        e-mails to the project.
        """
        self.ensure_one()
        Message = self.env["mail.message"].sudo()
        return Message.search(
            Message._get_search_domain_share()
            + [
                ("model", "=", self._name),
                ("res_id", "=", self.id),
                ("message_type", "in", ("comment", "email")),
                (
                    "author_id.commercial_partner_id",
                    "!=",
                    self.partner_id.commercial_partner_id.id,
                ),
            ],
            order="date desc, id desc",
            limit=limit,
        )

    def _portal_file_or_none(self, attachment_id):
        """An attachment the client may download from this house, or None.

        Either a document the builder shared, or a photo of one of the
        builder's updates shown on the house page.
        """
        self.ensure_one()
        attachment = self.client_portal_document_ids.filtered(
            lambda a: a.id == attachment_id
        )
        if attachment:
            return attachment
        for message in self._portal_updates():
            photo = message.attachment_ids.filtered(lambda a: a.id == attachment_id)
            if photo:
                return photo
        return None
