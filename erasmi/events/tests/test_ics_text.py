"""Whatever an event's title holds, each calendar file keeps it as that one event's title."""

import icalendar
import pytest
from django.urls import reverse

from erasmi.events.models import Event
from erasmi.networks.models import Person
from erasmi.networks.tests.factories import make_event

INJECTION = "Line1\r\nDTSTART:19700101T000000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Injected"
TITLES = [
    INJECTION,
    "Plenum; Budget, Planung \\ Raum 3",
    "Ü" + "Sehr langer Titel mit Umlauten äöü und Kommas, " * 5,  # longer than a line, several octets a letter
    "Bell\x07 and\x1b escape",  # control characters iCalendar cannot hold
]
EXPECTED = [
    INJECTION.replace("\r\n", "\n"),  # iCalendar text has one kind of line break
    TITLES[1],
    TITLES[2][:200],
    "Bell and escape",
]


def feeds(client, member, event):
    token = Person.for_user(member).feed_token
    return {
        "public feed": client.get("/feeds/networks/erfurt.ics").content,
        "personal feed": client.get(f"/feeds/personal/{token}.ics").content,
        "event file": client.get(reverse("events:ics", args=["erfurt", event.pk])).content,
    }


@pytest.mark.parametrize(("title", "expected"), list(zip(TITLES, EXPECTED, strict=True)))
def test_a_title_with_line_breaks_or_separators_stays_the_title_of_one_event(
    client, member, erfurt_network, title, expected
):
    event = make_event(erfurt_network, title=title[:200], visibility=Event.Visibility.PUBLIC)
    event.place = "Rathaus, Raum 3; 2. Stock\r\nEingang B"
    event.save()
    for where, body in feeds(client, member, event).items():
        cal = icalendar.Calendar.from_ical(body)
        (entry,) = cal.walk("VEVENT")
        assert str(entry["summary"]) == expected, where
        assert str(entry["location"]) == "Rathaus, Raum 3; 2. Stock\nEingang B", where
        assert entry.decoded("dtstart") == event.starts.replace(microsecond=0), where
        lines = body.split(b"\r\n")
        assert all(len(line) <= 75 for line in lines), where
        assert not any(b"\r" in line or b"\n" in line for line in lines), where
        assert lines.count(b"BEGIN:VEVENT") == 1 and lines.count(b"END:VEVENT") == 1, where
        vevent = lines[lines.index(b"BEGIN:VEVENT") : lines.index(b"END:VEVENT")]
        assert sum(line.startswith(b"DTSTART") for line in vevent) == 1, where


def test_the_calendar_name_keeps_the_network_name_on_one_line(client, erfurt_network):
    erfurt_network.name = "Netz\r\nX-INJECTED:1; Erfurt, Thüringen"
    erfurt_network.save()
    make_event(erfurt_network, title="Open day", visibility=Event.Visibility.PUBLIC)
    body = client.get("/feeds/networks/erfurt.ics").content
    cal = icalendar.Calendar.from_ical(body)
    raw = str(cal["x-wr-calname"])  # the library leaves a property it does not know escaped
    name = raw.replace("\\n", "\n").replace("\\;", ";").replace("\\,", ",")
    assert name == "Netz\nX-INJECTED:1; Erfurt, Thüringen"
    assert b"\r\nX-INJECTED" not in body
