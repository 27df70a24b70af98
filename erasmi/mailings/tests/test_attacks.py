"""What an outsider, a member of another network or a visitor's address must not get from the info mail."""

from django.urls import reverse

from erasmi.mailings import sending, services
from erasmi.mailings.models import Mailing
from erasmi.mailings.tests.factories import mailing, news, subscriber
from erasmi.networks.models import Person
from erasmi.networks.tests.factories import make_event
from erasmi.notifications import services as notifications


def _texts(smtp_server):
    return {m["to"][0]: m["message"].get_body(preferencelist=("plain",)).get_content() for m in smtp_server.messages}


def test_a_members_mail_sent_to_everyone_tells_visitors_no_internal_meeting(smtp_server, erfurt_network, member):
    make_event(erfurt_network, title="Internes Treffen", visibility="members", days=5)
    make_event(erfurt_network, title="Offenes Treffen", visibility="public", days=6)
    subscriber(erfurt_network, "visitor@example.org")
    subscriber(erfurt_network, member.email, person=Person.for_user(member))
    item = mailing(erfurt_network, segments=["all"])
    assert item.visibility == Mailing.Visibility.MEMBERS
    services.start(item)
    assert sending.send(item)
    texts = _texts(smtp_server)
    assert "Offenes Treffen" in texts["visitor@example.org"]
    assert "Internes Treffen" not in texts["visitor@example.org"]


def test_a_members_mail_to_members_only_still_tells_them_the_internal_meetings(smtp_server, erfurt_network, member):
    make_event(erfurt_network, title="Internes Treffen", visibility="members", days=5)
    subscriber(erfurt_network, member.email, person=Person.for_user(member))
    item = mailing(erfurt_network, segments=["members"])
    services.start(item)
    assert sending.send(item)
    assert "Internes Treffen" in _texts(smtp_server)[member.email]


def test_a_member_of_another_network_reaches_none_of_the_composing_pages(
    client, erfurt_network, other_network, other_member
):
    item = mailing(erfurt_network, news_items=[news(erfurt_network)])
    client.force_login(other_member)
    slug = erfurt_network.slug
    for name, args in [
        ("mailing", [slug, item.pk]),
        ("preview", [slug, item.pk, "de"]),
        ("version", [slug, item.pk, "de"]),
        ("news", [slug, item.news.get().pk]),
        ("news_new", [slug]),
        ("mailing_new", [slug]),
    ]:
        assert client.get(reverse(f"mailings:{name}", args=args)).status_code == 404, name
    assert client.post(reverse("mailings:schedule", args=[slug, item.pk])).status_code == 404
    assert client.post(reverse("mailings:test", args=[slug, item.pk]), {"language": "de"}).status_code == 404
    # Nor through their own network's address.
    assert client.get(reverse("mailings:mailing", args=[other_network.slug, item.pk])).status_code == 404
    page = client.get(reverse("mailings:index", args=[slug])).content.decode()
    assert "visitor" not in page


def test_a_members_only_mail_in_the_archive_stays_hidden_from_another_network(client, erfurt_network, other_member):
    item = mailing(erfurt_network)
    Mailing.objects.filter(pk=item.pk).update(state=Mailing.State.SENT)
    client.force_login(other_member)
    assert client.get(reverse("mailings:archived", args=[erfurt_network.slug, item.pk])).status_code == 404
    assert "Infomail" not in client.get(reverse("mailings:archive", args=[erfurt_network.slug])).content.decode()


def test_a_notifications_token_opens_no_subscriber_and_a_subscriber_token_no_notifications(client, erfurt_network):
    own = subscriber(erfurt_network, "jan@example.org")
    assert client.get(reverse("mailings:preferences", args=[notifications.token("jan@example.org")])).status_code == 404
    assert client.get(reverse("notifications:preferences", args=[own.token])).status_code == 404


def test_a_replayed_one_click_unsubscribe_changes_nothing_more(client, erfurt_network):
    own = subscriber(erfurt_network, "jan@example.org")
    path = reverse("mailings:unsubscribe", args=[own.token])
    assert client.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert client.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    own.refresh_from_db()
    assert own.state == own.State.UNSUBSCRIBED


def test_html_in_a_news_item_is_shown_as_text_in_the_preview(client, erfurt_network, coordinator):
    evil = news(erfurt_network, title="<script>alert(1)</script>", body='<img src=x onerror="alert(2)">')
    item = mailing(erfurt_network, news_items=[evil])
    client.force_login(coordinator)
    response = client.get(reverse("mailings:preview", args=[erfurt_network.slug, item.pk, "de"]))
    body = response.content.decode()
    assert "<script>alert" not in body and "<img src=x" not in body
    assert "sandbox" in response["Content-Security-Policy"]


def test_sending_the_subscribe_form_again_and_again_sends_one_confirmation_an_hour(client, smtp_server, erfurt_network):
    path = reverse("mailings:subscribe", args=[erfurt_network.slug])
    for _n in range(5):
        assert client.post(path, {"email": "victim@example.org", "language": "de"}).status_code == 200
    assert len(smtp_server.messages) == 1


def test_a_confirmation_that_could_not_be_sent_is_sent_on_the_next_try(client, smtp_server, erfurt_network, settings):
    path = reverse("mailings:subscribe", args=[erfurt_network.slug])
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = 1  # nobody listens
    client.post(path, {"email": "jan@example.org", "language": "de"})
    settings.EMAIL_PORT = port
    client.post(path, {"email": "jan@example.org", "language": "de"})
    assert len(smtp_server.messages) == 1
