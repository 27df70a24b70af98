"""Who holds an active role, as every request asks it (rules.role_in, written in SQL), says what
Role.objects.active() says: organisation a current member, left, not yet joined, none; the network's own record."""

import datetime

import pytest
from django.utils import timezone
from model_bakery import baker

from erasmi.networks import rules
from erasmi.networks.models import Membership, Organisation, Person, Role
from erasmi.networks.tests.factories import make_network

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)
CASES = {  # membership of the organisation the role counts with: (joined, left), or None for no organisation
    "individual": None,
    "current member": (TODAY - 300 * DAY, None),
    "leaves tomorrow": (TODAY - 300 * DAY, TODAY + DAY),
    "left today": (TODAY - 300 * DAY, TODAY),
    "left last year": (TODAY - 900 * DAY, TODAY - 300 * DAY),
    "joins tomorrow": (TODAY + DAY, None),
    "joined today": (TODAY, None),
}


@pytest.mark.parametrize("through_record", [False, True], ids=["own person", "network's record"])
@pytest.mark.parametrize("case", CASES)
def test_role_in_agrees_with_the_active_roles(db, case, through_record):
    network = make_network("erfurt")
    other = make_network("halle")
    user = baker.make("accounts.User")
    person = Person.for_user(user)
    organisation = None
    if CASES[case] is not None:
        organisation = Organisation.objects.create(name="Verein", actor_type="ngo")
        joined, left = CASES[case]
        Membership.objects.create(network=network, organisation=organisation, joined=joined, left=left)
        Membership.objects.create(network=other, organisation=organisation, joined=TODAY - 300 * DAY)
    if through_record:  # the account's person belongs elsewhere; the network recorded them with this organisation
        person.organisation = Organisation.objects.create(name="Anderswo", actor_type="ngo")
        person.save()
        record = Person.objects.create(first_name="Ayşe", last_name="Demir", organisation=organisation)
        Role.objects.create(network=network, person=person, record=record, kind=Role.Kind.COORDINATOR)
    else:
        person.organisation = organisation
        person.save()
        Role.objects.create(network=network, person=person, kind=Role.Kind.COORDINATOR)

    expected = Role.objects.active().filter(network=network, person__user=user).values_list("kind", flat=True).first()
    assert rules.role_in(user, network) == expected
    assert expected == (None if case in ("left today", "left last year", "joins tomorrow") else "coordinator")
    assert rules.role_in(user, other) is None  # no role there
