"""Working groups and meetings keep their texts in several languages: each member reads them in theirs."""

import datetime

import icalendar
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from model_bakery import baker

from erasmi.core.tests.formdata import as_browser_sends
from erasmi.events import notices, services
from erasmi.events.models import Event
from erasmi.networks.models import HistoryEntry, Person, Role, WorkingGroup
from erasmi.networks.tests.factories import make_event


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def group(erfurt_network):
    group = erfurt_network.working_groups.get()
    group.name, group.topic, group.goals, group.language = (
        "Sprache",
        "Sprachkurse abstimmen",
        "Ein Kurs für alle.",
        "de",
    )
    group.translations = {"tr": {"name": "Dil", "goals": "Herkes için bir kurs."}}
    group.save()
    return group


@pytest.fixture
def meeting(erfurt_network, group):
    event = make_event(erfurt_network, title="Treffen der AG Sprache", group=group, days=1)
    event.description, event.agenda, event.language = "Wir planen die Kurse.", "Begrüßung\nKurse", "de"
    event.translations = {"tr": {"title": "Dil grubunun toplantısı", "agenda": "Açılış\nKurslar"}}
    event.save()
    return event


def test_a_turkish_member_reads_the_groups_and_meetings_texts_in_turkish(client, member, group, meeting):
    client.force_login(member)
    page = client.get(url("networks:group", "erfurt", "sprache", language="tr")).text
    assert "<h1>Dil</h1>" in page and "Herkes için bir kurs." in page and "Ein Kurs für alle." not in page
    assert "Dil grubunun toplantısı" in page and "Treffen der AG Sprache" not in page
    assert '<span lang="de">Sprachkurse abstimmen</span>' in page  # no Turkish topic: German, marked so
    network = client.get(url("networks:detail", "erfurt", language="tr")).text
    assert ">Dil</a>" in network and "Dil grubunun toplantısı" in network  # group list, next meetings
    month = timezone.localtime(meeting.starts).strftime("%Y-%m")
    calendar = client.get(url("events:network_calendar", "erfurt", language="tr"), {"month": month}).text
    assert "Dil grubunun toplantısı" in calendar and "Treffen der AG Sprache" not in calendar
    listed = client.get(url("events:group_calendar", "erfurt", "sprache", language="tr"), {"view": "list"}).text
    assert "Dil grubunun toplantısı" in listed and "Calendar" not in listed
    detail = client.get(url("events:detail", "erfurt", meeting.pk, language="tr")).text
    assert "<h1>Dil grubunun toplantısı</h1>" in detail and "Açılış<br>Kurslar" in detail
    assert '<div class="rich" lang="de"><p>Wir planen die Kurse.</p></div>' in detail  # description: German
    start = client.get(url("core:home", language="tr")).text  # my next meetings, after signing in
    assert "Dil grubunun toplantısı" in start and '<span lang="de">Treffen der AG Sprache' not in start


def test_without_a_version_in_the_readers_language_the_german_text_is_shown_marked_german(
    client, member, group, meeting
):
    client.force_login(member)
    page = client.get(url("networks:group", "erfurt", "sprache", language="it")).text
    assert '<h1 lang="de">Sprache</h1>' in page and '<div lang="de"><p>Ein Kurs für alle.</p></div>' in page
    assert '<span lang="de">Treffen der AG Sprache</span>' in page
    month = timezone.localtime(meeting.starts).strftime("%Y-%m")
    calendar = client.get(url("events:network_calendar", "erfurt", language="da"), {"month": month}).text
    assert '<span lang="de">Treffen der AG Sprache</span>' in calendar
    detail = client.get(url("events:detail", "erfurt", meeting.pk, language="it")).text
    assert '<h1 lang="de">Treffen der AG Sprache</h1>' in detail
    german = client.get(url("networks:group", "erfurt", "sprache", language="de")).text
    assert "<h1>Sprache</h1>" in german and 'lang="de"><p>' not in german  # the page's own language: no mark


