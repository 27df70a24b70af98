import pytest
from django.urls import reverse

from erasmi.compendium.models import Practice
from erasmi.core.tests.parallel import at_once
from erasmi.networks.models import Person


def test_coordinator_drafts_the_compendium_profile_from_the_network_data(client, coordinator, erfurt_network):
    erfurt_network.founded, erfurt_network.city, erfurt_network.country = 2004, "Erfurt", "Deutschland"
    erfurt_network.description = "Zusammenschluss für Integration."
    erfurt_network.save()
    person = Person.for_user(coordinator)
    person.organisation = erfurt_network.memberships.get(organisation__name="Caritas").organisation
    person.save()
    client.force_login(coordinator)
    response = client.post(reverse("networks:to_compendium", args=["erfurt"]).replace("/en/", "/de/"))
    practice = Practice.objects.get()
    assert response.status_code == 302
    assert practice.status == Practice.Status.SUBMITTED
    assert practice.founding_year == 2004
    assert practice.country.slug == "germany"
    assert practice.member_count == 4
    t = practice.translations.get(language="de")
    assert t.coordinating_organisation == "Caritas"
    assert t.members == "4; Behörde (1), Wohlfahrtsverband (1), Migrant*innenselbstorganisation (1), Bildungsträger (1)"
    assert t.internal_communication == ["1 Arbeitsgruppe: Sprache"]
    erfurt_network.refresh_from_db()
    assert erfurt_network.practice == practice
    # Again: the same profile is brought up to date, not a second one.
    client.post(reverse("networks:to_compendium", args=["erfurt"]).replace("/en/", "/de/"))
    assert Practice.objects.count() == 1


def test_only_coordinators_draft_the_profile(client, member, erfurt_network):
    client.force_login(member)
    assert client.post(reverse("networks:to_compendium", args=["erfurt"])).status_code == 404
    assert not Practice.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_clicks_at_once_draft_one_profile(coordinator, erfurt_network):
    from django.test import Client

    from erasmi.compendium.models import Practice

    url = reverse("networks:to_compendium", args=["erfurt"])
    clients = []
    for _ in range(3):
        client = Client()
        client.force_login(coordinator)
        clients.append(client)
    statuses = at_once(lambda c=client: c.post(url).status_code for client in clients)
    assert statuses == [302, 302, 302]
    assert Practice.objects.count() == 1
