"""Leaving ends access: a membership's end date ends its people's access; coordinators remove roles."""

import datetime

import icalendar
from django.urls import reverse
from django.utils import timezone

from erasmi.networks.models import HistoryEntry, Membership, Organisation, Person, Role
from erasmi.networks.tests.factories import make_event

INTERNAL = ["networks:people", "networks:members", "networks:documents"]


def _works_for_caritas(user):
    person = Person.for_user(user)
    person.organisation = Organisation.objects.get(name="Caritas")
    person.save()
    return person


def _leave(organisation_name, network, on):
    Membership.objects.filter(network=network, organisation__name=organisation_name).update(left=on)


def _feed_titles(client, person) -> list[str]:
    cal = icalendar.Calendar.from_ical(client.get(f"/feeds/personal/{person.feed_token}.ics").content)
    return [str(e["summary"]) for e in cal.walk("VEVENT")]


def test_when_the_organisation_leaves_today_its_people_lose_access(client, member, erfurt_network):
    person = _works_for_caritas(member)
    make_event(erfurt_network, title="Erfurt internal")
    client.force_login(member)
    assert client.get(reverse("networks:people", args=["erfurt"])).status_code == 200
    assert _feed_titles(client, person) == ["Erfurt internal"]

    _leave("Caritas", erfurt_network, timezone.localdate())
    client.force_login(member)
    for name in INTERNAL:
        assert client.get(reverse(name, args=["erfurt"])).status_code == 404, name
    assert _feed_titles(client, person) == []


def test_until_the_leaving_day_the_people_keep_access(client, member, erfurt_network):
    _works_for_caritas(member)
    _leave("Caritas", erfurt_network, timezone.localdate() + datetime.timedelta(days=1))
    client.force_login(member)
    for name in INTERNAL:
        assert client.get(reverse(name, args=["erfurt"])).status_code == 200, name
    assert not Role.objects.active(on=timezone.localdate() + datetime.timedelta(days=1)).filter(person__user=member)


def test_a_coordinator_whose_organisation_left_loses_access_too(client, coordinator, erfurt_network):
    _works_for_caritas(coordinator)
    _leave("Caritas", erfurt_network, timezone.localdate())
    client.force_login(coordinator)
    assert client.get(reverse("networks:history", args=["erfurt"])).status_code == 404


def test_coordinators_see_who_lost_access_on_the_people_page(client, coordinator, member, erfurt_network):
    _works_for_caritas(member)
    _leave("Caritas", erfurt_network, timezone.localdate())
    client.force_login(coordinator)
    response = client.get(reverse("networks:people", args=["erfurt"]))
    assert [row["entry"].user for row in response.context["without_access"]] == [member]
    assert member not in [row["entry"].user for row in response.context["rows"]]


def test_coordinator_removes_a_role_after_confirming_and_the_history_says_so(
    client, coordinator, member, erfurt_network
):
    person = Person.for_user(member)
    url = reverse("networks:role_remove", args=["erfurt", person.pk])
    client.force_login(coordinator)
    response = client.get(url)
    assert response.status_code == 200 and "no longer have access" in response.text
    assert Role.objects.filter(network=erfurt_network, person=person).exists()  # nothing happens on GET

    response = client.post(url, follow=True)
    assert "is no longer in the network" in response.text
    assert not Role.objects.filter(network=erfurt_network, person=person).exists()
    assert erfurt_network.working_groups.get().lead is None
    entry = HistoryEntry.objects.get(network=erfurt_network, action=HistoryEntry.Action.REMOVED)
    assert entry.actor == coordinator and entry.changes == {"role": "member"}
    person.refresh_from_db()
    assert not person.is_erased and person.user == member  # removed, not erased
    client.force_login(member)
    assert client.get(reverse("networks:people", args=["erfurt"])).status_code == 404


def test_the_last_coordinator_cannot_be_removed(client, coordinator, erfurt_network):
    me = Person.for_user(coordinator)
    client.force_login(coordinator)
    response = client.post(reverse("networks:role_remove", args=["erfurt", me.pk]), follow=True)
    assert "last coordinator cannot be removed" in response.text
    assert Role.objects.filter(network=erfurt_network, person=me, kind=Role.Kind.COORDINATOR).exists()


def test_members_cannot_remove_roles(client, member, coordinator, erfurt_network):
    target = Person.for_user(coordinator)
    client.force_login(member)
    assert client.post(reverse("networks:role_remove", args=["erfurt", target.pk])).status_code == 404
    assert Role.objects.filter(network=erfurt_network, person=target).exists()


