"""A network's page: its members see their overview of it, visitors its public profile."""

from django.urls import reverse

from erasmi.events.models import Event
from erasmi.networks.models import HistoryEntry, Membership, Task, WorkingGroup
from erasmi.networks.tests.factories import make_event


def _page(client):
    return client.get(reverse("networks:detail", args=["erfurt"])).text


def _public_things(network):
    Membership.objects.filter(organisation__name="Caritas").update(listed_publicly=True)
    Membership.objects.filter(organisation__name="Former Ltd").update(listed_publicly=True)  # left in 2020
    network.contact_email = "kontakt@netzwerk-erfurt.example"
    network.save()
    make_event(network, title="Interkulturelle Woche", visibility=Event.Visibility.PUBLIC)
    make_event(network, title="Internes Planungstreffen")
    Task.objects.create(working_group=WorkingGroup.objects.get(), title="Kursliste schicken")


def test_visitors_see_only_public_things_on_the_network_page(client, other_member, erfurt_network):
    _public_things(erfurt_network)
    for visitor in (None, other_member):
        if visitor:
            client.force_login(visitor)
        page = _page(client)
        assert "Caritas" in page and "kontakt@netzwerk-erfurt.example" in page
        assert "Interkulturelle Woche" in page
        assert "Internes Planungstreffen" not in page
        assert "Stadt Erfurt" not in page and "Former Ltd" not in page  # not listed; no longer a member
        assert "Kursliste schicken" not in page


def test_members_see_their_overview_of_the_network(client, member, erfurt_network):
    _public_things(erfurt_network)
    client.force_login(member)
    page = _page(client)
    assert "Internes Planungstreffen" in page and "Interkulturelle Woche" in page
    assert "Kursliste schicken" in page
    assert "Recent changes" not in page  # for coordinators


def test_coordinators_see_the_networks_recent_changes(client, coordinator, erfurt_network):
    HistoryEntry.record(erfurt_network, coordinator, "created", WorkingGroup.objects.get())
    client.force_login(coordinator)
    page = _page(client)
    assert "Recent changes" in page and "created working group “Sprache”" in page


def test_a_coordinator_lists_a_member_on_the_public_page_with_the_membership_form(client, coordinator, erfurt_network):
    from erasmi.core.tests.formdata import as_browser_sends
    from erasmi.networks.forms import MembershipForm

    membership = Membership.objects.get(organisation__name="VHS")
    client.force_login(coordinator)
    url = reverse("networks:membership", args=["erfurt", membership.pk])
    client.post(url, as_browser_sends(MembershipForm(instance=membership)))
    assert not HistoryEntry.objects.exists()  # saved unchanged: nothing written
    client.post(url, {**as_browser_sends(MembershipForm(instance=membership)), "listed_publicly": "on"})
    membership.refresh_from_db()
    assert membership.listed_publicly
    client.logout()
    assert "VHS" in _page(client)
