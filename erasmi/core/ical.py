"""iCalendar files: the one way text that people typed gets into a .ics file.

Every property is written by the icalendar library, never as a hand-built line: it
escapes ``\\``, ``;``, ``,`` and line breaks in text and folds lines at 75 octets, so a
title with a line break cannot start a property of its own. Before that, this helper
drops the control characters that iCalendar cannot hold (and, in a URI, line breaks),
so that every event still gives a valid file.
"""

import re
from collections.abc import Iterable, Mapping

import icalendar
from django.conf import settings

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # all but tab, line feed and carriage return
URI_PROPERTIES = {"url", "attach", "tzurl"}
ADDRESS_PROPERTIES = {"organizer", "attendee"}  # "mailto:" addresses


def value(name: str, value):
    """A property value as the library should write it: a string is TEXT (escaped, without the
    control characters iCalendar cannot hold) or, for a URI property, a URI on one line.

    Stated explicitly because the library writes the value of a property it does not know
    (``X-WR-CALNAME``) as it is, line breaks included.
    """
    if not isinstance(value, str):
        return value
    value = _CONTROL.sub("", value)
    if name.lower() in ADDRESS_PROPERTIES:
        return icalendar.vCalAddress(re.sub(r"[\r\n\t]", "", value))
    if name.lower() in URI_PROPERTIES:
        return icalendar.vUri(re.sub(r"[\r\n\t]", "", value))
    return icalendar.vText(value)


def calendar(name: str, events: Iterable[Mapping[str, object]], *, method: str = "") -> bytes:
    """A VCALENDAR named ``name`` with one VEVENT per mapping of property names to values.

    Times are given as aware datetimes; the time zones they use are included (VTIMEZONE).
    """
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Erasmi//Erasmi//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    cal.add("x-wr-calname", value("x-wr-calname", name))
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    for properties in events:
        entry = icalendar.Event()
        for key, given in properties.items():
            if given not in (None, ""):
                entry.add(key, value(key, given))
        cal.add_component(entry)
    cal.add_missing_timezones()
    return cal.to_ical()
