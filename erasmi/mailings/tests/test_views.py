import datetime
import re

from django.urls import reverse
from django.utils import timezone

from erasmi.mailings import services
from erasmi.mailings.models import Mailing, MailingVersion, NewsItem, Subscriber, TranslationState
from erasmi.mailings.tests.factories import mailing, news, subscriber


def _url(name, network, *args):
    return reverse(f"mailings:{name}", args=[network.slug, *args])


def test_a_visitor_subscribes_with_double_opt_in(client, smtp_server, erfurt_network):
    response = client.post(_url("subscribe", erfurt_network), {"email": "Visitor@Example.org", "language": "tr"})
    assert response.status_code == 200
    visitor = Subscriber.objects.get(email="visitor@example.org")
    assert visitor.state == Subscriber.State.PENDING
    assert not Subscriber.objects.receiving(Mailing.Kind.INFO).exists()
    body = smtp_server.body()
    link = re.search(r"https?://\S+/mail/\S+/", body).group(0)
    path = link.split("8000", 1)[1]
    page = client.get(path)
    assert page.status_code == 200 and 'value="confirm"' in page.content.decode()
    client.post(path, {"action": "confirm"})
    visitor.refresh_from_db()
    assert visitor.state == Subscriber.State.CONFIRMED


def test_subscribing_an_address_again_changes_nothing_until_it_is_confirmed(client, smtp_server, erfurt_network):
    subscriber(erfurt_network, "known@example.org", "de")
    client.post(_url("subscribe", erfurt_network), {"email": "known@example.org", "language": "tr"})
    assert Subscriber.objects.get(email="known@example.org").language == "de"
    assert smtp_server.messages == []  # already confirmed: no mail, and the page says the same as for a new one


def test_a_member_subscribes_with_one_click(client, erfurt_network, member):
    client.force_login(member)
    client.post(_url("subscribe", erfurt_network), {"member": "1"})
    own = Subscriber.objects.get(email=member.email)
    assert own.state == Subscriber.State.CONFIRMED and own.person.user == member


def test_the_preferences_page_from_a_mail_changes_language_and_mails_without_signing_in(client, erfurt_network):
    own = subscriber(erfurt_network, "jan@example.org", "de")
    path = reverse("mailings:preferences", args=[own.token])
    assert client.get(path).status_code == 200
    client.post(path, {"language": "tr", "wants_info": "on"})
    own.refresh_from_db()
    assert (own.language, own.wants_info, own.wants_digest) == ("tr", True, False)
    assert client.get(reverse("mailings:preferences", args=[own.token + "x"])).status_code == 404


