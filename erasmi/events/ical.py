"""iCalendar files of events, for Thunderbird, Outlook and phones (written by ``core.ical``)."""

from email.utils import parseaddr
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from erasmi.core import ical


def calendar(
    events, name: str, base_url: str, *, method: str = "", attendee: str = "", language: str | None = None
) -> bytes:
    """A VCALENDAR with the events in the platform's time zone (VTIMEZONE included); their titles and
    descriptions in the ``language`` where they have a version in it, else (and without one) as written.

    With a ``method`` (REQUEST, CANCEL) it is an iTIP message for one attendee, as mailed to registrants:
    calendar programs add, update or remove the meeting by its UID and SEQUENCE.
    """
    tz = ZoneInfo(settings.TIME_ZONE)
    stamp = timezone.now()

    def properties(event) -> dict:
        url = base_url + event.get_absolute_url()
        title, description = event.title, event.description
        if language:
            title, description = (event.text_in(field, language)[0] for field in ("title", "description"))
        values = {
            "uid": f"event-{event.pk}@erasmi",
            "dtstamp": stamp,
            "dtstart": event.starts.astimezone(tz),
            "dtend": event.ends.astimezone(tz),
            "summary": title,
            "location": event.place or event.online_url,
            "url": url,
            "description": "\n\n".join(part for part in (description, url) if part),
            "class": "PUBLIC" if event.visibility == event.Visibility.PUBLIC else "PRIVATE",
            # A cancelled meeting stays in subscribed calendars, marked as cancelled there.
            "status": "CANCELLED" if event.is_cancelled else "CONFIRMED",
            "sequence": event.sequence,
        }
        if method:
            values["organizer"] = "mailto:" + organizer
            values["attendee"] = "mailto:" + attendee
        return values

    organizer = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "noreply@localhost"
    return ical.calendar(name, (properties(event) for event in events), method=method)
