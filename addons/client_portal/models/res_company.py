# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.http import DEFAULT_MAX_CONTENT_LENGTH
from odoo.tools.mimetypes import guess_mimetype

ALLOWED_IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp"}
MEGABYTE = 1024 * 1024


class ResCompany(models.Model):
    _inherit = "res.company"

    portal_upload_max_mb = fields.Integer(
        string="Portal Photo Size Limit (MB)",
        default=10,
        help="Largest photo a contractor, tenant or client may upload "
        "from the portal, per file.",
    )

    @api.constrains("portal_upload_max_mb")
    def _check_portal_upload_max_mb(self):
        server_mb = self._portal_server_request_limit() // MEGABYTE
        for company in self:
            if not 1 <= company.portal_upload_max_mb <= 100:
                raise ValidationError(
                    self.env._(
                        "The portal photo size limit must be between "
                        "1 and 100 MB."
                    )
                )
            # A photo at the limit, with the rest of its form, must still
            # pass the server's own request limit.
            if company.portal_upload_max_mb >= server_mb:
                raise ValidationError(
                    self.env._(
                        "The portal photo size limit must stay under what the "
                        "server accepts in one request (%(limit)s MB).",
                        limit=server_mb,
                    )
                )

    @api.model
    def _portal_server_request_limit(self):
        """Odoo's limit on one request, in bytes (web.max_file_upload_size)."""
        value = self.env["ir.config_parameter"].sudo().get_param("web.max_file_upload_size")
        try:
            return int(value) if value else DEFAULT_MAX_CONTENT_LENGTH
        except ValueError:
            return DEFAULT_MAX_CONTENT_LENGTH

    def _portal_upload_max_bytes(self):
        """Size limit of one portal upload, in bytes."""
        self.ensure_one()
        return self.portal_upload_max_mb * 1024 * 1024

    def _portal_checked_images(self, uploads):
        """Uploaded photos checked for the portal, or a refusal naming the file.

        ``uploads`` is a list of (file name, bytes). Images only, recognised
        by their content, each under the size limit; all are checked before
        the caller stores any of them. Returns (name, bytes, mimetype).
        """
        self.ensure_one()
        limit = self._portal_upload_max_bytes()
        checked = []
        for name, data in uploads:
            if not data:
                continue
            if len(data) > limit:
                raise UserError(
                    self.env._(
                        "%(file)s is larger than %(limit)s MB.",
                        file=name,
                        limit=self.portal_upload_max_mb,
                    )
                )
            mimetype = guess_mimetype(data)
            if mimetype not in ALLOWED_IMAGE_TYPES:
                raise UserError(
                    self.env._("%(file)s is not a photo (JPEG, PNG, GIF or WebP).", file=name)
                )
            checked.append((name, data, mimetype))
        return checked

    def _portal_store_images(self, record, checked):
        """Attach checked photos to ``record``; portal users cannot create attachments."""
        return (
            self.env["ir.attachment"]
            .sudo()
            .create(
                [
                    {
                        "name": name,
                        "datas": base64.b64encode(data),
                        "mimetype": mimetype,
                        "res_model": record._name,
                        "res_id": record.id,
                    }
                    for name, data, mimetype in checked
                ]
            )
        )