def test_a_coordinator_writes_news_composes_previews_tests_and_schedules(
    client, smtp_server, erfurt_network, coordinator
):
    client.force_login(coordinator)
    client.post(_url("news_new", erfurt_network), {"language": "de", "title": "Neue Kurse", "body": "Ab März."})
    item = NewsItem.objects.get()
    group = erfurt_network.working_groups.get()
    response = client.post(
        _url("mailing_new", erfurt_network),
        {
            "language": "de",
            "subject": "Infomail März",
            "intro": "Liebe Mitglieder,",
            "news": [item.pk],
            "with_meetings": "on",
            "segments": [f"group:{group.pk}"],
            "visibility": "members",
        },
    )
    draft = Mailing.objects.get()
    assert response.url == _url("mailing", erfurt_network, draft.pk)
    client.post(
        _url("version", erfurt_network, draft.pk, "tr"), {"subject": "Mart bülteni", "intro": "Sevgili üyeler,"}
    )
    assert MailingVersion.objects.get(mailing=draft, language="tr").state == TranslationState.TRANSLATED

    preview = client.get(_url("preview", erfurt_network, draft.pk, "tr"))
    assert "Mart bülteni" in preview.content.decode() and "Neue Kurse" in preview.content.decode()
    policy = preview["Content-Security-Policy"]
    assert "sandbox" in policy and "frame-ancestors 'self'" in policy and "script-src 'none'" in policy
    assert preview["X-Frame-Options"] == "SAMEORIGIN"

    client.post(_url("test", erfurt_network, draft.pk), {"language": "tr"})
    assert smtp_server.messages[-1]["to"] == [coordinator.email]
    assert smtp_server.messages[-1]["message"]["Subject"] == "[Test] Mart bülteni"

    when = timezone.localtime(timezone.now() + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    client.post(_url("schedule", erfurt_network, draft.pk), {"when": when})
    draft.refresh_from_db()
    assert draft.state == Mailing.State.SCHEDULED
    assert services.start_due() == 0
    assert services.start_due(timezone.now() + datetime.timedelta(days=2)) == 1
    draft.refresh_from_db()
    assert draft.state == Mailing.State.SENDING


def test_editing_a_news_original_marks_its_translations_outdated(client, erfurt_network, coordinator):
    client.force_login(coordinator)
    item = news(erfurt_network)
    path = _url("news", erfurt_network, item.pk)
    client.post(path, {"language": "tr", "title": "Yeni kurslar", "body": "Mart'tan itibaren."})
    client.post(path, {"language": "de", "title": "Neue Sprachkurse", "body": "Ab April."})
    assert dict(item.versions.values_list("language", "state")) == {"de": "original", "tr": "outdated"}


def test_members_of_another_network_see_nothing_of_the_composing(client, erfurt_network, other_network, other_member):
    draft = mailing(erfurt_network)
    client.force_login(other_member)
    for path in [
        _url("news_new", erfurt_network),
        _url("mailing_new", erfurt_network),
        _url("mailing", erfurt_network, draft.pk),
        _url("preview", erfurt_network, draft.pk, "de"),
    ]:
        assert client.get(path).status_code == 404, path
    assert "Compose an info mail" not in client.get(_url("index", erfurt_network)).content.decode()


def test_the_archive_shows_members_only_mails_to_members_only(client, erfurt_network, member, other_member):
    public = mailing(erfurt_network, versions=[("de", "Öffentliche Infomail", "")])
    internal = mailing(erfurt_network, versions=[("de", "Interne Infomail", "")])
    Mailing.objects.filter(pk=public.pk).update(state="sent", sent=timezone.now(), visibility="public")
    Mailing.objects.filter(pk=internal.pk).update(state="sent", sent=timezone.now(), visibility="members")
    client.force_login(other_member)
    page = client.get(_url("archive", erfurt_network)).content.decode()
    assert "Öffentliche Infomail" in page and "Interne Infomail" not in page
    assert client.get(_url("archived", erfurt_network, internal.pk)).status_code == 404
    client.force_login(member)
    assert "Interne Infomail" in client.get(_url("archive", erfurt_network)).content.decode()
    assert client.get(_url("archived", erfurt_network, internal.pk)).status_code == 200


def test_the_archive_page_makes_the_same_queries_however_many_mails(client, erfurt_network, django_assert_num_queries):
    for n in range(3):
        sent = mailing(erfurt_network, versions=[("de", f"Infomail {n}", "")])
        Mailing.objects.filter(pk=sent.pk).update(state="sent", sent=timezone.now(), visibility="public")
    with django_assert_num_queries(3):
        client.get(_url("archive", erfurt_network))
    for n in range(10):
        sent = mailing(erfurt_network, versions=[("de", f"Mehr {n}", "")])
        Mailing.objects.filter(pk=sent.pk).update(state="sent", sent=timezone.now(), visibility="public")
    with django_assert_num_queries(3):
        client.get(_url("archive", erfurt_network))


def test_a_version_saved_unchanged_changes_nothing(client, erfurt_network, coordinator):
    client.force_login(coordinator)
    draft = mailing(erfurt_network, versions=[("de", "Infomail", "Hallo"), ("tr", "Bülten", "Merhaba")])
    MailingVersion.objects.filter(mailing=draft, language="tr").update(state=TranslationState.OUTDATED)
    for language, subject, intro in [("de", "Infomail", "Hallo"), ("tr", "Bülten", "Merhaba")]:
        client.post(_url("version", erfurt_network, draft.pk, language), {"subject": subject, "intro": intro})
    assert dict(draft.versions.values_list("language", "state")) == {"de": "original", "tr": "outdated"}


def test_a_coordinator_allows_a_member_to_compose(client, erfurt_network, coordinator, member):
    from erasmi.networks.models import Role

    client.force_login(member)
    assert client.get(_url("mailing_new", erfurt_network)).status_code == 404
    client.force_login(coordinator)
    role = Role.objects.get(network=erfurt_network, person__user=member)
    client.post(_url("editors", erfurt_network), {"role": role.pk})
    client.force_login(member)
    assert client.get(_url("mailing_new", erfurt_network)).status_code == 200
    assert client.post(_url("editors", erfurt_network), {"role": role.pk, "action": "remove"}).status_code == 404


def test_a_double_click_on_the_test_send_sends_one_test_mail(client, smtp_server, erfurt_network, coordinator):
    client.force_login(coordinator)
    draft = mailing(erfurt_network)
    page = client.get(_url("mailing", erfurt_network, draft.pk)).content.decode()
    key = re.search(r'name="once" value="(\w+)"', page).group(1)
    for _ in range(2):
        response = client.post(_url("test", erfurt_network, draft.pk), {"language": "de", "once": key})
        assert response.url == _url("mailing", erfurt_network, draft.pk)
    assert len(smtp_server.messages) == 1


def test_a_sent_mail_lists_each_language_with_its_preview_and_no_stray_separator(client, erfurt_network, coordinator):
    client.force_login(coordinator)
    sent = mailing(erfurt_network)
    Mailing.objects.filter(pk=sent.pk).update(state=Mailing.State.SENT)
    page = client.get(_url("mailing", erfurt_network, sent.pk)).content.decode()
    assert '<a href="?preview=de#preview-title">' in page
    assert not re.search(r"<td>\s*·", page)


def test_the_coordinators_links_to_write_are_italian_imperatives(client, coordinator, erfurt_network):
    from django.utils import translation

    client.force_login(coordinator)
    with translation.override("it"):
        page = client.get(_url("index", erfurt_network)).content.decode()
    assert "Scrivi una notizia" in page
    assert "Componi una newsletter informativa" in page  # the glossary's term, as a button says it: not "Comporre"
