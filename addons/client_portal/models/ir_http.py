# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import escape
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.routing import ValidationError

from odoo import models
from odoo.http import request

from odoo.addons.base.models.ir_http import SignedIntConverter

# Record ids are PostgreSQL integers.
PG_INT_MAX = 2**31 - 1


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
    def _handle_error(cls, exception):
        # A form over the server's request limit never reaches the portal's
        # controller: say what happened, in the visitor's language.
        if isinstance(exception, RequestEntityTooLarge) and request.httprequest.path.startswith(
            ("/my/", "/track/")
        ):
            message = request.env._(
                "This form is too large for the server: send fewer or smaller photos."
            )
            back = request.env._("Back")
            body = (
                f'<!DOCTYPE html><html><body><p role="alert">{escape(message)}</p>'
                f'<p><a href="javascript:history.back()">{escape(back)}</a></p></body></html>'
            )
            return request.make_response(
                body, headers=[("Content-Type", "text/html; charset=utf-8")], status=413
            )
        return super()._handle_error(exception)
