"""iCalendar files of events, for Thunderbird, Outlook and phones."""

from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone

from erasmi.core.html import to_text


def calendar(events, name: str, base_url: str) -> bytes:
    """A VCALENDAR with the events in the platform's time zone (VTIMEZONE included)."""
    tz = ZoneInfo(settings.TIME_ZONE)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Erasmi//Erasmi//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    for event in events:
        entry = icalendar.Event()
        entry.add("uid", f"event-{event.pk}@erasmi")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", event.starts.astimezone(tz))
        entry.add("dtend", event.ends.astimezone(tz))
        entry.add("summary", event.title)
        entry.add("location", event.place or event.online_url)
        url = base_url + event.get_absolute_url()
        entry.add("url", url)
        entry.add("description", "\n\n".join(part for part in (to_text(event.description), url) if part))
        entry.add("class", "PUBLIC" if event.visibility == event.Visibility.PUBLIC else "PRIVATE")
        cal.add_component(entry)
    cal.add_missing_timezones()
    return cal.to_ical()
