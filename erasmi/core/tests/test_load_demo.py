"""`make run` loads the demo into an empty database only; `make reset` starts over on purpose."""

import pytest
from django.core.management import call_command

from erasmi.accounts.models import User
from erasmi.compendium.models import Practice
from erasmi.networks.models import Network, Organisation


@pytest.fixture
def demo(transactional_db, settings):
    settings.DEBUG = True  # the demo network and accounts come with DEBUG only
    call_command("load_demo", stdout=open("/dev/null", "w"))


def test_a_second_start_keeps_what_a_newcomer_added_and_changed(demo):
    network = Network.objects.get(slug="demostadt")
    Organisation.objects.create(name="Neuer Verein", actor_type="ngo")
    erfurt = Practice.objects.get(slug__startswith="netzwerk-fur-integration")
    erfurt.change_status(Practice.Status.DRAFT)
    network.name = "Unser Netzwerk"
    network.save()
    revisions = erfurt.revisions.count()

    call_command("load_demo", stdout=open("/dev/null", "w"))

    assert Organisation.objects.filter(name="Neuer Verein").exists()
    assert Network.objects.get(slug="demostadt").name == "Unser Netzwerk"
    erfurt.refresh_from_db()
    assert erfurt.status == Practice.Status.DRAFT and erfurt.revisions.count() == revisions


def test_reset_deletes_everything_and_loads_the_demo_anew(demo):
    Organisation.objects.create(name="Neuer Verein", actor_type="ngo")
    User.objects.create(email="newcomer@example.org")
    call_command("load_demo", reset=True, no_input=True, stdout=open("/dev/null", "w"))
    assert not Organisation.objects.filter(name="Neuer Verein").exists()
    assert not User.objects.filter(email="newcomer@example.org").exists()
    assert Network.objects.get(slug="demostadt").memberships.count() > 5
    assert Practice.objects.published().filter(slug__startswith="netzwerk-fur-integration").exists()
    # the search and the vocabularies work after the reset
    from erasmi.compendium.models import PracticeTranslation, Term
    from erasmi.core import search

    assert Term.objects.filter(kind=Term.Kind.COUNTRY).exists()
    assert search.matching_ids(PracticeTranslation, "Erfurt")


def test_reset_without_a_terminal_to_ask_deletes_nothing(demo, monkeypatch):
    import io

    from django.core.management.base import CommandError

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    Organisation.objects.create(name="Neuer Verein", actor_type="ngo")
    with pytest.raises(CommandError, match="Nothing was deleted"):
        call_command("load_demo", reset=True, stdout=open("/dev/null", "w"))
    assert Organisation.objects.filter(name="Neuer Verein").exists()


def test_a_visitor_of_the_demo_network_sees_its_public_profile_with_members_and_contact(demo, client):
    page = client.get("/de/networks/demostadt/").text
    assert "Mitgliedsorganisationen" in page and "Jobcenter Demostadt" in page
    assert "mailto:netzwerk@demostadt.example.org" in page


def test_the_demo_people_have_names_on_the_people_page_and_in_their_working_group(demo, client):
    client.force_login(User.objects.get(email="coordinator@example.org"))
    people = client.get("/de/networks/demostadt/people/").text
    # the demo accounts and the organisations' contact people, with plausible names (not "Demo3 Caritas")
    for name in ["Katrin Vogel", "Marco Rossi", "Sabine Hoffmann", "Ayşe Demir"]:
        assert name in people
    assert "Demo0" not in people and ">coordinator<" not in people and ">member<" not in people
    assert User.objects.get(email="admin@example.org").get_full_name() == "Anna Albrecht"
    client.force_login(User.objects.get(email="member@example.org"))
    group = client.get("/de/networks/demostadt/groups/ag-1/").text
    assert "Marco Rossi" in group
