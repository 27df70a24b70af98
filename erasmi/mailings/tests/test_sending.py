import re
import urllib.parse

from erasmi.mailings import sending, services
from erasmi.mailings.models import Delivery, Mailing, Subscriber
from erasmi.mailings.tests.factories import mailing, news, subscriber
from erasmi.networks.models import Person


def _send(item):
    services.start(item)
    item.refresh_from_db()
    assert sending.send(item)
    item.refresh_from_db()


def _by_address(smtp_server):
    return {m["to"][0]: m["message"] for m in smtp_server.messages}


def test_each_subscriber_gets_the_mail_once_in_their_language_with_both_parts_and_the_list_headers(
    smtp_server, erfurt_network
):
    subscriber(erfurt_network, "ayse@example.org", "tr")
    subscriber(erfurt_network, "jan@example.org", "de")
    item = mailing(
        erfurt_network,
        versions=[("de", "Infomail März", "Liebe Mitglieder,"), ("tr", "Mart bülteni", "Sevgili üyeler,")],
        news_items=[news(erfurt_network)],
    )
    _send(item)
    assert item.state == Mailing.State.SENT
    received = _by_address(smtp_server)
    assert sorted(received) == ["ayse@example.org", "jan@example.org"]
    turkish, german = received["ayse@example.org"], received["jan@example.org"]
    assert turkish["Subject"] == "Mart bülteni"
    assert turkish["Content-Language"] == "tr"
    assert german["Content-Language"] == "de"
    assert german["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert re.fullmatch(r"<https?://\S+/de/mail/\S+/unsubscribe/>", german["List-Unsubscribe"].strip())
    delivery = Delivery.objects.get(email="jan@example.org")
    assert german["Message-ID"] == delivery.message_id
    text = german.get_body(preferencelist=("plain",)).get_content()
    html = german.get_body(preferencelist=("html",)).get_content()
    assert "Liebe Mitglieder," in text and "Neue Sprachkurse" in text
    assert '<html lang="de">' in html and "<h1" in html
    # The news text a person typed is text in the mail, not markup.
    assert "&lt;b&gt;zwei&lt;/b&gt;" in html and "<b>zwei</b>" not in html
    assert "Ab März gibt es <b>zwei</b> neue Kurse." in text


def test_a_reader_of_a_language_without_a_version_gets_the_original_with_a_note_in_their_language(
    smtp_server, erfurt_network
):
    subscriber(erfurt_network, "lucia@example.org", "it")
    _send(mailing(erfurt_network))
    message = _by_address(smtp_server)["lucia@example.org"]
    assert message["Subject"] == "Infomail März"
    assert message["Content-Language"] == "de"
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "non è disponibile in italiano" in text


def test_an_address_in_two_chosen_segments_gets_one_mail(smtp_server, erfurt_network, member):
    group = erfurt_network.working_groups.get()  # "Sprache", led by the member
    subscriber(erfurt_network, member.email, "de", person=Person.for_user(member))
    subscriber(erfurt_network, "outsider@example.org", "tr")
    subscriber(erfurt_network, "reader@example.org", "it")
    _send(mailing(erfurt_network, segments=[f"group:{group.pk}", "role:member", "language:tr"]))
    assert sorted(m["to"][0] for m in smtp_server.messages) == ["member@example.org", "outsider@example.org"]


def test_unsubscribed_and_paused_addresses_get_nothing(smtp_server, erfurt_network):
    subscriber(erfurt_network, "gone@example.org").__class__.objects.filter(email="gone@example.org").update(
        state=Subscriber.State.UNSUBSCRIBED
    )
    subscriber(erfurt_network, "bouncing@example.org", paused=True)
    subscriber(erfurt_network, "here@example.org")
    _send(mailing(erfurt_network))
    assert [m["to"] for m in smtp_server.messages] == [["here@example.org"]]


def test_the_one_click_unsubscribe_from_the_mail_works_without_signing_in(smtp_server, erfurt_network, client):
    subscriber(erfurt_network, "jan@example.org")
    _send(mailing(erfurt_network))
    url = smtp_server.messages[0]["message"]["List-Unsubscribe"].strip().strip("<>")
    path = urllib.parse.urlsplit(url).path
    response = client.post(path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert Subscriber.objects.get(email="jan@example.org").state == Subscriber.State.UNSUBSCRIBED


def test_opening_the_unsubscribe_link_asks_first(smtp_server, erfurt_network, client):
    subscriber(erfurt_network, "jan@example.org")
    _send(mailing(erfurt_network))
    path = urllib.parse.urlsplit(smtp_server.messages[0]["message"]["List-Unsubscribe"].strip().strip("<>")).path
    page = client.get(path)
    assert page.status_code == 200
    assert "<form" in page.content.decode()
    assert Subscriber.objects.get(email="jan@example.org").state == Subscriber.State.CONFIRMED


def test_a_permanent_failure_is_recorded_per_address_and_repeated_failures_pause_it(
    refusing_smtp_server, erfurt_network
):
    subscriber(erfurt_network, "bounce@example.org")
    subscriber(erfurt_network, "fine@example.org")
    for _ in range(3):
        _send(mailing(erfurt_network))
    failed = Delivery.objects.filter(email="bounce@example.org")
    assert {d.state for d in failed} == {Delivery.State.FAILED}
    assert "550" in Subscriber.objects.get(email="bounce@example.org").last_error
    assert Subscriber.objects.get(email="bounce@example.org").paused
    assert [m["to"] for m in refusing_smtp_server.messages] == [["fine@example.org"]] * 3
    _send(mailing(erfurt_network))
    assert not Delivery.objects.filter(email="bounce@example.org", mailing__in=Mailing.objects.order_by("-pk")[:1])


def test_a_mailing_is_started_once_however_often_send_is_pressed(smtp_server, erfurt_network):
    subscriber(erfurt_network, "jan@example.org")
    item = mailing(erfurt_network)
    assert services.start(item) == 1
    assert services.start(item) == 0
    assert sending.send(item)
    assert sending.send(item)
    assert len(smtp_server.messages) == 1


def test_the_calendar_digest_has_the_next_two_months_public_meetings_in_every_language(smtp_server, erfurt_network):
    from django.utils import timezone

    from erasmi.networks.tests.factories import make_event

    make_event(erfurt_network, title="Netzwerktreffen", visibility="public", days=20)
    make_event(erfurt_network, title="Internes Treffen", visibility="members", days=21)
    make_event(erfurt_network, title="Viel später", visibility="public", days=90)
    subscriber(erfurt_network, "jan@example.org", "de")
    subscriber(erfurt_network, "ayse@example.org", "tr")
    subscriber(erfurt_network, "no-digest@example.org", "de", wants_digest=False)
    digest = services.compose_digest(erfurt_network, timezone.now())
    assert sorted(digest.versions.values_list("language", flat=True)) == ["da", "de", "en", "it", "tr"]
    assert sending.send(digest)
    received = _by_address(smtp_server)
    assert sorted(received) == ["ayse@example.org", "jan@example.org"]
    text = received["ayse@example.org"].get_body(preferencelist=("plain",)).get_content()
    assert "Netzwerktreffen" in text and "Internes Treffen" not in text and "Viel später" not in text
    assert received["ayse@example.org"]["Subject"].strip().startswith("Network erfurt toplantıları:")


def test_with_pipelining_each_subscriber_gets_one_mail_and_a_refused_address_is_recorded(
    pipelining_smtp_server, erfurt_network, settings
):
    import smtplib

    with smtplib.SMTP(settings.EMAIL_HOST, settings.EMAIL_PORT) as probe:
        probe.ehlo()
        assert probe.has_extn("pipelining")
    for n in range(5):
        subscriber(erfurt_network, f"person{n}@example.org")
    subscriber(erfurt_network, "bounce@example.org")
    _send(mailing(erfurt_network))
    assert sorted(m["to"][0] for m in pipelining_smtp_server.messages) == [f"person{n}@example.org" for n in range(5)]
    assert Delivery.objects.get(email="bounce@example.org").state == Delivery.State.FAILED
