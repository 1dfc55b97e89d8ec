# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import plaintext2html

from .ir_http import PG_INT_MAX

# Longest subject a client may type: it is the complaint's title everywhere.
SUBJECT_MAX_LENGTH = 120
DESCRIPTION_MAX_LENGTH = 5000


class MqComplaint(models.Model):
    _inherit = "mq.complaint"

    portal_request_key = fields.Char(
        copy=False,
        readonly=True,
        index="btree_not_null",
        help="Key of the portal form that filed this complaint: the same form "
        "sent twice files one complaint.",
    )
    is_filed_from_portal = fields.Boolean(
        string="Filed from the Portal", readonly=True, copy=False
    )

    _sql_constraints = [
        (
            "portal_request_key_unique",
            "unique(portal_request_key)",
            "This complaint form was already sent.",
        ),
    ]

    @api.model
    def _portal_file(self, form, uploads):
        """File a complaint from the client's portal form, or refuse it whole.

        ``form`` holds project_id, category_id, name, description and
        request_key; ``uploads`` is a list of (file name, bytes). Everything
        is checked before anything is written.
        """
        key = (form.get("request_key") or "").strip()[:64]
        if key:
            existing = self.sudo().search([("portal_request_key", "=", key)], limit=1)
            if existing:
                return self._portal_replayed(existing)
        project = self._portal_client_project(form.get("project_id"))
        category = self._portal_category(form.get("category_id"))
        name = (form.get("name") or "").strip()
        description = (form.get("description") or "").strip()
        if not name or not description:
            raise UserError(
                self.env._("Give your complaint a subject and describe it.")
            )
        if len(name) > SUBJECT_MAX_LENGTH or len(description) > DESCRIPTION_MAX_LENGTH:
            raise UserError(
                self.env._(
                    "The subject is limited to %(subject)s characters and the "
                    "description to %(description)s.",
                    subject=SUBJECT_MAX_LENGTH,
                    description=DESCRIPTION_MAX_LENGTH,
                )
            )
        company = project.company_id or self.env.company
        photos = company._portal_checked_images(uploads)
        # Clients have no create right: the house was checked above, and the
        # server sets the rest (state, date, deadline, contact) by default.
        complaint = self.sudo().create(
            {
                "name": name,
                # The client's text is shown as text, never as markup.
                "description": plaintext2html(description),
                "partner_id": self.env.user.partner_id.id,
                "project_id": project.id,
                "category_id": category.id,
                "company_id": company.id,
                "portal_request_key": key or False,
                "is_filed_from_portal": True,
            }
        )
        company._portal_store_images(complaint, photos)
        complaint._portal_notify_contact()
        return complaint.with_env(self.env)

    def _portal_replayed(self, existing):
        """The complaint a form already filed, if it is the same client's."""
        if existing.partner_id.commercial_partner_id != (
            self.env.user.partner_id.commercial_partner_id
        ):
            raise AccessError(self.env._("This form was not yours."))
        return existing.with_env(self.env)

    @api.model
    def _portal_client_project(self, project_id):
        """The client's house the complaint is about, or a refusal."""
        try:
            project_id = int(project_id or 0)
        except (TypeError, ValueError):
            project_id = 0
        if not 0 < project_id <= PG_INT_MAX:
            project_id = 0
        project = self.env["project.project"]._portal_house(project_id)
        if not project:
            raise AccessError(self.env._("This house is not yours."))
        return project

    @api.model
    def _portal_category(self, category_id):
        try:
            category = self.env["mq.complaint.category"].browse(int(category_id or 0))
        except (TypeError, ValueError):
            category = self.env["mq.complaint.category"]
        if not category.exists() or not category.active:
            raise UserError(self.env._("Choose what your complaint is about."))
        return category

    def _portal_notify_contact(self):
        """Give the dedicated contact a to-do for the new complaint."""
        for complaint in self.filtered("user_id"):
            complaint.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=complaint.date_deadline,
                summary=self.env._("Answer the client's complaint"),
                user_id=complaint.user_id.id,
            )

    def _portal_give_satisfaction(self, satisfaction):
        """The client rates the handling of an answered complaint, closing it."""
        self.ensure_one()
        self.check_access("read")
        if self.partner_id.commercial_partner_id != (
            self.env.user.partner_id.commercial_partner_id
        ):
            raise AccessError(self.env._("Only the client who filed it rates it."))
        allowed = dict(self._fields["satisfaction"]._description_selection(self.env))
        if satisfaction not in allowed:
            raise UserError(self.env._("Choose how satisfied you are."))
        if self.state != "answered":
            raise UserError(
                self.env._("You can give your satisfaction once the complaint is answered.")
            )
        # The client cannot write the complaint: only these two values.
        complaint = self.sudo()
        complaint.satisfaction = satisfaction
        complaint.action_close()
        return True

    def _portal_photos(self):
        """The complaint's photos, shown to its client (read in sudo); not
        those posted in the builder's internal notes."""
        self.ensure_one()
        internal = (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", self._name),
                    ("res_id", "=", self.id),
                    "|",
                    ("is_internal", "=", True),
                    ("subtype_id.internal", "=", True),
                ]
            )
            .attachment_ids
        )
        return (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "=", self.id),
                    ("mimetype", "=like", "image/%"),
                    ("id", "not in", internal.ids),
                ]
            )
        )

    def _portal_stages(self):
        """The complaint's stages for the client's stepper: (key, label, reached)."""
        self.ensure_one()
        states = self._fields["state"]._description_selection(self.env)
        keys = [key for key, _label in states]
        position = keys.index(self.state)
        return [(key, label, index <= position) for index, (key, label) in enumerate(states)]
