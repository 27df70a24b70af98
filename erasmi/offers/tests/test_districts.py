"""Coordinators define their network's districts by postcode; the coordination report names them."""

import pytest
from django.urls import reverse
from django.utils import translation

from erasmi.core.tests.formdata import as_browser_sends
from erasmi.networks.models import HistoryEntry
from erasmi.offers.models import Area


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


def test_a_coordinator_defines_a_district_and_the_report_names_it(client, coordinator, offers):
    report = url("offers:report", "erfurt")
    client.force_login(coordinator)
    # Without districts each postcode of the offers is an area, named by postcode and place.
    before = client.get(report)
    assert [a.name for a in before.context["areas"]][:2] == ["99084 Erfurt", "99085 Erfurt"]
    page = url("offers:districts", "erfurt")
    response = client.post(page, {"name": "Innenstadt", "postcodes": "99084, 99085\r\n99086"}, follow=True)
    assert "The district “Innenstadt” was added." in response.text
    assert Area.objects.get().postcodes == ["99084", "99085", "99086"]
    after = client.get(report)
    assert [a.name for a in after.context["areas"]] == ["Innenstadt"]
    assert '<th scope="col">Innenstadt</th>' in after.text
    assert "The areas are the network's districts." in after.text
    counted = sum(cell.offers for row in after.context["rows"] for cell in row["cells"])
    assert counted > 0
    csv = client.get(report, {"format": "csv"}).content.decode()
    assert ",Innenstadt," in csv


def test_a_postcode_belongs_to_one_district_and_odd_postcodes_are_explained(client, coordinator, erfurt_network):
    Area.objects.create(network=erfurt_network, name="Nord", postcodes=["99089"])
    client.force_login(coordinator)
    page = url("offers:districts", "erfurt")
    response = client.post(page, {"name": "Mitte", "postcodes": "99084 99089"})
    assert response.status_code == 400
    assert "99089 already belong to the district “Nord”." in response.text
    response = client.post(page, {"name": "Mitte", "postcodes": "99084, Erfurt!"})
    assert "Not a postcode: ERFURT!." in response.text
    response = client.post(page, {"name": "nord", "postcodes": "99085"})
    assert "The network already has a district of that name." in response.text
    assert Area.objects.count() == 1


@pytest.mark.parametrize("language", ["de", "tr"])
def test_a_district_saved_unchanged_changes_nothing(client, coordinator, erfurt_network, language):
    district = Area.objects.create(network=erfurt_network, name="Nord", postcodes=["99086", "99089"])
    client.force_login(coordinator)
    edit = url("offers:district_edit", "erfurt", district.pk, language=language)
    client.post(edit, as_browser_sends(client.get(edit).context["form"]))
    district.refresh_from_db()
    assert district.postcodes == ["99086", "99089"] and district.name == "Nord"
    assert not HistoryEntry.objects.exists()
    client.post(edit, {**as_browser_sends(client.get(edit).context["form"]), "postcodes": "99089"})
    district.refresh_from_db()
    assert district.postcodes == ["99089"]
    assert HistoryEntry.objects.filter(action=HistoryEntry.Action.CHANGED).count() == 1


def test_deleting_a_district_asks_first(client, coordinator, erfurt_network):
    district = Area.objects.create(network=erfurt_network, name="Nord", postcodes=["99089"])
    client.force_login(coordinator)
    delete = url("offers:district_delete", "erfurt", district.pk)
    assert "The district “Nord” is deleted" in client.get(delete).text
    assert Area.objects.exists()
    client.post(delete)
    assert not Area.objects.exists()
    assert HistoryEntry.objects.filter(action=HistoryEntry.Action.DELETED, object_repr="Nord").exists()


def test_members_and_other_networks_cannot_see_or_change_districts(client, member, other_member, erfurt_network):
    district = Area.objects.create(network=erfurt_network, name="Nord", postcodes=["99089"])
    for user in (member, other_member):
        client.force_login(user)
        assert client.get(url("offers:districts", "erfurt")).status_code == 404
        assert client.post(url("offers:district_delete", "erfurt", district.pk)).status_code == 404
    assert Area.objects.exists()
