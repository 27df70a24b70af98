"""People are told by mail, in their language, of what happens to them; each chooses what they receive."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone, translation
from model_bakery import baker

from erasmi.compendium import services as compendium
from erasmi.core.tests.formdata import as_browser_sends
from erasmi.events import notices as event_notices
from erasmi.events import services
from erasmi.networks import notices as network_notices
from erasmi.networks.models import Document, DocumentVersion, Person, Role, Task
from erasmi.networks.tests.factories import make_event
from erasmi.notifications import services as notifications
from erasmi.notifications.models import Notice, Preference, Topic


@pytest.fixture
def told(django_capture_on_commit_callbacks, smtp_server, immediate_tasks):
    """Run what happens after the commit (the worker's delivery) and return the SMTP server's inbox."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    smtp_server.run = run
    return smtp_server


def person(network, email, language):
    user = baker.make("accounts.User", email=email, language=language, first_name=email.split("@")[0])
    Role.objects.create(network=network, person=Person.for_user(user))
    return Person.for_user(user)


def calendar_of(message) -> icalendar.Calendar:
    (part,) = [p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert part.get_param("method") == icalendar.Calendar.from_ical(part.get_content())["METHOD"]
    return icalendar.Calendar.from_ical(part.get_content())


def test_a_registration_is_confirmed_in_the_persons_language_with_the_meeting_for_their_calendar(erfurt_network, told):
    event = make_event(erfurt_network, title="Netzwerktreffen", capacity=1)
    ute = person(erfurt_network, "ute@example.org", "de")
    told.run(services.register, event, ute)
    (received,) = told.messages
    message = received["message"]
    assert received["to"] == ["ute@example.org"]
    assert message["Subject"] == "Ihr Platz ist bestätigt: Netzwerktreffen"
    assert message["Content-Language"] == "de"
    assert message["Message-ID"].startswith("<notice.") and message["Auto-Submitted"] == "auto-generated"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Netzwerktreffen" in message.get_body(preferencelist=("plain",)).get_content()
    calendar = calendar_of(message)
    assert calendar["METHOD"] == "REQUEST"
    (entry,) = calendar.walk("VEVENT")
    assert entry["UID"] == f"event-{event.pk}@erasmi" and entry["SUMMARY"] == "Netzwerktreffen"
    assert str(entry["ATTENDEE"]) == "mailto:ute@example.org"


def test_the_waiting_list_and_moving_up_are_told_and_registering_twice_tells_once(erfurt_network, told):
    event = make_event(erfurt_network, title="Sprachcafé", capacity=1)
    ute, ayse = person(erfurt_network, "ute@example.org", "de"), person(erfurt_network, "ayse@example.org", "tr")
    first = told.run(services.register, event, ute)
    told.run(services.register, event, ute)  # a double click
    told.run(services.register, event, ayse)
    assert [m["to"][0] for m in told.messages] == ["ute@example.org", "ayse@example.org"]
    waiting = told.messages[1]["message"]
    assert waiting["Subject"] == "Bekleme listesinde: Sprachcafé"
    assert "1" in waiting.get_body().get_content()
    told.run(services.cancel, first)
    moved = told.messages[2]
    assert moved["to"] == ["ayse@example.org"]
    assert moved["message"]["Subject"] == "Sizin için bir yer açıldı: Sprachcafé"
    assert calendar_of(moved["message"])["METHOD"] == "REQUEST"


def test_a_new_time_reaches_the_registrants_calendars_and_an_unchanged_save_tells_nobody(
    client, coordinator, erfurt_network, told
):
    event = make_event(erfurt_network, title="Netzwerktreffen")
    told.run(services.register, event, person(erfurt_network, "ute@example.org", "de"))
    told.messages.clear()
    client.force_login(coordinator)
    edit = reverse("events:edit", args=["erfurt", event.pk])
    form = as_browser_sends(client.get(edit).context["form"])
    told.run(client.post, edit, form)
    told.run(client.post, edit, {**form, "description": "Mit Imbiss"})
    assert told.messages == []  # nothing that a calendar holds changed
    later = (timezone.localtime(event.starts) + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    form = as_browser_sends(client.get(edit).context["form"])
    told.run(client.post, edit, {**form, "starts": later, "ends": later})
    (received,) = told.messages
    assert received["message"]["Subject"] == "Geändert: Netzwerktreffen"
    (entry,) = calendar_of(received["message"]).walk("VEVENT")
    assert entry["SEQUENCE"] == 1
    event.refresh_from_db()
    assert entry.decoded("DTSTART") == event.starts


def test_a_cancellation_removes_the_meeting_from_calendars(coordinator, erfurt_network, told):
    event = make_event(erfurt_network, title="Netzwerktreffen")
    told.run(services.register, event, person(erfurt_network, "ute@example.org", "de"))
    told.run(services.cancel_event, event, coordinator)
    cancel = told.messages[-1]["message"]
    assert cancel["Subject"] == "Abgesagt: Netzwerktreffen"
    calendar = calendar_of(cancel)
    assert calendar["METHOD"] == "CANCEL"
    (entry,) = calendar.walk("VEVENT")
    assert entry["STATUS"] == "CANCELLED" and entry["SEQUENCE"] == 1


def test_the_day_before_each_person_with_a_place_is_reminded_once(erfurt_network, told):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    start = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(10)))
    event = make_event(erfurt_network, title="Netzwerktreffen", start=start)
    later = make_event(erfurt_network, title="Später", days=5)
    ute = person(erfurt_network, "ute@example.org", "de")
    told.run(services.register, event, ute)
    told.run(services.register, later, ute)
    told.messages.clear()
    assert told.run(event_notices.remind_tomorrow) == 1
    assert told.run(event_notices.remind_tomorrow) == 0  # the scheduler ran twice: one reminder
    (received,) = told.messages
    assert received["message"]["Subject"] == "Morgen: Netzwerktreffen"


def test_a_task_is_told_to_its_assignee_but_not_to_someone_who_gives_it_to_themselves(
    client, coordinator, member, erfurt_network, told
):
    group = erfurt_network.working_groups.get()
    member.language = "it"
    member.save()
    client.force_login(coordinator)
    told.run(client.post, group.get_absolute_url(), {"title": "Verbale", "assignee": Person.for_user(member).pk})
    assert Task.objects.count() == 1
    (received,) = told.messages
    assert received["to"] == ["member@example.org"]
    assert received["message"]["Subject"] == "Nuovo compito assegnato: Verbale"
    client.force_login(member)
    told.run(client.post, group.get_absolute_url(), {"title": "Mein eigener", "assignee": Person.for_user(member).pk})
    assert Task.objects.count() == 2 and len(told.messages) == 1


def test_editors_hear_of_a_submission_and_the_author_of_the_decision(editor, member, told):
    values = {"name": "Sprachpaten", "summary": "Ehrenamtliche begleiten Neuzugewanderte."}
    practice = told.run(compendium.submit_practice, values=values, language="de", user=member)
    assert [m["to"][0] for m in told.messages] == ["editor@example.org"]
    assert told.messages[0]["message"]["Subject"] == "Submitted for review: Sprachpaten"
    told.run(compendium.review, practice, "request_changes", reviewer=editor, comment="Bitte Kontakt ergänzen.")
    changes = told.messages[1]
    assert changes["to"] == ["member@example.org"]
    assert "Bitte Kontakt ergänzen." in changes["message"].get_body().get_content()
    told.run(compendium.review, practice, "publish", reviewer=editor)
    assert told.messages[2]["message"]["Subject"] == "Published: Sprachpaten"


def test_new_documents_of_a_group_come_as_one_summary_a_day(coordinator, member, erfurt_network, told, tmp_path):
    from django.core.files.base import ContentFile

    group = erfurt_network.working_groups.get()
    ute = person(erfurt_network, "ute@example.org", "de")
    group.members.add(ute)
    yesterday = timezone.now() - datetime.timedelta(days=1)
    for title in ("Protokoll März", "Flyer"):
        document = Document.objects.create(network=erfurt_network, working_group=group, title=title)
        DocumentVersion.objects.create(
            document=document,
            number=1,
            file=ContentFile(b"x", name="a.pdf"),
            original_name="a.pdf",
            size=1,
            uploaded_by=coordinator,
            uploaded=yesterday,
        )
    assert told.run(network_notices.document_digest, timezone.localdate(yesterday)) == 2  # Ute and the lead
    assert told.run(network_notices.document_digest, timezone.localdate(yesterday)) == 0
    mine = {m["to"][0]: m["message"] for m in told.messages}["ute@example.org"]
    assert mine["Subject"] == "2 neue Dokumente in Ihren Arbeitsgruppen"
    body = mine.get_body().get_content()
    assert "Protokoll März" in body and "Flyer" in body


def test_a_topic_turned_off_from_the_mails_link_without_signing_in_sends_no_more(client, erfurt_network, told):
    event = make_event(erfurt_network, title="Netzwerktreffen", capacity=5)
    ute = person(erfurt_network, "ute@example.org", "de")
    told.run(services.register, event, ute)
    body = told.messages[0]["message"].get_body().get_content()
    link = next(line.split()[-1] for line in body.splitlines() if "/notifications/" in line)
    page = client.get(link.replace("http://127.0.0.1:8000", ""))
    assert page.status_code == 200 and "ute@example.org" in page.text
    wanted = [topic for topic in Topic.values if topic != Topic.REGISTRATIONS]
    client.post(link.replace("http://127.0.0.1:8000", ""), {"wanted": wanted})
    assert Preference.objects.get(address="ute@example.org").off == [Topic.REGISTRATIONS]
    told.run(services.register, make_event(erfurt_network, title="Zweites"), ute)
    assert len(told.messages) == 1


def test_one_click_unsubscribe_works_as_a_mail_program_sends_it(erfurt_network, told):
    from django.test import Client

    told.run(services.register, make_event(erfurt_network), person(erfurt_network, "ute@example.org", "de"))
    header = told.messages[0]["message"]["List-Unsubscribe"].strip()  # folded: the URL is long
    assert header.startswith("<http://127.0.0.1:8000/") and header.endswith(">"), header
    header = header.strip("<>")
    mail_program = Client(enforce_csrf_checks=True)  # no cookie, no CSRF token: RFC 8058
    response = mail_program.post(header.replace("http://127.0.0.1:8000", ""), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Preference.wants("ute@example.org", Topic.REGISTRATIONS)
    assert Preference.wants("ute@example.org", Topic.REMINDERS)


def test_the_one_click_link_opened_in_a_browser_asks_in_the_persons_language(client, erfurt_network, told):
    told.run(services.register, make_event(erfurt_network), person(erfurt_network, "emre@example.org", "tr"))
    header = "".join(told.messages[0]["message"]["List-Unsubscribe"].split()).strip("<>")
    assert "/tr/notifications/" in header, header
    page = client.get(header.replace("http://127.0.0.1:8000", ""))  # a mail program that opens the link
    assert page.status_code == 200 and 'lang="tr"' in page.text


def test_a_forged_link_shows_nothing(client):
    assert client.get("/en/notifications/not-a-token/").status_code == 404
    forged = notifications.token("ute@example.org")[:-2] + "xx"
    assert client.post(f"/en/notifications/{forged}/off/reminders/").status_code == 404


def test_a_mail_server_that_is_away_delays_the_mail_and_loses_none(erfurt_network, settings, smtp_server):
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = 9, 2  # nobody listens
    event = make_event(erfurt_network)
    services.register(event, person(erfurt_network, "ute@example.org", "de"))
    notice = Notice.objects.get()
    with pytest.raises(OSError):
        notifications.deliver(notice.pk)
    assert notifications.deliver_due() == 0
    settings.EMAIL_PORT = port
    assert notifications.deliver_due() == 1
    assert notifications.deliver_due() == 0 and not notifications.deliver(notice.pk)
    assert len(smtp_server.messages) == 1
    notice.refresh_from_db()
    assert notice.sent and notice.attempts == 2  # the sweep found the server away before claiming


def test_a_worker_that_died_after_claiming_leaves_the_notice_to_the_next_one(erfurt_network, settings, smtp_server):
    services.register(make_event(erfurt_network), person(erfurt_network, "ute@example.org", "de"))
    notice = Notice.objects.get()
    assert notifications.claim(notice.pk)  # a worker took it, then was killed
    assert notifications.deliver_due() == 0  # the claim is fresh: nobody else sends it
    Notice.objects.filter(pk=notice.pk).update(claimed=timezone.now() - datetime.timedelta(hours=1))
    assert notifications.deliver_due() == 1 and len(smtp_server.messages) == 1


def test_a_refused_address_is_recorded_and_not_tried_again(erfurt_network, smtp_server):
    async def refuse(server, session, envelope, address, options):
        return "550 No such user"

    smtp_server.handle_RCPT = refuse
    services.register(make_event(erfurt_network), person(erfurt_network, "gone@example.org", "de"))
    notice = Notice.objects.get()
    assert notifications.deliver(notice.pk) is False
    notice.refresh_from_db()
    assert notice.failed and "550" in notice.error
    assert notifications.deliver_due() == 0


def test_the_preferences_page_in_german_and_from_my_account(client, member):
    client.force_login(member)
    with translation.override("de"):
        mine = reverse("notifications:mine")
    page = client.get(mine, follow=True)
    assert "Welche E-Mails Sie erhalten" in page.text
    assert page.text.count('type="checkbox"') == len(Topic.values)
    response = client.post(page.redirect_chain[-1][0], {"wanted": Topic.values}, follow=True)
    assert "Es wurde nichts geändert." in response.text
    assert not Preference.objects.exists()


def test_a_real_worker_delivers_what_a_registration_wrote(background, smtp_server, coordinator, member):
    from erasmi.core.tests.test_tasks import _batch_worker
    from erasmi.networks.tests.factories import make_network

    network = make_network("erfurt", coordinator, [member])
    services.register(make_event(network, title="Netzwerktreffen"), person(network, "ute@example.org", "de"))
    assert smtp_server.messages == []  # written with the registration, not sent by the web request
    background.run(*_batch_worker())
    assert [m["message"]["Subject"] for m in smtp_server.messages] == ["Ihr Platz ist bestätigt: Netzwerktreffen"]
    background.run(*_batch_worker())
    assert len(smtp_server.messages) == 1


def test_my_data_lists_my_mails_and_deleting_my_account_forgets_them(client, erfurt_network, member):
    services.register(make_event(erfurt_network, title="Netzwerktreffen"), Person.for_user(member))
    notifications.turn_off(member.email, Topic.REMINDERS)
    client.force_login(member)
    data = client.get(reverse("accounts:data")).json()
    assert data["notifications"]["turned_off"] == [Topic.REMINDERS]
    assert [m["subject"] for m in data["notifications"]["mails"]] == ["Your place is confirmed: Netzwerktreffen"]
    member.set_password("secret-Passwort-1")
    member.save()
    client.force_login(member)
    client.post(reverse("accounts:delete"), {"password": "secret-Passwort-1"})
    assert not Notice.objects.filter(address=member.email).exists()
    assert not Preference.objects.filter(address=member.email).exists()


def test_a_person_chooses_the_language_of_their_mails(client, erfurt_network, told):
    ute = person(erfurt_network, "ute@example.org", "de")
    link = notifications.preferences_url("ute@example.org").replace("http://127.0.0.1:8000", "")
    client.post(link, {"wanted": Topic.values, "language": "tr"})
    told.run(services.register, make_event(erfurt_network, title="Netzwerktreffen"), ute)
    assert told.messages[0]["message"]["Subject"] == "Yeriniz onaylandı: Netzwerktreffen"
    assert told.messages[0]["message"]["Content-Language"] == "tr"
