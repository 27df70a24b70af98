"""The whole-page cache for visitors never hands a visitor what was built for someone else."""

from django.urls import reverse

from erasmi.events.models import Event
from erasmi.networks.tests.factories import make_event


def _calendar(erfurt_network):
    return reverse("events:network_calendar", args=[erfurt_network.slug])


def test_a_meeting_made_members_only_leaves_the_visitors_cached_calendar_at_once(client, erfurt_network):
    event = make_event(erfurt_network, title="Offenes Forum", visibility="public", days=2)
    assert "Offenes Forum" in client.get(_calendar(erfurt_network)).content.decode()
    event.visibility = Event.Visibility.MEMBERS
    event.save()
    assert "Offenes Forum" not in client.get(_calendar(erfurt_network)).content.decode()


def test_what_a_member_saw_is_never_served_to_a_visitor(client, erfurt_network, member):
    make_event(erfurt_network, title="Internes Treffen", visibility="members", days=2)
    client.force_login(member)
    assert "Internes Treffen" in client.get(_calendar(erfurt_network)).content.decode()
    client.logout()
    client.cookies.clear()
    page = client.get(_calendar(erfurt_network)).content.decode()
    assert "Internes Treffen" not in page and "csrfmiddlewaretoken" not in page


def test_a_cached_page_is_kept_per_language(client, erfurt_network):
    english = client.get(_calendar(erfurt_network)).content.decode()
    german = client.get(_calendar(erfurt_network).replace("/en/", "/de/")).content.decode()
    assert 'lang="en"' in english and 'lang="de"' in german


def test_a_visitor_with_a_pending_message_gets_a_page_built_for_them(client, erfurt_network):
    client.get(_calendar(erfurt_network))
    client.cookies["messages"] = "anything"
    from django.core.cache import cache

    before = len(cache._cache)
    assert before > 0  # the visitor's page was kept
    client.get(_calendar(erfurt_network) + "?other=1")
    assert len(cache._cache) == before  # nothing stored for it
