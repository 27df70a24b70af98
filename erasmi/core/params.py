"""Reading numbers, months and ids from request parameters: bounded, finite, never an exception."""

import datetime
import math

from django.core.exceptions import BadRequest
from django.utils.translation import gettext as _

# The calendar shows months in these years; earlier or later ones cannot be shown (date arithmetic ends at 1 and 9999).
FIRST_YEAR, LAST_YEAR = 1900, 2999


def finite_float(raw, default: float, low: float, high: float) -> float:
    """A number between low and high; text, nan and infinities give the default."""
    try:
        value = float(raw)
    except (TypeError, ValueError):
        return default
    if not math.isfinite(value):
        return default
    return min(max(value, low), high)


def month(raw, default: datetime.date) -> datetime.date:
    """The first day of the month YYYY-MM; anything else, or a year outside FIRST_YEAR..LAST_YEAR, is the default."""
    try:
        day = datetime.datetime.strptime(str(raw or ""), "%Y-%m").date()
    except ValueError:
        return default
    return day if FIRST_YEAR <= day.year <= LAST_YEAR else default


def object_id(raw) -> int | None:
    """The id of a database row given in a form or query (None when empty); other text is a bad request."""
    text = str(raw or "").strip()
    if not text:
        return None
    if not text.isdecimal() or len(text) > 18:
        raise BadRequest(_("'%(value)s' is not a valid number.") % {"value": text[:20]})
    return int(text)
