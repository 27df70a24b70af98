"""A small network with known cooperation: a path A – B – C – D and an isolated E.

A (authority, state) and B (welfare) share a working group; B and C (NGO) met at a past meeting;
C and D (migrant self-organisation) confirmed a partnership; E (education provider) has no tie.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone
from model_bakery import baker

from erasmi.cooperation.models import Partnership
from erasmi.events.models import Registration
from erasmi.networks.models import Membership, Organisation, Person, Role, WorkingGroup
from erasmi.networks.tests.factories import make_event, make_network

T = Organisation.ActorType
JOINED = {
    "A": datetime.date(2019, 3, 1),
    "B": datetime.date(2020, 6, 1),
    "C": datetime.date(2021, 1, 15),
    "D": datetime.date(2022, 2, 1),
    "E": datetime.date(2023, 9, 1),
}
TYPES = {"A": T.AUTHORITY, "B": T.WELFARE, "C": T.NGO, "D": T.MIGRANT_ORGANISATION, "E": T.EDUCATION}


def add_member(network, name, actor_type, joined, left=None) -> Organisation:
    organisation = Organisation.objects.create(name=name, actor_type=actor_type)
    Membership.objects.create(network=network, organisation=organisation, joined=joined, left=left)
    return organisation


def add_person(network, organisation, user=None, kind=Role.Kind.MEMBER) -> Person:
    if user is not None:
        person = Person.for_user(user)
        person.organisation = organisation
        person.save()
    else:
        person = Person.objects.create(first_name="P", last_name=organisation.name, organisation=organisation)
    Role.objects.create(network=network, person=person, kind=kind)
    return person


@pytest.fixture
def coordinator(db):
    return baker.make("accounts.User", email="coordinator@example.org", role="member")


@pytest.fixture
def path(db, member, coordinator):
    """The network; `member` speaks for D, `coordinator` coordinates for A."""
    network = make_network("path")
    orgs = {key: add_member(network, f"Org {key}", TYPES[key], JOINED[key]) for key in "ABCDE"}
    people = {key: add_person(network, orgs[key]) for key in "ABCE"}
    people["D"] = add_person(network, orgs["D"], user=member)
    add_person(network, orgs["A"], user=coordinator, kind=Role.Kind.COORDINATOR)
    group = WorkingGroup.objects.create(network=network, slug="g", name="Language courses", lead=people["A"])
    group.members.set([people["B"]])
    meeting_day = timezone.now() - datetime.timedelta(days=30)
    event = make_event(network, start=meeting_day)
    for key in "BC":
        Registration.objects.create(event=event, person=people[key], status=Registration.Status.CONFIRMED)
    Partnership.objects.create(
        network=network,
        organisation=orgs["C"],
        partner=orgs["D"],
        since=datetime.date(2022, 5, 1),
        state=Partnership.State.CONFIRMED,
    )
    return SimpleNamespace(network=network, orgs=orgs, people=people, meeting_day=meeting_day.date(), group=group)