def test_a_group_lead_whose_organisation_left_no_longer_edits_its_meetings(client, member, erfurt_network):
    from erasmi.networks.models import WorkingGroup

    person = _works_for_caritas(member)
    group = WorkingGroup.objects.create(network=erfurt_network, slug="ag", name="AG", lead=person)
    event = make_event(erfurt_network, group=group)
    client.force_login(member)
    for name in ("events:edit", "events:minutes"):
        assert client.get(reverse(name, args=["erfurt", event.pk])).status_code == 200
    assert client.get(reverse("networks:group_edit", args=["erfurt", "ag"])).status_code == 200
    _leave("Caritas", erfurt_network, timezone.localdate())
    client.force_login(member)
    for name in ("events:edit", "events:minutes"):
        assert client.get(reverse(name, args=["erfurt", event.pk])).status_code == 404
        assert client.post(reverse(name, args=["erfurt", event.pk]), {"minutes": "x"}).status_code == 404
    assert client.get(reverse("networks:group_edit", args=["erfurt", "ag"])).status_code == 404


def test_the_last_coordinator_cannot_be_erased_either(client, coordinator, erfurt_network):
    me = Person.for_user(coordinator)
    client.force_login(coordinator)
    response = client.post(reverse("networks:person_erase", args=["erfurt", me.pk]), follow=True)
    assert "last coordinator cannot be erased" in response.text
    me.refresh_from_db()
    assert not me.is_erased and Role.objects.filter(network=erfurt_network, person=me).exists()


def test_a_former_members_people_cannot_add_offers_to_the_network(client, member, erfurt_network):
    from erasmi.offers.models import Offer

    _works_for_caritas(member)
    _leave("Caritas", erfurt_network, timezone.localdate() - datetime.timedelta(days=1))
    client.force_login(member)
    assert client.get(reverse("offers:create")).status_code == 302
    assert client.post(reverse("offers:create"), {"title": "Neu", "online": "on"}).status_code == 302
    assert not Offer.objects.exists()


def test_a_group_lead_moves_a_meeting_only_between_the_groups_they_run(client, member, erfurt_network):
    from erasmi.core.tests.formdata import as_browser_sends
    from erasmi.networks.models import WorkingGroup

    person = _works_for_caritas(member)
    mine = WorkingGroup.objects.create(network=erfurt_network, slug="mine", name="Mine", lead=person)
    WorkingGroup.objects.create(network=erfurt_network, slug="theirs", name="Theirs")
    event = make_event(erfurt_network, group=mine)
    client.force_login(member)
    edit = reverse("events:edit", args=["erfurt", event.pk])
    form = client.get(edit).context["form"]
    assert "mine" in [g.slug for g in form.fields["working_group"].queryset]
    assert "theirs" not in [g.slug for g in form.fields["working_group"].queryset]
    data = as_browser_sends(form)
    theirs = WorkingGroup.objects.get(slug="theirs")
    assert client.post(edit, {**data, "working_group": str(theirs.pk)}).status_code == 400
    assert client.post(edit, {**data, "working_group": ""}).status_code == 400
    event.refresh_from_db()
    assert event.working_group == mine


def test_erasing_a_person_takes_their_name_and_address_out_of_the_history(client, coordinator, erfurt_network):
    from erasmi.networks.models import HistoryEntry, WorkingGroup

    client.force_login(coordinator)
    client.post(
        reverse("networks:people", args=["erfurt"]),
        {"first_name": "Erika", "last_name": "Erased", "email": "erika@example.org", "role": "member"},
    )
    erika = Person.objects.get(last_name="Erased")
    group = WorkingGroup.objects.create(network=erfurt_network, slug="ag", name="AG")
    HistoryEntry.record(erfurt_network, coordinator, HistoryEntry.Action.CHANGED, group, {"lead": "Erika Erased"})
    client.post(reverse("networks:person_erase", args=["erfurt", erika.pk]))
    client.get(reverse("networks:people", args=["erfurt"]))  # the messages of the add and the erase are shown
    history = " ".join(f"{e.object_repr} {e.changes}" for e in HistoryEntry.objects.filter(network=erfurt_network))
    assert "Erika" not in history and "erika@example.org" not in history
    page = client.get(reverse("networks:history", args=["erfurt"])).text
    assert "Erika" not in page and "erika@example.org" not in page


def test_members_see_no_history_on_their_start_page(client, coordinator, member, erfurt_network):
    from erasmi.networks.models import HistoryEntry

    HistoryEntry.record(erfurt_network, coordinator, HistoryEntry.Action.DECLINED, Person.for_user(coordinator))
    client.force_login(member)
    assert 'id="changes-title"' not in client.get(reverse("core:home")).text
    client.force_login(coordinator)
    assert 'id="changes-title"' in client.get(reverse("core:home")).text
