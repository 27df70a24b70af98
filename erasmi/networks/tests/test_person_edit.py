"""A coordinator edits the network's own record of a person and their role; nothing of another network."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from erasmi.core.tests.formdata import as_browser_sends
from erasmi.networks.models import HistoryEntry, Invitation, Organisation, Person, Role


def _url(person, slug="erfurt"):
    return reverse("networks:person_edit", args=[slug, person.pk])


@pytest.fixture
def lena(erfurt_network):
    person = Person.objects.create(first_name="Lena", last_name="Alt", phone="1")
    Role.objects.create(network=erfurt_network, person=person)
    return person


def test_coordinator_edits_name_phone_organisation_and_role(client, coordinator, lena, erfurt_network):
    caritas = Organisation.objects.get(name="Caritas")
    client.force_login(coordinator)
    data = as_browser_sends(client.get(_url(lena)).context["form"])
    data.update(last_name="Neu", phone="0361 42", organisation=str(caritas.pk), role="coordinator")
    response = client.post(_url(lena), data, follow=True)
    assert "Lena Neu was saved." in response.text
    lena.refresh_from_db()
    assert (lena.last_name, lena.phone, lena.organisation) == ("Neu", "0361 42", caritas)
    assert Role.objects.get(person=lena).kind == "coordinator"
    entry = HistoryEntry.objects.get(network=erfurt_network, action="changed")
    assert set(entry.changes) == {"last_name", "phone", "organisation", "role"}


@pytest.mark.parametrize("language", ["de", "tr"])
def test_saved_unchanged_a_person_changes_nothing(client, coordinator, lena, erfurt_network, language):
    lena.organisation = Organisation.objects.get(name="VHS")
    lena.email = "lena@example.org"
    lena.save()
    client.force_login(coordinator)
    with translation.override(language):
        data = as_browser_sends(client.get(_url(lena)).context["form"])
        assert client.post(_url(lena), data).status_code == 302
    assert not HistoryEntry.objects.filter(network=erfurt_network).exists()


def test_only_the_networks_member_organisations_are_offered(client, coordinator, lena, other_network):
    from erasmi.networks.models import Membership

    halle = Organisation.objects.create(name="Halle e.V.", actor_type="ngo")
    Membership.objects.create(network=other_network, organisation=halle)
    client.force_login(coordinator)
    form = client.get(_url(lena)).context["form"]
    assert "Halle e.V." not in {str(o) for o in form.fields["organisation"].queryset}
    response = client.post(_url(lena), {**as_browser_sends(form), "organisation": str(halle.pk)})
    assert response.status_code == 400


def test_the_edit_changes_the_networks_record_never_the_account_persons(
    client, coordinator, other_member, erfurt_network, other_network
):
    """Someone in Halle under their own name accepted Erfurt's invitation: Erfurt edits only what it typed."""
    own = Person.for_user(other_member)
    own.first_name, own.last_name = "Hülya", "Realname"
    own.save()
    record = Person.objects.create(first_name="Typed", last_name="ByErfurt", email="other@example.org")
    Role.objects.create(network=erfurt_network, person=own, record=record)
    client.force_login(coordinator)
    form = client.get(_url(own)).context["form"]
    assert form.initial["first_name"] == "Typed"  # the form shows Erfurt's record, not Halle's name
    assert "Hülya" not in client.get(_url(own)).text
    client.post(_url(own), {**as_browser_sends(form), "last_name": "Korrigiert"})
    record.refresh_from_db()
    own.refresh_from_db()
    assert record.last_name == "Korrigiert" and own.last_name == "Realname"


def test_a_new_address_of_someone_invited_gets_a_new_invitation(client, coordinator, erfurt_network, smtp_server):
    client.force_login(coordinator)
    client.post(
        reverse("networks:people", args=["erfurt"]),
        {"first_name": "Ina", "last_name": "Tippfehler", "email": "ina@exmaple.org", "role": "member"},
    )
    ina = Person.objects.get(last_name="Tippfehler")
    old_token = Invitation.objects.get(person=ina).token
    data = {**as_browser_sends(client.get(_url(ina)).context["form"]), "email": "ina@example.org"}
    response = client.post(_url(ina), data, follow=True)
    assert "a new invitation was sent to ina@example.org" in response.text
    assert smtp_server.messages[-1]["to"] == ["ina@example.org"]
    link = re.search(r"https?://[^/\s]+(/\S+)", smtp_server.body(-1)).group(1)
    assert client.get(link).status_code == 200
    assert client.get(reverse("networks:invitation", args=[old_token])).status_code == 404  # the old link is gone
    assert Invitation.objects.get(person=ina).email == "ina@example.org"


def test_an_address_used_by_someone_else_in_the_network_is_refused(client, coordinator, lena, erfurt_network):
    client.force_login(coordinator)
    data = {**as_browser_sends(client.get(_url(lena)).context["form"]), "email": "MEMBER@example.org"}
    response = client.post(_url(lena), data)
    assert response.status_code == 400 and "already in the network" in response.text


def test_the_last_coordinator_cannot_become_a_member(client, coordinator, erfurt_network):
    me = Person.for_user(coordinator)
    client.force_login(coordinator)
    data = {**as_browser_sends(client.get(_url(me)).context["form"]), "role": "member"}
    response = client.post(_url(me), data)
    assert response.status_code == 400 and "last coordinator" in response.text
    assert Role.objects.get(person=me).kind == "coordinator"


def test_members_and_other_networks_coordinators_get_404(client, member, lena, erfurt_network, other_network):
    from erasmi.accounts.models import User

    halle_coordinator = User.objects.create_user("halle-coord@example.org")
    Role.objects.create(network=other_network, person=Person.for_user(halle_coordinator), kind="coordinator")
    for user in (member, halle_coordinator):
        client.force_login(user)
        assert client.get(_url(lena)).status_code == 404
        assert client.post(_url(lena), {"first_name": "X", "last_name": "Y", "role": "member"}).status_code == 404
        assert client.get(_url(lena, "halle")).status_code == 404
    lena.refresh_from_db()
    assert lena.first_name == "Lena"


def test_an_erased_person_cannot_be_edited(client, coordinator, lena):
    Role.objects.filter(person=lena).update()
    lena.erase()
    client.force_login(coordinator)
    assert client.get(_url(lena)).status_code == 404
