"""My account: one's own name, and one's networks with the role in each."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from erasmi.core.tests.formdata import as_browser_sends
from erasmi.networks.models import Membership, Organisation, Person, Role


def test_a_person_changes_their_own_name_on_the_account_and_the_linked_person(client, member, erfurt_network):
    person = Person.for_user(member)
    client.force_login(member)
    data = {**as_browser_sends(client.get(reverse("accounts:me")).context["name_form"]), "first_name": "Mira"}
    data["last_name"] = "Neumann"
    response = client.post(reverse("accounts:me"), data, follow=True)
    assert "Your name was saved." in response.text
    member.refresh_from_db()
    person.refresh_from_db()
    assert (member.first_name, member.last_name) == ("Mira", "Neumann")
    assert (person.first_name, person.last_name) == ("Mira", "Neumann")


def test_a_networks_own_record_of_the_person_keeps_what_it_typed(client, other_member, erfurt_network):
    record = Person.objects.create(first_name="Typed", last_name="ByErfurt")
    Role.objects.create(network=erfurt_network, person=Person.for_user(other_member), record=record)
    client.force_login(other_member)
    data = {**as_browser_sends(client.get(reverse("accounts:me")).context["name_form"]), "first_name": "Mira"}
    client.post(reverse("accounts:me"), data)
    record.refresh_from_db()
    assert record.first_name == "Typed"


@pytest.mark.parametrize("language", ["de", "tr"])
def test_saved_unchanged_the_name_changes_nothing(client, member, language):
    member.first_name, member.last_name = "Ünal", "Öztürk"
    member.save()
    person = Person.for_user(member)
    person.first_name = "Anders"  # not touched by an unchanged save
    person.save()
    client.force_login(member)
    with translation.override(language):
        data = as_browser_sends(client.get(reverse("accounts:me")).context["name_form"])
        client.post(reverse("accounts:me"), data)
    person.refresh_from_db()
    assert person.first_name == "Anders"


def test_my_account_lists_networks_roles_and_why_a_role_gives_no_access(client, member, erfurt_network):
    organisation = Organisation.objects.get(name="Former Ltd")
    person = Person.for_user(member)
    person.organisation = organisation
    person.save()
    client.force_login(member)
    page = client.get(reverse("accounts:me")).text
    assert "Network erfurt" in page and "Member" in page and erfurt_network.get_absolute_url() in page
    assert "your organisation left on 30/06/2020" in page or "your organisation left on 06/30/2020" in page


def test_my_account_says_nothing_is_wrong_while_the_organisation_is_a_member(client, member, erfurt_network):
    caritas = Organisation.objects.get(name="Caritas")
    person = Person.for_user(member)
    person.organisation = caritas
    person.save()
    Membership.objects.filter(organisation=caritas).update(left=timezone.localdate() + datetime.timedelta(days=3))
    client.force_login(member)
    page = client.get(reverse("accounts:me")).text
    assert "Caritas" in page and "no access" not in page


def test_the_language_a_person_browses_in_is_the_language_of_their_mails(client, member):
    client.force_login(member)
    client.get("/tr/")
    member.refresh_from_db()
    assert member.language == "tr"
    client.get("/da/compendium/")
    member.refresh_from_db()
    assert member.language == "da"
