"""Someone no longer in the network is not told the new time or place of its members' meetings."""

import datetime

import pytest
from django.utils import timezone
from model_bakery import baker

from erasmi.events import notices as event_notices
from erasmi.events import services
from erasmi.events.models import Event
from erasmi.networks.models import Person, Role
from erasmi.networks.tests.factories import make_event
from erasmi.notifications.models import Notice


@pytest.fixture
def former(erfurt_network):
    """Registered for members' meetings while in the network, then their role was removed."""
    user = baker.make("accounts.User", email="former@example.org", language="de")
    Role.objects.create(network=erfurt_network, person=Person.for_user(user))
    return Person.for_user(user)


def _leave(network, person):
    Role.objects.filter(network=network, person=person).delete()


def test_a_former_member_is_not_told_a_members_meetings_new_time_or_place(erfurt_network, former):
    event = make_event(erfurt_network, title="Internes Treffen", visibility=Event.Visibility.MEMBERS)
    services.register(event, former)
    _leave(erfurt_network, former)
    Notice.objects.all().delete()

    event.place = "Room 4, new address"
    event.save()
    event_notices.changed(event, ["place"])

    assert not Notice.objects.filter(address="former@example.org").exists()


def test_a_former_member_gets_no_reminder_of_a_members_meeting(erfurt_network, former):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    start = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(10)))
    event = make_event(erfurt_network, title="Internes Treffen", start=start)
    services.register(event, former)
    _leave(erfurt_network, former)
    Notice.objects.all().delete()

    assert event_notices.remind_tomorrow() == 0
    assert not Notice.objects.filter(address="former@example.org").exists()


def test_a_public_meetings_registrant_is_told_even_outside_the_network(erfurt_network, former):
    event = make_event(erfurt_network, title="Offenes Treffen", visibility=Event.Visibility.PUBLIC)
    services.register(event, former)
    _leave(erfurt_network, former)
    Notice.objects.all().delete()

    event.place = "Room 4"
    event.save()
    assert event_notices.changed(event, ["place"]) == 1


def test_someone_whose_organisation_left_gets_no_summary_of_the_groups_new_documents(erfurt_network, coordinator):
    from django.core.files.base import ContentFile

    from erasmi.networks import notices as network_notices
    from erasmi.networks.models import Document, DocumentVersion, Organisation

    user = baker.make("accounts.User", email="left@example.org", language="de")
    person = Person.for_user(user)
    person.organisation = Organisation.objects.get(name="Former Ltd")  # left the network in 2020
    person.save()
    Role.objects.create(network=erfurt_network, person=person)
    group = erfurt_network.working_groups.get()
    group.members.add(person)
    yesterday = timezone.now() - datetime.timedelta(days=1)
    document = Document.objects.create(network=erfurt_network, working_group=group, title="Internal minutes")
    DocumentVersion.objects.create(
        document=document,
        number=1,
        file=ContentFile(b"x", name="a.pdf"),
        original_name="a.pdf",
        size=1,
        uploaded_by=coordinator,
        uploaded=yesterday,
    )

    network_notices.document_digest(timezone.localdate(yesterday))

    assert not Notice.objects.filter(address="left@example.org").exists()
    assert Notice.objects.filter(address="member@example.org").exists()  # the group's lead still hears of it
