# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""French late-payment law, one small function per rule, with its article.

Pure functions on dates and amounts: the models feed them the bill's dates, its
payments and the ECB rate history, and store nothing they compute.

- Code de commerce (buyers that are companies): L441-10 (terms, interest, fee),
  D441-5 (the 40 EUR fee).
- Code de la commande publique (public buyers, an OPH is one): R2192-10 (30 days),
  R2192-12 (from the receipt of the payment request), R2192-27 and R2192-28
  (suspension while the request is incomplete), R2192-31 (interest rate),
  R2192-32 and D2192-35 (the 40 EUR fee).
"""
import calendar
from bisect import bisect_right
from datetime import date, timedelta

# L441-10 I: at most 60 days from the invoice date, or 45 days end of month.
PRIVATE_MAX_DAYS = 60
PRIVATE_MAX_DAYS_END_OF_MONTH = 45
# R2192-10: 30 days for the State, local authorities and their public bodies.
PUBLIC_MAX_DAYS = 30
# L441-10 II: ECB rate + 10 points; R2192-31: ECB rate + 8 points.
PRIVATE_MARGIN = 10.0
PUBLIC_MARGIN = 8.0
# D441-5 and D2192-35: a flat recovery fee of 40 euros per late invoice.
RECOVERY_FEE_EUR = 40.0
DAYS_PER_YEAR = 365.0


def end_of_month(day):
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def half_year_start(day):
    """1 January or 1 July of ``day``'s half-year."""
    return date(day.year, 1 if day.month <= 6 else 7, 1)


def private_latest_due_date(
    invoice_date, max_days=PRIVATE_MAX_DAYS, end_of_month_days=PRIVATE_MAX_DAYS_END_OF_MONTH
):
    """L441-10 I, second paragraph: the latest legal due date between companies.

    Sixty days from the invoice date, or, when agreed, forty-five days end of
    month. Both readings of "45 days end of month" accepted by the DGCCRF are
    allowed: the invoice date plus 45 days then the end of that month, or the end
    of the invoice's month plus 45 days. A term is legal up to the latest of them.
    """
    return max(
        invoice_date + timedelta(days=max_days),
        end_of_month(invoice_date + timedelta(days=end_of_month_days)),
        end_of_month(invoice_date) + timedelta(days=end_of_month_days),
    )


def public_due_date(received_on, term_days, suspensions=()):
    """R2192-10, R2192-12, R2192-27: a public buyer's due date.

    The term (30 days at most) runs from the receipt of the payment request.
    It is suspended while the request lacks a document: each suspension
    ``(from, to)`` that starts before the due date pushes it back by its days.
    """
    due = received_on + timedelta(days=term_days)
    for start, end in sorted(suspensions):
        if start <= due and end > start:
            due += timedelta(days=(end - start).days)
    return due


def days_late(due_date, paid_on):
    """Days from the day after the due date to the payment day, included."""
    return max((paid_on - due_date).days, 0)


def rate_in_force(rates, day):
    """The ECB rate (%) in force on ``day``; ``rates`` is ``[(date_from, rate)]``
    sorted by date."""
    index = bisect_right([start for start, _rate in rates], day)
    return rates[index - 1][1] if index else 0.0


def _half_years(first_day, last_day):
    """Split the days ``first_day`` to ``last_day`` (included) by half-year:
    ``[(half-year start, number of days)]``."""
    parts = []
    day = first_day
    while day <= last_day:
        start = half_year_start(day)
        next_start = date(start.year, 7, 1) if start.month == 1 else date(start.year + 1, 1, 1)
        end = min(last_day, next_start - timedelta(days=1))
        parts.append((start, (end - day).days + 1))
        day = end + timedelta(days=1)
    return parts


def private_interest(portions, due_date, rates, margin=PRIVATE_MARGIN):
    """L441-10 II: interest on the amount still due, day by day after the due date.

    ``portions`` is ``[(amount, paid_on)]``: each part of the bill and the day it
    was paid (or the day the interest is computed for an unpaid part). The yearly
    rate is the ECB rate + ``margin`` points, taken per half-year: the rate in force
    on 1 January for the days in January-June, on 1 July for July-December.
    Interest = amount x rate x days / 365.
    """
    interest = 0.0
    for amount, paid_on in portions:
        if paid_on <= due_date:
            continue
        for start, days in _half_years(due_date + timedelta(days=1), paid_on):
            yearly = rate_in_force(rates, start) + margin
            interest += amount * yearly / 100.0 * days / DAYS_PER_YEAR
    return interest


def public_interest(portions, due_date, rates, margin=PUBLIC_MARGIN):
    """R2192-31: the ECB rate in force on the first day of the half-year in which
    the interest started to run (the day after the due date) + ``margin`` points,
    for the whole delay. Interest = amount x rate x days / 365."""
    yearly = rate_in_force(rates, half_year_start(due_date + timedelta(days=1))) + margin
    return sum(
        amount * yearly / 100.0 * days_late(due_date, paid_on) / DAYS_PER_YEAR
        for amount, paid_on in portions
    )
