"""Erased people never appear in a form's choices (group lead and members, task assignee, contact person)."""

from django.urls import reverse

from erasmi.core.tests.formdata import as_browser_sends
from erasmi.networks.forms import TaskForm, WorkingGroupForm
from erasmi.networks.models import HistoryEntry, Person, Role


def _erased_member_of(group):
    person = Person.objects.create(first_name="Eva", last_name="Gelöscht")
    Role.objects.create(network=group.network, person=person)
    group.members.add(person)
    person.erase()
    return person


def test_an_erased_person_is_no_choice_for_a_group_or_a_task(erfurt_network):
    group = erfurt_network.working_groups.get()
    erased = _erased_member_of(group)
    form = WorkingGroupForm(instance=group, network=erfurt_network)
    assert erased not in form.fields["lead"].queryset and erased not in form.fields["members"].queryset
    assert erased.pk not in [pk for pk, _label in TaskForm(group=group).fields["assignee"].choices]
    assert erased not in TaskForm({"title": "x"}, group=group).fields["assignee"].queryset
    assert erased not in WorkingGroupForm(network=erfurt_network).fields["members"].queryset


def test_a_group_saved_unchanged_keeps_its_erased_members_count(client, coordinator, erfurt_network):
    group = erfurt_network.working_groups.get()
    erased = _erased_member_of(group)
    client.force_login(coordinator)
    url = reverse("networks:group_edit", args=["erfurt", group.slug])
    data = as_browser_sends(client.get(url).context["form"])
    data["members"] = [
        pk for pk in data["members"] if pk != str(erased.pk)
    ]  # a browser cannot send what it is not shown
    client.post(url, data)
    assert erased in group.members.all()
    assert not HistoryEntry.objects.filter(network=erfurt_network).exists()
