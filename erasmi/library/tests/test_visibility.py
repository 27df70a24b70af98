"""A network's own resources stay internal to its members until shared with all networks."""

import csv
import io
import json

import pytest
from django.test import Client

from erasmi.library.models import Licence
from erasmi.library.tests.factories import make_resource, pdf_file


@pytest.fixture
def internal(network):
    return make_resource(
        "Secret charter draft",
        network=network,
        licence=Licence.CC_BY_ND,
        country="AT",
        spoken=("fi",),
        tags="internal-only",
        upload=pdf_file(),
    )


@pytest.fixture
def public(db):
    return make_resource("Open guide", licence=Licence.CC_BY, spoken=("en",), country="DE")


def _client(user=None) -> Client:
    client = Client()
    if user:
        client.force_login(user)
    return client


def _sees(client, resource) -> dict:
    """What the client finds of the resource in every place the library shows it."""
    listing = client.get("/en/library/", {"q": "charter"}).content.decode()
    facets = client.get("/en/library/").context["facets"]
    values = {(g["param"], o["value"]) for g in facets for o in g["options"]}
    exported = json.loads(client.get("/en/library/export.jsonld").content)
    rows = list(csv.DictReader(io.StringIO(client.get("/en/library/export.csv").content.decode())))
    api_list = client.get("/api/resources", {"licence": "CC-BY-ND-4.0"}).json()
    return {
        "page": client.get(resource.get_absolute_url()).status_code,
        "file": client.get(f"{resource.get_absolute_url()}file/").status_code,
        "search": "Secret charter draft" in listing,
        "facets": bool(
            {("licence", "CC-BY-ND-4.0"), ("country", "AT"), ("language", "fi"), ("tag", "internal-only")} & values
        ),
        "json": any(item["name"] == "Secret charter draft" for item in exported["@graph"]),
        "csv": any(row["title"] == "Secret charter draft" for row in rows),
        "api": api_list["count"],
        "api_detail": client.get(f"/api/resources/{resource.slug}").status_code,
    }


HIDDEN = {
    "page": 404,
    "file": 404,
    "search": False,
    "facets": False,
    "json": False,
    "csv": False,
    "api": 0,
    "api_detail": 404,
}
SEEN = {
    "page": 200,
    "file": 200,
    "search": True,
    "facets": True,
    "json": True,
    "csv": True,
    "api": 1,
    "api_detail": 200,
}


def test_a_visitor_sees_nothing_of_a_networks_internal_resource(internal, public):
    assert _sees(_client(), internal) == HIDDEN


def test_a_member_of_another_network_sees_nothing_of_it(internal, public, outsider):
    assert _sees(_client(outsider), internal) == HIDDEN


def test_the_networks_own_members_see_it_everywhere(internal, public, member):
    assert _sees(_client(member), internal) == SEEN


def test_shared_with_all_networks_it_is_public(internal, public, outsider):
    internal.shared = True
    internal.save()

    assert _sees(_client(), internal) == SEEN
    assert _sees(_client(outsider), internal) == SEEN


def test_a_submitted_resource_stays_hidden_until_an_editor_publishes_it(db, member, outsider):
    from erasmi.library.models import Resource

    waiting = make_resource("Charter in review", status=Resource.Status.SUBMITTED, user=member)

    assert _client().get(waiting.get_absolute_url()).status_code == 404
    assert _client(outsider).get(waiting.get_absolute_url()).status_code == 404
    assert _client(member).get(waiting.get_absolute_url()).status_code == 200  # the submitter


def test_a_member_whose_organisation_left_no_longer_sees_it(internal, member):
    from erasmi.networks.models import Role

    Role.objects.filter(person__user=member).delete()

    assert _client(member).get(internal.get_absolute_url()).status_code == 404


def test_the_networks_coordinator_shares_its_resource_with_all_networks(internal, coordinator, member):
    _client(member).post(f"/en/library/{internal.slug}/share/", {"shared": "1"})
    internal.refresh_from_db()
    assert not internal.shared  # a member may not

    _client(coordinator).post(f"/en/library/{internal.slug}/share/", {"shared": "1"})
    assert Client().get(internal.get_absolute_url()).status_code == 200

    _client(coordinator).post(f"/en/library/{internal.slug}/share/", {"shared": "0"})
    assert Client().get(internal.get_absolute_url()).status_code == 404


def test_another_networks_coordinator_cannot_share_it(internal, outsider):
    from erasmi.networks.models import Role

    Role.objects.filter(person__user=outsider).update(kind=Role.Kind.COORDINATOR)

    response = _client(outsider).post(f"/en/library/{internal.slug}/share/", {"shared": "1"})

    assert response.status_code == 404
    internal.refresh_from_db()
    assert not internal.shared
