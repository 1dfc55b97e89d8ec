# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.http import request


def uploaded_files(field):
    """The files of a multipart form field, as (file name, bytes)."""
    files = request.httprequest.files.getlist(field)
    return [(f.filename or "photo", f.read()) for f in files if f and f.filename]