def test_the_ics_file_is_in_the_readers_language(client, member, meeting):
    client.force_login(member)
    for language, title in [("tr", "Dil grubunun toplantısı"), ("de", "Treffen der AG Sprache")]:
        body = client.get(url("events:ics", "erfurt", meeting.pk, language=language)).content
        (entry,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
        assert str(entry["SUMMARY"]) == title


def _person(network, email, language):
    user = baker.make("accounts.User", email=email, language=language, first_name=email.split("@")[0])
    Role.objects.create(network=network, person=Person.for_user(user))
    return Person.for_user(user)


def test_reminders_and_cancellations_come_in_each_recipients_language(
    erfurt_network, meeting, coordinator, django_capture_on_commit_callbacks, immediate_tasks
):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    Event.objects.filter(pk=meeting.pk).update(
        starts=timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(10))),
        ends=timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(12))),
    )
    meeting.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.register(meeting, _person(erfurt_network, "ayse@example.org", "tr"))
        services.register(meeting, _person(erfurt_network, "ute@example.org", "de"))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert notices.remind_tomorrow() == 2
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert "Dil grubunun toplantısı" in subjects["ayse@example.org"]
    assert "Treffen der AG Sprache" in subjects["ute@example.org"]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_event(meeting, coordinator)
    turkish = next(message for message in mail.outbox if message.to == ["ayse@example.org"])
    assert "Dil grubunun toplantısı" in turkish.subject and "Dil grubunun toplantısı" in turkish.body
    (part,) = [part for part in turkish.message().walk() if part.get_content_type() == "text/calendar"]
    (entry,) = icalendar.Calendar.from_ical(part.get_payload(decode=True)).walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Dil grubunun toplantısı"


@pytest.mark.parametrize("language", ["de", "tr"])
def test_the_group_and_meeting_forms_saved_unchanged_change_nothing(client, coordinator, group, meeting, language):
    client.force_login(coordinator)
    edits = [url("networks:group_edit", "erfurt", "sprache", language=language)]
    for edit in [*edits, url("events:edit", "erfurt", meeting.pk, language=language)]:
        page = client.get(edit)
        assert "<details" in page.text and 'lang="tr"' in page.text
        assert client.post(edit, as_browser_sends(page.context["form"])).status_code == 302
    assert not HistoryEntry.objects.filter(action=HistoryEntry.Action.CHANGED).exists()
    saved = WorkingGroup.objects.get(pk=group.pk)
    assert (saved.name, saved.language, saved.translations) == (group.name, "de", group.translations)
    event = Event.objects.get(pk=meeting.pk)
    assert (event.title, event.agenda, event.translations) == (meeting.title, meeting.agenda, meeting.translations)


def test_a_coordinator_adds_versions_in_german_and_turkish_pages(client, coordinator, member, group, meeting):
    client.force_login(coordinator)
    edit = url("networks:group_edit", "erfurt", "sprache", language="de")
    data = as_browser_sends(client.get(edit).context["form"])
    client.post(edit, {**data, "name_it": "Lingua", "topic_tr": "Dil kurslarını planlamak", "goals_tr": ""})
    saved = WorkingGroup.objects.get(pk=group.pk)
    assert saved.name == "Sprache" and saved.slug == "sprache"  # the original and the address stay
    assert saved.translations == {"tr": {"name": "Dil", "topic": "Dil kurslarını planlamak"}, "it": {"name": "Lingua"}}
    entry = HistoryEntry.objects.get(action=HistoryEntry.Action.CHANGED, object_type="workinggroup")
    assert set(entry.changes) == {"name_it", "topic_tr", "goals_tr"}
    with translation.override("de"):
        history = client.get(reverse("networks:history", args=["erfurt"])).text
    assert "Name auf Italienisch" in history and "Thema auf Türkisch" in history
    edit = url("events:edit", "erfurt", meeting.pk, language="tr")
    data = as_browser_sends(client.get(edit).context["form"])
    client.post(edit, {**data, "title_da": "Møde i sproggruppen", "language": "de"})
    assert Event.objects.get(pk=meeting.pk).translations["da"] == {"title": "Møde i sproggruppen"}
    client.force_login(member)
    assert "Møde i sproggruppen" in client.get(url("events:detail", "erfurt", meeting.pk, language="da")).text


