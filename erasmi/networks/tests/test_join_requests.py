"""Someone asks to join a network; a coordinator accepts or declines; both sides are told by mail."""

import pytest
from django.urls import reverse

from erasmi.accounts.models import User
from erasmi.networks.models import HistoryEntry, JoinRequest, Organisation, Person, Role

ASK = {"first_name": "Jana", "last_name": "Neu", "organisation": "Kulturverein Mosaik", "message": "Hallo!"}


@pytest.fixture
def newcomer(db):
    return User.objects.create_user("jana@example.org", first_name="Jana")


def _ask(client, data=ASK, slug="erfurt"):
    return client.post(reverse("networks:join", args=[slug]), data, follow=True)


def test_a_signed_in_person_asks_to_join_and_the_coordinators_are_told(
    client, coordinator, newcomer, erfurt_network, smtp_server
):
    coordinator.language = "de"
    coordinator.save()
    client.force_login(newcomer)
    assert "Ask to join" in client.get(erfurt_network.get_absolute_url()).text
    response = _ask(client)
    assert "Your request was sent." in response.text
    request = JoinRequest.objects.get()
    assert (request.user, request.organisation, request.message) == (newcomer, "Kulturverein Mosaik", "Hallo!")
    assert [m["to"] for m in smtp_server.messages] == [["coordinator@example.org"]]
    assert smtp_server.messages[0]["message"]["Subject"] == "Jana Neu möchte Network erfurt beitreten"
    assert "/networks/erfurt/people/" in smtp_server.body(0)
    assert "have not answered yet" in client.get(erfurt_network.get_absolute_url()).text


def test_a_double_click_sends_one_request_and_a_second_request_says_one_is_open(
    client, coordinator, newcomer, erfurt_network, smtp_server
):
    from erasmi.core.tests.formdata import as_browser_sends

    client.force_login(newcomer)
    url = reverse("networks:join", args=["erfurt"])
    data = {**as_browser_sends(client.get(url).context["form"]), **ASK}
    client.post(url, data)
    client.post(url, data)
    assert JoinRequest.objects.count() == 1 and len(smtp_server.messages) == 1
    again = {**as_browser_sends(client.get(url).context["form"]), **ASK}
    response = client.post(url, again, follow=True)
    assert "You asked to join already" in response.text
    assert JoinRequest.objects.count() == 1 and len(smtp_server.messages) == 1


def test_coordinator_accepts_and_the_newcomer_becomes_a_member_told_in_their_language(
    client, coordinator, newcomer, erfurt_network, smtp_server
):
    client.force_login(newcomer)
    _ask(client)
    User.objects.filter(pk=newcomer.pk).update(language="tr")  # signing in in Turkish last time
    client.force_login(coordinator)
    page = client.get(reverse("networks:people", args=["erfurt"]))
    assert "Jana Neu" in page.text and "Kulturverein Mosaik" in page.text and "Hallo!" in page.text
    request = JoinRequest.objects.get()
    caritas = Organisation.objects.get(name="Caritas")
    response = client.post(
        reverse("networks:join_answer", args=["erfurt", request.pk]),
        {"accept": "1", "organisation": str(caritas.pk)},
        follow=True,
    )
    assert "Jana Neu is now a member of the network." in response.text
    role = Role.objects.get(network=erfurt_network, person__user=newcomer)
    assert role.kind == "member" and role.entry.organisation == caritas and role.entry.last_name == "Neu"
    assert Role.objects.active().filter(pk=role.pk).exists()
    assert smtp_server.messages[-1]["to"] == ["jana@example.org"]
    assert smtp_server.messages[-1]["message"]["Subject"] == "Network erfurt ağına hoş geldiniz"
    client.force_login(newcomer)
    assert client.get(reverse("networks:members", args=["erfurt"])).status_code == 200
    assert HistoryEntry.objects.filter(network=erfurt_network, action="accepted").exists()


def test_accepting_someone_known_in_another_network_shows_only_what_they_typed_here(
    client, coordinator, other_member, erfurt_network, other_network, smtp_server
):
    own = Person.for_user(other_member)
    own.first_name, own.last_name, own.phone = "Hülya", "Realname", "0345 999"
    own.save()
    client.force_login(other_member)
    _ask(client, {**ASK, "first_name": "H.", "last_name": "R."})
    client.force_login(coordinator)
    page = client.get(reverse("networks:people", args=["erfurt"]))
    assert "Realname" not in page.text and "0345 999" not in page.text
    client.post(reverse("networks:join_answer", args=["erfurt", JoinRequest.objects.get().pk]), {"accept": "1"})
    role = Role.objects.get(network=erfurt_network, person=own)
    assert str(role.entry) == "H. R." and role.entry.phone == ""  # Erfurt's own record
    page = client.get(reverse("networks:people", args=["erfurt"]))
    assert "H. R." in page.text and "Realname" not in page.text


def test_coordinator_declines_and_the_requester_is_told(client, coordinator, newcomer, erfurt_network, smtp_server):
    client.force_login(newcomer)
    _ask(client)
    User.objects.filter(pk=newcomer.pk).update(language="tr")
    client.force_login(coordinator)
    request = JoinRequest.objects.get()
    url = reverse("networks:join_answer", args=["erfurt", request.pk])
    client.post(url, {"decline": "1"})
    request.refresh_from_db()
    assert request.state == "declined"
    assert not Role.objects.filter(network=erfurt_network, person__user=newcomer).exists()
    assert smtp_server.messages[-1]["to"] == ["jana@example.org"]
    assert "reddetti" in smtp_server.body(-1)  # in Turkish, the requester's language
    response = client.post(url, {"accept": "1"}, follow=True)  # a second answer changes nothing
    assert "answered already" in response.text
    assert not Role.objects.filter(network=erfurt_network, person__user=newcomer).exists()
    client.force_login(newcomer)
    assert "Ask to join" in client.get(erfurt_network.get_absolute_url()).text  # they may ask again


def test_people_in_the_network_are_not_offered_to_ask(client, member, erfurt_network):
    client.force_login(member)
    assert "Ask to join" not in client.get(erfurt_network.get_absolute_url()).text
    _ask(client)
    assert not JoinRequest.objects.exists()


def test_members_and_other_networks_coordinators_cannot_answer(
    client, member, newcomer, erfurt_network, other_network, smtp_server
):
    halle_coordinator = User.objects.create_user("halle-coord@example.org")
    Role.objects.create(network=other_network, person=Person.for_user(halle_coordinator), kind="coordinator")
    client.force_login(newcomer)
    _ask(client)
    request = JoinRequest.objects.get()
    for user in (member, halle_coordinator):
        client.force_login(user)
        assert "Jana" not in client.get(reverse("networks:people", args=["erfurt"])).text
        assert (
            client.post(reverse("networks:join_answer", args=["erfurt", request.pk]), {"accept": "1"}).status_code
            == 404
        )
        assert (
            client.post(reverse("networks:join_answer", args=["halle", request.pk]), {"accept": "1"}).status_code == 404
        )
    request.refresh_from_db()
    assert request.state == "open"


def test_visitors_sign_in_before_asking(client, erfurt_network):
    assert "Ask to join" in client.get(erfurt_network.get_absolute_url()).text
    response = client.get(reverse("networks:join", args=["erfurt"]))
    assert response.status_code == 302 and "/accounts/login/" in response.url
