"""Surveys for tests."""

import datetime

from django.utils import timezone

from erasmi.accounts.models import User
from erasmi.networks.models import Organisation, Person, Role
from erasmi.surveys import services
from erasmi.surveys.models import Question


def make_survey(network, questions=(), *, anonymous=True, audience="members", group=None, days_open=14, title="Q"):
    today = timezone.localdate()
    survey = services.create_survey(
        network=network,
        by=None,
        title=title,
        language="en",
        anonymous=anonymous,
        audience=audience,
        working_group=group,
        opens=today,
        closes=today + datetime.timedelta(days=days_open),
    )
    for kind, text, *choices in questions:
        services.save_question(survey, None, kind=kind, required=False, text=text, choices=list(choices))
    return survey


def scale_survey(network, **kwargs):
    return make_survey(network, [(Question.Kind.SCALE, "How good is it?")], **kwargs)


def make_members(network, n, *, actor_type="ngo", sector="non_state", prefix="m"):
    """n people with accounts, each of a member organisation of that type, with a role in the network."""
    from erasmi.networks.models import Membership

    people = []
    for i in range(n):
        organisation = Organisation.objects.create(name=f"{prefix} org {i}", actor_type=actor_type, sector=sector)
        Membership.objects.create(network=network, organisation=organisation, joined=datetime.date(2020, 1, 1))
        user = User.objects.create(email=f"{prefix}{i}@example.org")
        person = Person.for_user(user)
        person.organisation = organisation
        person.save()
        Role.objects.create(network=network, person=person, kind=Role.Kind.MEMBER)
        people.append(person)
    return people
