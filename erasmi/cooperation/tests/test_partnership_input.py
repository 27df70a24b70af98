"""The partnership form answers odd or foreign input with its errors, never with a server error."""

import pytest
from django.urls import reverse

from erasmi.cooperation.models import Partnership
from erasmi.cooperation.tests.conftest import JOINED, TYPES, add_member
from erasmi.networks.tests.factories import make_network


def propose(client, network, **data):
    return client.post(reverse("cooperation:partnership_create", args=[network.slug]), {"once": "k1", **data})


@pytest.mark.parametrize("organisation", ["", "abc", "-1", "9" * 30, "²"])
def test_a_coordinators_form_without_a_valid_first_organisation_is_refused(client, coordinator, path, organisation):
    client.force_login(coordinator)
    client.raise_request_exception = False
    response = propose(client, path.network, organisation=organisation, partner=path.orgs["E"].pk, since="2024-01-01")
    assert response.status_code == 400
    assert not Partnership.objects.filter(partner=path.orgs["E"]).exists()


def test_an_organisation_of_another_network_cannot_be_named(client, coordinator, path):
    elsewhere = make_network("elsewhere")
    foreign = add_member(elsewhere, "Foreign org", TYPES["A"], JOINED["A"])
    client.force_login(coordinator)
    for data in (
        {"organisation": foreign.pk, "partner": path.orgs["E"].pk},
        {"organisation": path.orgs["A"].pk, "partner": foreign.pk},
    ):
        response = propose(client, path.network, since="2024-01-01", **data)
        assert response.status_code == 400
    assert not Partnership.objects.filter(organisation=foreign).exists()
    assert not Partnership.objects.filter(partner=foreign).exists()


def test_the_browsers_progress_endpoint_refuses_a_form_post(client, member, db):
    """Not a partnership, but the same class of input: a form-encoded POST to a JSON endpoint is a 400."""
    client.force_login(member)
    client.raise_request_exception = False
    response = client.post(reverse("learning:carry_over"), {"page": "1"})
    assert response.status_code == 400
