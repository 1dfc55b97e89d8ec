# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


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
        for company in self:
            if not 1 <= company.portal_upload_max_mb <= 100:
                raise ValidationError(
                    self.env._(
                        "The portal photo size limit must be between "
                        "1 and 100 MB."
                    )
                )

    def _portal_upload_max_bytes(self):
        """Size limit of one portal upload, in bytes."""
        self.ensure_one()
        return self.portal_upload_max_mb * 1024 * 1024
