"""Coordinators keep the network's own details on Erasmi's page, not in the admin."""

import pytest
from django.urls import reverse
from django.utils import translation

from erasmi.core.tests.formdata import as_browser_sends
from erasmi.networks.models import HistoryEntry


def _url(language="en", slug="erfurt"):
    with translation.override(language):
        return reverse("networks:edit", args=[slug])


def test_the_coordinator_finds_the_page_on_the_network_page_and_changes_the_details(
    client, coordinator, erfurt_network
):
    client.force_login(coordinator)
    assert _url() in client.get(erfurt_network.get_absolute_url()).text
    data = as_browser_sends(client.get(_url()).context["form"])
    data.update(description="Wir treffen uns im Rathaus.", contact_email="netzwerk@erfurt.example.org")
    response = client.post(_url(), data, follow=True)
    assert "The network&#x27;s details were saved." in response.text
    assert "Wir treffen uns im Rathaus." in response.text and "mailto:netzwerk@erfurt.example.org" in response.text
    entry = HistoryEntry.objects.get(network=erfurt_network, action="changed", object_type="network")
    assert set(entry.changes) == {"description", "contact_email"}
    with translation.override("de"):
        history = client.get(reverse("networks:history", args=["erfurt"])).text
    assert "Netzwerk" in history


@pytest.mark.parametrize("language", ["de", "tr"])
def test_saved_unchanged_the_network_changes_nothing(client, coordinator, erfurt_network, language):
    erfurt_network.description = "Zeile eins\nZeile zwei"
    erfurt_network.rules_of_procedure = "Fünfmal im Jahr."
    erfurt_network.save()
    client.force_login(coordinator)
    data = as_browser_sends(client.get(_url(language)).context["form"])
    response = client.post(_url(language), data)
    assert response.status_code == 302
    assert not HistoryEntry.objects.filter(network=erfurt_network).exists()


def test_members_and_coordinators_of_other_networks_cannot_edit_it(client, member, other_member, erfurt_network):
    from erasmi.networks.tests.factories import make_network

    make_network("halle", coordinator_user=other_member)
    for user in (member, other_member):
        client.force_login(user)
        assert _url() not in client.get(erfurt_network.get_absolute_url()).text
        assert client.get(_url()).status_code in (403, 404)
        assert client.post(_url(), {"name": "Taken over"}).status_code in (403, 404)
    erfurt_network.refresh_from_db()
    assert erfurt_network.name != "Taken over"
