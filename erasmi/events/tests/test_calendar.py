import datetime
from zoneinfo import ZoneInfo

import icalendar
from django.urls import reverse
from django.utils import timezone

from erasmi.events.models import Event
from erasmi.networks.models import Person
from erasmi.networks.tests.factories import make_event

BERLIN = ZoneInfo("Europe/Berlin")


def test_public_feed_has_public_events_with_berlin_times_across_daylight_saving(client, erfurt_network):
    summer = datetime.datetime(2027, 7, 1, 18, 0, tzinfo=BERLIN)  # CEST, UTC+2
    winter = datetime.datetime(2027, 12, 1, 18, 0, tzinfo=BERLIN)  # CET, UTC+1
    make_event(erfurt_network, title="Summer meeting", visibility=Event.Visibility.PUBLIC, start=summer)
    make_event(erfurt_network, title="Winter meeting", visibility=Event.Visibility.PUBLIC, start=winter)
    make_event(erfurt_network, title="Internal meeting", visibility=Event.Visibility.MEMBERS)
    response = client.get("/feeds/networks/erfurt.ics")
    assert response["Content-Type"].startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(response.content)
    events = {str(e["summary"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {"Summer meeting", "Winter meeting"}
    start = events["Summer meeting"].decoded("dtstart")
    assert start.hour == 18 and str(start.tzinfo) == "Europe/Berlin"
    assert start.astimezone(datetime.UTC).hour == 16
    assert events["Winter meeting"].decoded("dtstart").astimezone(datetime.UTC).hour == 17
    assert events["Summer meeting"].decoded("dtend") - start == datetime.timedelta(hours=2)
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_personal_feed_has_members_only_events_of_my_networks_only(client, member, erfurt_network, other_network):
    make_event(erfurt_network, title="Erfurt internal")
    make_event(other_network, title="Halle internal")
    token = Person.for_user(member).feed_token
    cal = icalendar.Calendar.from_ical(client.get(f"/feeds/personal/{token}.ics").content)
    assert [str(e["summary"]) for e in cal.walk("VEVENT")] == ["Erfurt internal"]
    assert client.get("/feeds/personal/not-a-real-token-at-all-123.ics").status_code == 404


def test_each_event_offers_an_ics_download(client, erfurt_network):
    event = make_event(erfurt_network, title="Open day", visibility=Event.Visibility.PUBLIC)
    response = client.get(reverse("events:ics", args=["erfurt", event.pk]))
    cal = icalendar.Calendar.from_ical(response.content)
    (entry,) = cal.walk("VEVENT")
    assert str(entry["summary"]) == "Open day"
    assert str(entry["uid"]) == f"event-{event.pk}@erasmi"


def test_members_only_event_is_hidden_from_outsiders_everywhere(client, other_member, erfurt_network):
    event = make_event(erfurt_network, title="Secret planning")
    client.force_login(other_member)
    assert client.get(reverse("events:detail", args=["erfurt", event.pk])).status_code == 404
    assert client.get(reverse("events:ics", args=["erfurt", event.pk])).status_code == 404
    assert (
        "Secret planning" not in client.get(reverse("events:network_calendar", args=["erfurt"]), {"view": "list"}).text
    )
    assert "Secret planning" not in client.get("/feeds/networks/erfurt.ics").text
    token = Person.for_user(other_member).feed_token
    assert "Secret planning" not in client.get(f"/feeds/personal/{token}.ics").text
    assert client.get(reverse("events:group_calendar", args=["erfurt", "sprache"])).status_code == 404


def test_month_view_places_events_on_their_day(client, member, erfurt_network):
    day = timezone.localdate() + datetime.timedelta(days=3)
    start = datetime.datetime.combine(day, datetime.time(9, 30), tzinfo=timezone.get_current_timezone())
    make_event(erfurt_network, title="Breakfast", start=start)
    client.force_login(member)
    response = client.get(reverse("events:network_calendar", args=["erfurt"]), {"month": day.strftime("%Y-%m")})
    cells = {d: [e["title"] for e in events] for week in response.context["weeks"] for d, events, _inside in week}
    assert cells[day] == ["Breakfast"]
    assert "09:30 Breakfast" in response.text


def test_month_view_needs_constant_queries(client, member, erfurt_network, django_assert_max_num_queries):
    client.force_login(member)
    url, month = reverse("events:network_calendar", args=["erfurt"]), timezone.localdate().strftime("%Y-%m")
    make_event(erfurt_network, title="E", days=1)
    with django_assert_max_num_queries(12) as few:
        client.get(url, {"month": month})
    for n in range(30):
        make_event(erfurt_network, title=f"E{n}", days=n % 20)
    with django_assert_max_num_queries(12) as many:
        client.get(url, {"month": month})
    assert len(many.captured_queries) == len(few.captured_queries)


def test_coordinator_schedules_a_meeting_and_bad_times_are_refused(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    url = reverse("events:create", args=["erfurt"])
    data = {
        "title": "Netzwerktreffen",
        "kind": "network_meeting",
        "formats": ["panel", "network_cafe"],
        "starts": "2027-03-10T15:00",
        "ends": "2027-03-10T14:00",
        "place": "Rathaus",
        "visibility": "members",
        "capacity": "40",
        "agenda": "Panel\r\n<script>alert(1)</script>",
    }
    response = client.post(url, data)
    assert "The end is before the start." in response.text
    response = client.post(url, {**data, "ends": "2027-03-10T18:00"})
    assert response.status_code == 302
    event = Event.objects.get()
    # Agendas are plain text: kept as typed, shown with their line breaks and never as markup.
    assert event.agenda == "Panel\r\n<script>alert(1)</script>"
    page = client.get(event.get_absolute_url()).text
    assert "Panel<br>&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert event.formats == ["panel", "network_cafe"]
    assert timezone.localtime(event.starts).hour == 15


def test_minutes_and_attendance_after_the_meeting(client, coordinator, member, erfurt_network):
    from erasmi.events import services

    event = make_event(erfurt_network, capacity=5)
    registration = services.register(event, Person.for_user(member))
    client.force_login(member)
    assert client.get(reverse("events:minutes", args=["erfurt", event.pk])).status_code == 403
    client.force_login(coordinator)
    client.post(
        reverse("events:minutes", args=["erfurt", event.pk]),
        {
            "minutes": "We met.\r\n<img src=x onerror=alert(1)>",
            "decisions": "<p>Next in May</p>",
            "attended": [registration.pk],
        },
    )
    event.refresh_from_db()
    registration.refresh_from_db()
    assert registration.attended is True
    page = client.get(event.get_absolute_url()).text
    assert "We met.<br>&lt;img src=x onerror=alert(1)&gt;" in page


def test_a_feed_is_generated_once_and_follows_every_change(client, erfurt_network, django_assert_max_num_queries):
    make_event(erfurt_network, title="First", visibility=Event.Visibility.PUBLIC)
    assert "First" in client.get("/feeds/networks/erfurt.ics").text
    with django_assert_max_num_queries(2):  # network + version token; the body comes from the cache
        client.get("/feeds/networks/erfurt.ics")
    make_event(erfurt_network, title="Second", visibility=Event.Visibility.PUBLIC)
    assert "Second" in client.get("/feeds/networks/erfurt.ics").text
    old = make_event(erfurt_network, title="Long ago", visibility=Event.Visibility.PUBLIC, days=-400)
    assert "Long ago" not in client.get("/feeds/networks/erfurt.ics").text
    assert old.pk


def test_coordinator_moves_a_meeting_and_the_history_says_so(client, coordinator, member, erfurt_network):
    from erasmi.networks.models import HistoryEntry

    event = make_event(erfurt_network, title="Netzwerktreffen")
    client.force_login(member)
    assert client.get(reverse("events:edit", args=["erfurt", event.pk])).status_code == 403
    client.force_login(coordinator)
    data = {
        "title": "Netzwerktreffen",
        "kind": event.kind,
        "starts": "2030-04-02T16:00",
        "ends": "2030-04-02T18:00",
        "place": "Neuer Saal",
        "visibility": "members",
    }
    assert client.post(reverse("events:edit", args=["erfurt", event.pk]), data).status_code == 302
    event.refresh_from_db()
    assert event.place == "Neuer Saal"
    entry = HistoryEntry.objects.get(action="changed")
    assert set(entry.changes) == {"starts", "ends", "place"}


def test_a_month_without_meetings_leads_on_to_the_upcoming_ones(client, erfurt_network):
    soon = datetime.datetime(2027, 8, 3, 18, 0, tzinfo=BERLIN)
    make_event(erfurt_network, title="Sommerfest", visibility=Event.Visibility.PUBLIC, start=soon)
    with timezone.override(BERLIN):
        july = client.get("/da/networks/erfurt/calendar/", {"month": "2027-07"}).text
    assert 'href="?view=list&amp;kind="' in july and "Alle kommende arrangementer" in july
    upcoming = client.get("/da/networks/erfurt/calendar/", {"view": "list"}).text
    assert "Sommerfest" in upcoming
