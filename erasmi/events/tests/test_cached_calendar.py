"""The public calendar page of a network comes from the shared cache until its events or name change."""

from django.utils import timezone

from erasmi.events.models import Event
from erasmi.networks.tests.factories import make_event


def test_the_public_calendar_is_cached_and_shows_a_new_event_at_once(
    client, erfurt_network, database_cache, django_assert_num_queries
):
    url = f"/en/networks/erfurt/calendar/?month={timezone.localdate():%Y-%m}"
    client.get(url)
    with django_assert_num_queries(3):  # the network, its content version, the cache
        client.get(url)
    make_event(erfurt_network, title="Harbour café", visibility=Event.Visibility.PUBLIC, days=0)
    assert "Harbour café" in client.get(url).text


def test_a_renamed_network_shows_at_once_on_its_calendar_and_feed(client, erfurt_network):
    make_event(erfurt_network, title="Harbour café", visibility=Event.Visibility.PUBLIC)
    client.get("/en/networks/erfurt/calendar/")
    client.get("/feeds/networks/erfurt.ics")
    erfurt_network.name = "Netzwerk Erfurt-Nord"
    erfurt_network.save()
    assert "Netzwerk Erfurt-Nord" in client.get("/en/networks/erfurt/calendar/").text
    assert "Netzwerk Erfurt-Nord" in client.get("/feeds/networks/erfurt.ics").text


def test_members_get_their_own_calendar_with_members_only_events(client, erfurt_network, member):
    make_event(erfurt_network, title="Internal round", days=0)
    url = f"/en/networks/erfurt/calendar/?month={timezone.localdate():%Y-%m}"
    assert "Internal round" not in client.get(url).text  # the visitors' page, now cached
    client.force_login(member)
    assert "Internal round" in client.get(url).text
