# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import escape
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge
from werkzeug.routing import ValidationError

from odoo import models
from odoo.http import request

from odoo.addons.base.models.ir_http import SignedIntConverter

# Record ids are PostgreSQL integers.
PG_INT_MAX = 2**31 - 1
# The pages of the portal's visitors: contractors, clients, tenants.
PORTAL_PATHS = ("/my/", "/track/")


class NulCharacter(BadRequest):
    """A form or URL value holding a NUL character, which PostgreSQL cannot
    store nor compare: refused before any controller reads it."""


class BoundedIntConverter(SignedIntConverter):
    """An <int:...> URL part past PostgreSQL's integer matches no route: the
    visitor gets a 404 instead of a database error (a 500)."""

    def to_python(self, value):
        number = super().to_python(value)
        if not -PG_INT_MAX - 1 <= number <= PG_INT_MAX:
            raise ValidationError()
        return number


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _get_converters(cls):
        return dict(super()._get_converters(), int=BoundedIntConverter)

    @classmethod
    def _pre_dispatch(cls, rule, args):
        result = super()._pre_dispatch(rule, args)
        httprequest = request.httprequest
        if httprequest.path.startswith(PORTAL_PATHS):
            texts = [
                text
                for fields in (httprequest.args, httprequest.form)
                for pair in fields.items(multi=True)
                for text in pair
            ]
            texts += [
                upload.filename or "" for _name, upload in httprequest.files.items(multi=True)
            ]
            if any("\x00" in text for text in texts):
                raise NulCharacter()
        return result

    @classmethod
    def _handle_error(cls, exception):
        # What never reaches the portal's controllers gets a page that says
        # what happened, in the visitor's language.
        if not request.httprequest.path.startswith(PORTAL_PATHS):
            return super()._handle_error(exception)
        if isinstance(exception, RequestEntityTooLarge):
            return cls._portal_error_page(
                request.env._(
                    "This form is too large for the server: send fewer or smaller photos."
                ),
                413,
            )
        if isinstance(exception, NulCharacter):
            return cls._portal_error_page(
                request.env._(
                    "This form holds an invisible character (NUL) that cannot be "
                    "saved: type the text again without it."
                ),
                400,
            )
        return super()._handle_error(exception)

    @classmethod
    def _portal_error_page(cls, message, status):
        back = request.env._("Back")
        body = (
            f'<!DOCTYPE html><html><body><p role="alert">{escape(message)}</p>'
            f'<p><a href="javascript:history.back()">{escape(back)}</a></p></body></html>'
        )
        return request.make_response(
            body, headers=[("Content-Type", "text/html; charset=utf-8")], status=status
        )
