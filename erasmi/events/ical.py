"""iCalendar files of events, for Thunderbird, Outlook and phones (written by ``core.ical``)."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from erasmi.core import ical


def calendar(events, name: str, base_url: str) -> bytes:
    """A VCALENDAR with the events in the platform's time zone (VTIMEZONE included)."""
    tz = ZoneInfo(settings.TIME_ZONE)
    stamp = timezone.now()

    def properties(event) -> dict:
        url = base_url + event.get_absolute_url()
        return {
            "uid": f"event-{event.pk}@erasmi",
            "dtstamp": stamp,
            "dtstart": event.starts.astimezone(tz),
            "dtend": event.ends.astimezone(tz),
            "summary": event.title,
            "location": event.place or event.online_url,
            "url": url,
            "description": "\n\n".join(part for part in (event.description, url) if part),
            "class": "PUBLIC" if event.visibility == event.Visibility.PUBLIC else "PRIVATE",
            # A cancelled meeting stays in subscribed calendars, marked as cancelled there.
            "status": "CANCELLED" if event.is_cancelled else "CONFIRMED",
        }

    return ical.calendar(name, (properties(event) for event in events))
