"""Calling a meeting off: asked first, registrants told once in their language, marked in calendars."""

import io

import icalendar
import pytest
from django.urls import reverse
from django.utils import translation
from model_bakery import baker
from openpyxl import load_workbook

from erasmi.core.tests.formdata import as_browser_sends
from erasmi.events import services
from erasmi.events.models import Event, Registration
from erasmi.networks.models import HistoryEntry, Organisation, Person, Role
from erasmi.networks.tests.factories import make_event, make_network


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


def registrant(network, email, language):
    user = baker.make("accounts.User", email=email, language=language)
    Role.objects.create(network=network, person=Person.for_user(user))
    return Person.for_user(user)


@pytest.fixture
def meeting(erfurt_network):
    """A meeting with one place: a German speaker has it, a Turkish speaker waits, someone else cancelled."""
    event = make_event(erfurt_network, title="Netzwerktreffen", capacity=1, visibility=Event.Visibility.PUBLIC)
    services.register(event, registrant(erfurt_network, "ute@example.org", "de"))
    services.register(event, registrant(erfurt_network, "ayse@example.org", "tr"))
    gone = services.register(event, registrant(erfurt_network, "gone@example.org", "it"))
    services.cancel(gone)
    return event


def test_cancelling_asks_first_and_tells_each_registrant_once_in_their_language(
    client, coordinator, meeting, smtp_server, django_capture_on_commit_callbacks, immediate_tasks
):
    client.force_login(coordinator)
    confirm = client.get(url("events:cancel_event", "erfurt", meeting.pk))
    assert confirm.status_code == 200
    assert "2 people registered or on the waiting list are told by mail" in confirm.text
    meeting.refresh_from_db()
    assert meeting.status == Event.Status.SCHEDULED and not smtp_server.messages  # asking changes nothing
    with django_capture_on_commit_callbacks(execute=True):  # the worker's delivery, after the commit
        response = client.post(url("events:cancel_event", "erfurt", meeting.pk), follow=True)
    assert "The meeting was cancelled; 2 people were told by mail." in response.text
    meeting.refresh_from_db()
    assert meeting.status == Event.Status.CANCELLED
    by_address = {m["to"][0]: m["message"] for m in smtp_server.messages}
    assert sorted(by_address) == ["ayse@example.org", "ute@example.org"]
    assert by_address["ute@example.org"]["Subject"] == "Abgesagt: Netzwerktreffen"
    assert by_address["ayse@example.org"]["Subject"] == "İptal edildi: Netzwerktreffen"
    assert "wurde abgesagt" in by_address["ute@example.org"].get_body().get_content()
    assert HistoryEntry.objects.filter(action=HistoryEntry.Action.CANCELLED, object_id=str(meeting.pk)).exists()


def test_a_double_click_on_cancel_sends_no_second_mail(
    client, coordinator, meeting, smtp_server, django_capture_on_commit_callbacks, immediate_tasks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("events:cancel_event", "erfurt", meeting.pk))
        second = client.post(url("events:cancel_event", "erfurt", meeting.pk), follow=True)
    assert "The meeting was cancelled already." in second.text
    assert len(smtp_server.messages) == 2
    assert HistoryEntry.objects.filter(action=HistoryEntry.Action.CANCELLED, object_type="event").count() == 1


def test_when_the_mail_server_is_away_the_mails_wait_and_go_out_once_it_is_back(
    client, coordinator, meeting, settings, smtp_server
):
    from erasmi.notifications.services import deliver_due

    port = settings.EMAIL_PORT
    settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = 9, 2  # nobody listens
    client.force_login(coordinator)
    response = client.post(url("events:cancel_event", "erfurt", meeting.pk), follow=True)
    assert "The meeting was cancelled; 2 people were told by mail." in response.text
    assert deliver_due() == 0 and not smtp_server.messages
    settings.EMAIL_PORT = port
    assert deliver_due() > 0 and deliver_due() == 0  # everything waiting went, each once
    cancelled = [
        m["to"][0]
        for m in smtp_server.messages
        if m["message"]["Subject"].endswith(": Netzwerktreffen")
        and m["message"]["Subject"].split(":")[0] in ("Abgesagt", "İptal edildi")
    ]
    assert sorted(cancelled) == ["ayse@example.org", "ute@example.org"]


def test_a_member_cannot_cancel_and_another_networks_coordinator_learns_nothing(client, member, meeting):
    client.force_login(member)
    assert client.get(url("events:cancel_event", "erfurt", meeting.pk)).status_code == 403
    assert client.post(url("events:cancel_event", "erfurt", meeting.pk)).status_code == 403
    stranger = baker.make("accounts.User", email="halle@example.org")
    make_network("halle", stranger)
    meeting.visibility = Event.Visibility.MEMBERS
    meeting.save()
    client.force_login(stranger)
    assert client.post(url("events:cancel_event", "erfurt", meeting.pk)).status_code == 404
    assert client.get(url("events:participants_xlsx", "erfurt", meeting.pk)).status_code == 404
    meeting.refresh_from_db()
    assert meeting.status == Event.Status.SCHEDULED