def test_a_new_group_is_written_in_the_writers_language_unless_they_choose_another(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    create = url("networks:group_create", "erfurt", language="tr")
    assert client.get(create).context["form"]["language"].value() == "tr"
    client.post(create, {"name": "Konut", "kind": "permanent", "language": "tr", "name_de": "Wohnen"})
    created = WorkingGroup.objects.get(name="Konut")
    assert (created.language, created.translations) == ("tr", {"de": {"name": "Wohnen"}})


def test_the_demos_groups_and_meetings_speak_all_five_languages(db, client):
    from erasmi.networks import demo

    users = {key: baker.make("accounts.User", email=f"{key}@example.org") for key in ("coordinator", "member")}
    network = demo.load(users)
    groups, events = list(network.working_groups.all()), list(network.events.all())
    assert len(groups) == 8 and len(events) == 13
    for record in [*groups, *events]:
        assert record.language == "de" and set(record.translations) == {"en", "tr", "it", "da"}
    # Every group's name, topic and goals, every title, differ from the German in every other language.
    for record, fields in [(g, ("name", "topic", "goals")) for g in groups] + [(e, ("title",)) for e in events]:
        for field in fields:
            texts = {record.text_in(field, code)[0] for code in ("de", "en", "tr", "it", "da")}
            assert len(texts) >= 4, (record, field, texts)  # a short name may read the same in two languages
    client.force_login(users["member"])
    page = client.get(url("networks:detail", "demostadt", language="tr")).text
    assert "Dil ve eğitim" in page and "Ağ toplantısı 1" in page
    # A demo loaded before the versions existed gets them on the next start.
    WorkingGroup.objects.filter(network=network).update(language="", translations={})
    Event.objects.filter(network=network).update(language="", translations={})
    demo.load(users)
    assert all(set(g.translations) == {"en", "tr", "it", "da"} for g in network.working_groups.all())
    assert all(set(e.translations) == {"en", "tr", "it", "da"} for e in network.events.all())


def test_a_personal_feed_is_in_its_owners_language_whoever_asks(client, member, meeting):
    member.language = "tr"
    member.save()
    token = Person.for_user(member).feed_token
    body = client.get(f"/feeds/personal/{token}.ics", HTTP_ACCEPT_LANGUAGE="de").content
    (entry,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Dil grubunun toplantısı"


def test_a_new_turkish_title_is_news_for_the_turkish_registrant_only(
    client, coordinator, erfurt_network, meeting, django_capture_on_commit_callbacks, immediate_tasks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.register(meeting, _person(erfurt_network, "ayse@example.org", "tr"))
        services.register(meeting, _person(erfurt_network, "ute@example.org", "de"))
    mail.outbox.clear()
    client.force_login(coordinator)
    edit = url("events:edit", "erfurt", meeting.pk, language="de")
    data = as_browser_sends(client.get(edit).context["form"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit, {**data, "title_tr": "Dil grubu toplantısı"})
    (message,) = mail.outbox
    assert message.to == ["ayse@example.org"] and "Dil grubu toplantısı" in message.subject


def test_the_info_mail_lists_the_meetings_under_their_title_in_the_mails_language(erfurt_network, meeting):
    from erasmi.mailings import composing
    from erasmi.mailings.tests.factories import mailing

    sent = mailing(
        erfurt_network, versions=(("de", "Infomail", "Liebe Mitglieder,"), ("tr", "Bilgi e-postası", "Sevgili üyeler,"))
    )
    sent.with_meetings, sent.segments = True, ["members"]
    sent.save()
    titles = {
        reader: [m["title"] for m in composing.context(sent, reader)["meetings"]] for reader in ("tr", "de", "it")
    }
    assert titles["tr"] == ["Dil grubunun toplantısı"]
    assert titles["de"] == titles["it"] == ["Treffen der AG Sprache"]  # Italian readers get the German mail


def test_a_groups_new_version_reaches_the_cached_public_calendar(client, erfurt_network, group, meeting):
    Event.objects.filter(pk=meeting.pk).update(visibility=Event.Visibility.PUBLIC)
    meeting.refresh_from_db()
    meeting.save()  # the calendar is built anew for the public meeting
    listed = url("events:network_calendar", "erfurt", language="it")
    assert '<span lang="de">Sprache</span>' in client.get(listed, {"view": "list"}).text
    group.translations = {**group.translations, "it": {"name": "Lingua"}}
    group.save()
    assert "· Lingua" in client.get(listed, {"view": "list"}).text
