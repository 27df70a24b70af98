"""Declaring partnerships: one organisation proposes, the other confirms on a message of its start page."""

import datetime

from django.urls import reverse
from model_bakery import baker

from erasmi.cooperation import analysis
from erasmi.cooperation.models import Partnership
from erasmi.cooperation.tests.conftest import add_person
from erasmi.networks.models import HistoryEntry


def propose(client, network, **data):
    return client.post(reverse("cooperation:partnership_create", args=[network.slug]), {"once": "k1", **data})


def test_a_member_proposes_and_the_partner_confirms_from_its_start_page(client, member, path):
    partner_user = baker.make("accounts.User", email="e@example.org", role="member")
    add_person(path.network, path.orgs["E"], user=partner_user)
    client.force_login(member)  # speaks for D
    response = propose(client, path.network, partner=path.orgs["E"].pk, since="2024-03-01", description="Sprachcafé")
    assert response.status_code == 302
    partnership = Partnership.objects.get(partner=path.orgs["E"])
    assert partnership.organisation == path.orgs["D"] and partnership.is_open
    # Not a tie until confirmed.
    assert path.orgs["E"].pk in analysis.measures_for(path.network)[0].isolated

    client.force_login(partner_user)
    start = client.get(reverse("core:home")).content.decode()
    assert "Org D proposes a partnership with Org E." in start
    client.post(
        reverse("cooperation:partnership_answer", args=[path.network.slug, partnership.pk]), {"decision": "confirm"}
    )
    partnership.refresh_from_db()
    assert partnership.state == Partnership.State.CONFIRMED and partnership.answered_by == partner_user
    measures = analysis.measures_for(path.network)[0]
    assert path.orgs["E"].pk not in measures.isolated
    assert "Org D proposes" not in client.get(reverse("core:home")).content.decode()
    assert HistoryEntry.objects.filter(object_type="partnership", action="confirmed").exists()


def test_only_the_partner_or_a_coordinator_answers(client, member, path, other_member):
    add_person(path.network, path.orgs["B"], user=other_member)
    partnership = Partnership.objects.create(network=path.network, organisation=path.orgs["D"], partner=path.orgs["E"])
    answer = reverse("cooperation:partnership_answer", args=[path.network.slug, partnership.pk])
    client.force_login(other_member)  # speaks for B: not its business
    assert client.post(answer, {"decision": "confirm"}).status_code == 403
    client.force_login(member)  # the proposer cannot confirm its own proposal
    assert client.post(answer, {"decision": "confirm"}).status_code == 403
    partnership.refresh_from_db()
    assert partnership.is_open


def test_the_partner_declines(client, coordinator, path):
    partnership = Partnership.objects.create(network=path.network, organisation=path.orgs["D"], partner=path.orgs["E"])
    client.force_login(coordinator)
    answer = reverse("cooperation:partnership_answer", args=[path.network.slug, partnership.pk])
    client.post(answer, {"decision": "decline"})
    client.post(answer, {"decision": "confirm"})  # a late second click changes nothing
    partnership.refresh_from_db()
    assert partnership.state == Partnership.State.DECLINED


def test_a_coordinator_records_a_partnership_that_counts_at_once(client, coordinator, path):
    client.force_login(coordinator)
    data = {"organisation": path.orgs["B"].pk, "partner": path.orgs["E"].pk, "since": "2023-10-01"}
    propose(client, path.network, **data)
    propose(client, path.network, **data)  # a double click records it once
    partnership = Partnership.objects.get(partner=path.orgs["E"])
    assert partnership.state == Partnership.State.CONFIRMED
    assert partnership.since == datetime.date(2023, 10, 1)
    assert path.orgs["E"].pk not in analysis.measures_for(path.network)[0].isolated


def test_the_same_pair_twice_or_an_organisation_with_itself_is_refused(client, coordinator, path):
    client.force_login(coordinator)
    response = propose(
        client, path.network, organisation=path.orgs["D"].pk, partner=path.orgs["C"].pk, since="2024-01-01"
    )
    assert response.status_code == 400
    assert "These two organisations have declared a partnership already." in response.content.decode()
    response = propose(
        client, path.network, organisation=path.orgs["D"].pk, partner=path.orgs["D"].pk, since="2024-01-01", once="k2"
    )
    assert "Choose another organisation than the first." in response.content.decode()


def test_a_member_proposes_only_for_their_own_organisation(client, member, path):
    client.force_login(member)
    response = propose(
        client, path.network, organisation=path.orgs["A"].pk, partner=path.orgs["E"].pk, since="2024-01-01"
    )
    assert Partnership.objects.get(partner=path.orgs["E"]).organisation == path.orgs["D"]
    assert response.status_code == 302


def test_the_form_in_german_and_turkish(client, member, path):
    client.force_login(member)
    for language, words in (("de", "Partnerschaft"), ("tr", "ortaklık")):
        html = client.get(f"/{language}/cooperation/{path.network.slug}/partnerships/new/").content.decode()
        assert words in html.lower() or words in html
