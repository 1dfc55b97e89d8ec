# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import babel.dates

from odoo.tools.misc import babel_locale_parse, posix_to_ldml


def datetime_formatter(env, tz_name):
    """``format(value, time_only=False)``: a UTC datetime in ``tz_name``, as
    Odoo's datetime widget with ``hide_seconds`` shows it in ``env``'s
    language. The language's patterns are worked out once per page, not once
    per value: pages that show a date per line (the tenant's timeline, the
    contractor's list) call it for each line."""
    lang = env["res.lang"]._get_data(code=env.lang)
    locale = babel_locale_parse(lang.code)
    tzinfo = babel.dates.get_timezone(tz_name or "UTC")

    def pattern(strftime_pattern):
        ldml = posix_to_ldml(strftime_pattern, locale=locale)
        return ldml.replace(":ss", "").replace(":s", "")

    full = pattern(f"{lang.date_format} {lang.time_format}")
    time = pattern(lang.time_format)

    def format_(value, time_only=False):
        if not value:
            return ""
        if time_only:
            return babel.dates.format_time(value, format=time, tzinfo=tzinfo, locale=locale)
        return babel.dates.format_datetime(value, format=full, tzinfo=tzinfo, locale=locale)

    return format_
