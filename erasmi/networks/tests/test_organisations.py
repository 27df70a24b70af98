"""Coordinators add, edit and end member organisations on Erasmi's own pages."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from erasmi.core.tests.formdata import as_browser_sends
from erasmi.networks.models import HistoryEntry, Membership, Organisation, Person, Role

NEW = {
    "name": "Kulturverein Mosaik",
    "actor_type": "migrant_org",
    "sector": "",
    "street": "Anger 1",
    "postcode": "99084",
    "city": "Erfurt",
    "website": "https://mosaik.example.org",
    "phone": "0361 123",
    "email": "info@mosaik.example.org",
    "languages": "Deutsch, tr, Arabic",
    "joined": "2024-03-01",
}


def _membership(network, name="Caritas"):
    return network.memberships.get(organisation__name=name)


def test_coordinator_adds_an_organisation_and_it_becomes_a_member(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    response = client.post(reverse("networks:organisation_add", args=["erfurt"]), NEW, follow=True)
    organisation = Organisation.objects.get(name="Kulturverein Mosaik")
    assert organisation.sector == "non_state" and organisation.phone == "0361 123"
    assert organisation.languages == ["de", "tr", "ar"]
    membership = erfurt_network.memberships.get(organisation=organisation)
    assert membership.joined == datetime.date(2024, 3, 1) and membership.is_current
    assert "Kulturverein Mosaik was added as a member." in response.text
    assert HistoryEntry.objects.filter(network=erfurt_network, action="created", object_type="membership").exists()
    assert "Kulturverein Mosaik" in client.get(reverse("networks:members", args=["erfurt"])).text


def test_a_double_click_on_add_adds_one_organisation(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    url = reverse("networks:organisation_add", args=["erfurt"])
    data = {**as_browser_sends(client.get(url).context["form"]), **NEW}
    first, second = client.post(url, data), client.post(url, data)
    assert first.status_code == second.status_code == 302 and first.url == second.url
    assert Organisation.objects.filter(name="Kulturverein Mosaik").count() == 1


def test_an_unknown_language_and_a_current_members_name_are_refused_clearly(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    url = reverse("networks:organisation_add", args=["erfurt"])
    response = client.post(url, {**NEW, "name": "caritas", "languages": "de, Klingonisch"})
    assert response.status_code == 400
    assert "already a member of the network" in response.text
    assert "“Klingonisch” is not a language we know" in response.text
    assert not Organisation.objects.filter(name="caritas").exists()


def test_coordinator_edits_the_details_and_the_history_names_the_changed_fields(client, coordinator, erfurt_network):
    membership = _membership(erfurt_network)
    client.force_login(coordinator)
    url = reverse("networks:organisation", args=["erfurt", membership.pk])
    data = as_browser_sends(client.get(url).context["form"])
    data.update(website="https://caritas.example.org", phone="0361 555")
    assert client.post(url, data).status_code == 302
    organisation = membership.organisation
    organisation.refresh_from_db()
    assert (organisation.website, organisation.phone) == ("https://caritas.example.org", "0361 555")
    entry = HistoryEntry.objects.get(network=erfurt_network, action="changed")
    assert set(entry.changes) == {"website", "phone"}


@pytest.mark.parametrize("language", ["de", "tr"])
def test_saved_unchanged_the_organisation_changes_nothing(client, coordinator, erfurt_network, language):
    membership = _membership(erfurt_network)
    organisation = membership.organisation
    organisation.languages, organisation.street = ["de", "ar"], "Domplatz 1"
    organisation.save()
    membership.contact = Person.objects.create(first_name="Clara", last_name="Kontakt", organisation=organisation)
    membership.save()
    Role.objects.create(network=erfurt_network, person=membership.contact)
    client.force_login(coordinator)
    with translation.override(language):
        url = reverse("networks:organisation", args=["erfurt", membership.pk])
        data = as_browser_sends(client.get(url).context["form"])
        response = client.post(url, data, follow=True)
    assert response.status_code == 200
    assert not HistoryEntry.objects.filter(network=erfurt_network).exists()
    organisation.refresh_from_db()
    assert organisation.languages == ["de", "ar"]


def test_the_contact_person_is_chosen_among_this_networks_people_of_the_organisation(
    client, coordinator, erfurt_network, other_network
):
    membership = _membership(erfurt_network)
    caritas = membership.organisation
    clara = Person.objects.create(first_name="Clara", last_name="Kontakt", organisation=caritas)
    Role.objects.create(network=erfurt_network, person=clara)
    halle_only = Person.objects.create(first_name="Hanna", last_name="Halle", organisation=caritas)
    Role.objects.create(network=other_network, person=halle_only)
    erased = Person.objects.create(first_name="Eva", last_name="Weg", organisation=caritas)
    Role.objects.create(network=erfurt_network, person=erased)
    erased.erase()
    client.force_login(coordinator)
    url = reverse("networks:organisation", args=["erfurt", membership.pk])
    form = client.get(url).context["form"]
    assert list(form.fields["contact"].queryset) == [clara]
    data = {**as_browser_sends(form), "contact": str(clara.pk)}
    client.post(url, data)
    membership.refresh_from_db()
    assert membership.contact == clara
    data = {**as_browser_sends(form), "contact": str(halle_only.pk)}
    assert client.post(url, data).status_code == 400  # another network's person is not a choice


def test_coordinator_ends_a_membership_after_confirming_and_its_people_lose_access(client, coordinator, erfurt_network):
    membership = _membership(erfurt_network)
    worker = Person.objects.create(first_name="Karl", last_name="Caritas", organisation=membership.organisation)
    Role.objects.create(network=erfurt_network, person=worker)
    client.force_login(coordinator)
    url = reverse("networks:membership_end", args=["erfurt", membership.pk])
    page = client.get(url)
    assert "its people lose access" in page.text
    assert page.context["form"]["left"].value() == timezone.localdate()  # today unless chosen otherwise
    membership.refresh_from_db()
    assert membership.left is None  # looking at the page changes nothing
    client.post(url, {"left": timezone.localdate().isoformat()})
    membership.refresh_from_db()
    assert membership.left == timezone.localdate() and not membership.is_current
    assert not Role.objects.active().filter(person=worker).exists()
    assert HistoryEntry.objects.get(network=erfurt_network, action="changed").changes == {
        "left": timezone.localdate().isoformat()
    }


def test_a_membership_cannot_end_before_it_began(client, coordinator, erfurt_network):
    membership = _membership(erfurt_network)
    client.force_login(coordinator)
    response = client.post(reverse("networks:membership_end", args=["erfurt", membership.pk]), {"left": "2009-12-31"})
    assert response.status_code == 400 and "it cannot leave before" in response.text
    membership.refresh_from_db()
    assert membership.left is None


def test_members_and_other_networks_coordinators_get_404(client, member, erfurt_network, other_network):
    from erasmi.accounts.models import User

    halle_coordinator = User.objects.create_user("halle-coord@example.org")
    Role.objects.create(network=other_network, person=Person.for_user(halle_coordinator), kind="coordinator")
    membership = _membership(erfurt_network)
    urls = [
        reverse("networks:organisation_add", args=["erfurt"]),
        reverse("networks:organisation", args=["erfurt", membership.pk]),
        reverse("networks:membership_end", args=["erfurt", membership.pk]),
    ]
    for user in (member, halle_coordinator):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 404
            assert client.post(url, {**NEW, "left": "2030-01-01"}).status_code == 404
    membership.refresh_from_db()
    assert membership.left is None and Organisation.objects.filter(name=NEW["name"]).count() == 0


def test_a_coordinator_edits_only_organisations_of_their_own_network(
    client, coordinator, erfurt_network, other_network
):
    halle_member = Membership.objects.create(
        network=other_network, organisation=Organisation.objects.create(name="Halle e.V.", actor_type="ngo")
    )
    client.force_login(coordinator)
    # Halle's membership through Erfurt's address: not found.
    assert client.get(reverse("networks:organisation", args=["erfurt", halle_member.pk])).status_code == 404
    assert client.get(reverse("networks:organisation", args=["halle", halle_member.pk])).status_code == 404


def test_the_other_networks_of_a_shared_organisation_see_its_changed_details_but_not_who_changed_them(
    client, coordinator, erfurt_network
):
    from erasmi.networks.tests.factories import make_network

    membership = _membership(erfurt_network)
    halle = make_network("halle")
    Membership.objects.create(network=halle, organisation=membership.organisation)
    client.force_login(coordinator)
    url = reverse("networks:organisation", args=["erfurt", membership.pk])
    data = as_browser_sends(client.get(url).context["form"])
    assert client.post(url, {**data, "website": "https://caritas.example.org"}).status_code == 302
    entry = HistoryEntry.objects.get(network=halle, action="changed")
    assert entry.changes == {"website": "https://caritas.example.org"} and entry.actor is None