def test_a_cancelled_meeting_stays_in_the_calendar_marked_and_the_feeds_say_cancelled(
    client, coordinator, member, meeting
):
    services.cancel_event(meeting, coordinator)
    client.force_login(member)
    month = meeting.starts.strftime("%Y-%m")
    calendar = client.get(url("events:network_calendar", "erfurt"), {"month": month}).text
    assert "<strong>Cancelled:</strong> <s>Netzwerktreffen</s>" in calendar
    detail = client.get(meeting.get_absolute_url()).text
    assert "This meeting was cancelled on" in detail and "Register</button>" not in detail
    for address in ["/feeds/networks/erfurt.ics", url("events:ics", "erfurt", meeting.pk)]:
        feed = icalendar.Calendar.from_ical(client.get(address).content)
        (entry,) = feed.walk("VEVENT")
        assert entry["SUMMARY"] == "Netzwerktreffen" and entry["STATUS"] == "CANCELLED"
    newcomer = registrant(meeting.network, "late@example.org", "de")
    with pytest.raises(services.RegistrationError):
        services.register(meeting, newcomer)


def test_saving_the_edit_form_after_a_cancellation_does_not_undo_it(client, coordinator, meeting):
    client.force_login(coordinator)
    form = as_browser_sends(client.get(url("events:edit", "erfurt", meeting.pk)).context["form"])
    services.cancel_event(meeting, coordinator)
    client.post(url("events:edit", "erfurt", meeting.pk), {**form, "title": "Netzwerktreffen (neu)"})
    meeting.refresh_from_db()
    assert meeting.title == "Netzwerktreffen (neu)"
    assert meeting.status == Event.Status.CANCELLED


def test_the_participant_list_reads_back_as_the_network_recorded_the_people(client, coordinator, member, meeting):
    caritas = Organisation.objects.get(name="Caritas")
    role = Role.objects.get(network=meeting.network, person__user__email="ute@example.org")
    role.record = Person.objects.create(first_name="Ute", last_name="Vom Netzwerk", organisation=caritas)
    role.save()
    registration = meeting.registrations.get(person=role.person)
    registration.attended = True
    registration.save()
    client.force_login(coordinator)
    response = client.get(url("events:participants_xlsx", "erfurt", meeting.pk))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Name", "Organisation", "Status", "Registered at", "Attended"]
    assert rows[1][:3] == ["Ute Vom Netzwerk", "Caritas", "Registered"] and rows[1][4] == "yes"
    assert rows[2][2] == "On the waiting list" and rows[3][2] == "Cancelled"
    assert rows[1][3].date() == registration.registered.date()
    client.force_login(member)
    assert client.get(url("events:participants_xlsx", "erfurt", meeting.pk)).status_code == 403
    assert Registration.objects.count() == 3


def test_agendas_and_minutes_are_edited_as_plain_text_and_keep_their_line_breaks(client, coordinator, erfurt_network):
    from erasmi.core.html import to_lines

    # What was stored as HTML before becomes plain text lines (migration 0004).
    assert to_lines("<ul><li>Begrüßung</li><li>Panel &amp; Café</li></ul>") == "- Begrüßung\n- Panel & Café"
    event = make_event(erfurt_network)
    Event.objects.filter(pk=event.pk).update(agenda="- Begrüßung\n- Panel", minutes="Eins\nZwei")
    client.force_login(coordinator)
    form = client.get(url("events:edit", "erfurt", event.pk)).text
    assert "&lt;li&gt;" not in form and "- Begrüßung\n- Panel</textarea>" in form
    detail = client.get(event.get_absolute_url()).text
    assert "- Begrüßung<br>- Panel" in detail and "<p>Eins<br>Zwei</p>" in detail


def test_two_coordinators_cancelling_at_the_same_moment_send_each_mail_once(
    transactional_db, coordinator, meeting, smtp_server, immediate_tasks
):
    from django.test import Client

    from erasmi.core.tests.parallel import at_once

    def cancel():
        client = Client()
        client.force_login(coordinator)
        return client.post(url("events:cancel_event", "erfurt", meeting.pk)).status_code

    assert at_once([cancel, cancel, cancel]) == [302, 302, 302]
    assert sorted(m["to"][0] for m in smtp_server.messages) == ["ayse@example.org", "ute@example.org"]
    assert HistoryEntry.objects.filter(action=HistoryEntry.Action.CANCELLED, object_type="event").count() == 1
