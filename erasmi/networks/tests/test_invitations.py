"""Consent across networks: adding someone by address invites them; nothing is linked before they accept."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from erasmi.accounts.models import User
from erasmi.core.tests.parallel import at_once
from erasmi.networks.models import Invitation, Membership, Organisation, Person, Role

PASSWORD = "a-long-Passphrase-42"


def _link(text: str) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", text).group(1)


@pytest.fixture
def known_in_halle(other_member, other_network):
    """other@example.org is in Halle under their real name, for an organisation of Halle."""
    organisation = Organisation.objects.create(name="Halle Hilft e.V.", actor_type=Organisation.ActorType.NGO)
    Membership.objects.create(network=other_network, organisation=organisation)
    person = Person.for_user(other_member)
    person.first_name, person.last_name, person.organisation = "Hülya", "Realname", organisation
    person.phone = "0345 999"
    person.save()
    return person


def _add(client, email, first="Typed", last="ByErfurt", role="member", key=None):
    data = {"first_name": first, "last_name": last, "email": email, "role": role}
    if key:
        data["key"] = key
    return client.post(reverse("networks:people", args=["erfurt"]), data, follow=True)


def test_adding_a_known_address_shows_only_what_this_network_typed_and_links_nothing(
    client, coordinator, other_member, known_in_halle, erfurt_network, smtp_server
):
    client.force_login(coordinator)
    response = _add(client, "other@example.org")
    assert "Typed ByErfurt was added to the network; an invitation was sent to other@example.org." in response.text
    for secret in ("Hülya", "Realname", "Halle Hilft", "0345 999"):
        assert secret not in response.text
    assert not Role.objects.filter(network=erfurt_network, person__user=other_member).exists()
    record = Person.objects.get(last_name="ByErfurt")
    assert record.user is None and record != known_in_halle
    client.force_login(other_member)
    assert client.get(reverse("networks:people", args=["erfurt"])).status_code == 404


def test_the_answer_is_the_same_whether_the_address_has_an_account_or_not(
    client, coordinator, known_in_halle, erfurt_network, smtp_server
):
    client.force_login(coordinator)
    known = _add(client, "other@example.org", first="Anna", last="Eins")
    unknown = _add(client, "nobody@example.org", first="Anna", last="Zwei")
    assert known.status_code == unknown.status_code == 200
    messages = [[str(m) for m in response.context["messages"]] for response in (known, unknown)]
    assert [m.replace("Eins", "?").replace("other", "x") for m in messages[0]] == [
        m.replace("Zwei", "?").replace("nobody", "x") for m in messages[1]
    ]
    assert [m["to"] for m in smtp_server.messages] == [["other@example.org"], ["nobody@example.org"]]
    assert {m["message"]["Subject"] for m in smtp_server.messages} == {"Invitation to the network Network erfurt"}
    without_link = {re.sub(r"/invitations/\S+", "", smtp_server.body(i)) for i in (0, 1)}
    assert len(without_link) == 1


def test_an_invited_account_accepts_and_each_network_keeps_its_own_record(
    client, coordinator, other_member, known_in_halle, erfurt_network, other_network, smtp_server
):
    client.force_login(coordinator)
    _add(client, "other@example.org", role="coordinator")
    link = _link(smtp_server.body(0))
    invitee = Client()
    invitee.force_login(other_member)
    page = invitee.get(link)
    assert "You are invited to take part in the network Network erfurt as a coordinator" in page.text
    response = invitee.post(link, {"accept": "1"})
    assert response.status_code == 302

    role = Role.objects.get(network=erfurt_network, person=known_in_halle)
    assert role.kind == "coordinator" and role.record.last_name == "ByErfurt"
    assert invitee.get(reverse("networks:history", args=["erfurt"])).status_code == 200
    # Each network's people page shows its own record of the person.
    erfurt_page = client.get(reverse("networks:people", args=["erfurt"])).text
    assert "Typed ByErfurt" in erfurt_page and "Realname" not in erfurt_page and "Halle Hilft" not in erfurt_page
    assert "accepted" in erfurt_page
    assert "Realname" in invitee.get(reverse("networks:people", args=["halle"])).text
    # The inviter is told.
    assert smtp_server.messages[-1]["to"] == ["coordinator@example.org"]
    subject = smtp_server.messages[-1]["message"]["Subject"]
    assert subject == "other@example.org accepted the invitation to Network erfurt"
    # The link works once.
    assert invitee.post(link, {"decline": "1"}).status_code == 200
    assert Invitation.objects.get().state == Invitation.State.ACCEPTED


def test_a_visitor_signs_up_and_then_accepts(client, coordinator, erfurt_network, smtp_server):
    client.force_login(coordinator)
    _add(client, "newcomer@example.org")
    link = _link(smtp_server.body(0))
    visitor = Client()
    page = visitor.get(link)
    assert "Create account" in page.text and 'name="accept"' not in page.text
    assert visitor.post(link, {"accept": "1"})["Location"].startswith("/en/accounts/login/")
    signup = {"email": "newcomer@example.org", "password1": PASSWORD, "password2": PASSWORD}
    visitor.post(f"/en/accounts/signup/?next={link}", signup)
    visitor.post(_link(smtp_server.body(-1)))  # the confirmation mail signs them in
    assert 'name="accept"' in visitor.get(link).text
    visitor.post(link, {"accept": "1"})
    newcomer = User.objects.get(email="newcomer@example.org")
    record = Person.objects.get(last_name="ByErfurt")
    assert record.user == newcomer
    assert visitor.get(reverse("networks:people", args=["erfurt"])).status_code == 200


def test_declining_links_nothing_and_the_inviter_sees_it(
    client, coordinator, other_member, known_in_halle, erfurt_network, smtp_server
):
    client.force_login(coordinator)
    _add(client, "other@example.org")
    link = _link(smtp_server.body(0))
    invitee = Client()
    invitee.force_login(other_member)
    invitee.post(link, {"decline": "1"})
    assert not Role.objects.filter(network=erfurt_network, person__user=other_member).exists()
    assert Person.objects.get(last_name="ByErfurt").user is None
    assert "declined" in client.get(reverse("networks:people", args=["erfurt"])).text
    assert "declined the invitation" in smtp_server.messages[-1]["message"]["Subject"]
    assert invitee.post(link, {"accept": "1"}).status_code == 200  # too late to change one's mind here
    assert not Role.objects.filter(network=erfurt_network, person__user=other_member).exists()


def test_erasing_an_invited_person_in_one_network_keeps_them_in_the_other(
    client, coordinator, other_member, known_in_halle, erfurt_network, other_network, smtp_server
):
    client.force_login(coordinator)
    _add(client, "other@example.org")
    invitee = Client()
    invitee.force_login(other_member)
    invitee.post(_link(smtp_server.body(0)), {"accept": "1"})
    client.post(reverse("networks:person_erase", args=["erfurt", known_in_halle.pk]))
    known_in_halle.refresh_from_db()
    assert known_in_halle.user == other_member and known_in_halle.last_name == "Realname"
    assert Role.objects.filter(network=other_network, person=known_in_halle).exists()
    assert not Role.objects.filter(network=erfurt_network, person=known_in_halle).exists()
    assert not Person.objects.filter(last_name="ByErfurt").exists()  # Erfurt's record is erased
    assert invitee.get(reverse("networks:people", args=["erfurt"])).status_code == 404


def test_the_invitation_is_in_the_language_the_account_last_used(
    client, coordinator, other_member, known_in_halle, erfurt_network, smtp_server
):
    other_member.language = "de"
    other_member.save()
    client.force_login(coordinator)
    _add(client, "other@example.org")
    _add(client, "nobody@example.org", last="Other")
    assert "Einladung" in smtp_server.messages[0]["message"]["Subject"]
    assert "/de/networks/invitations/" in smtp_server.body(0)
    assert "Invitation" in smtp_server.messages[1]["message"]["Subject"]  # unknown: the inviter's language


def test_an_expired_invitation_cannot_be_accepted(client, coordinator, other_member, erfurt_network, smtp_server):
    client.force_login(coordinator)
    _add(client, "other@example.org")
    Invitation.objects.update(expires="2000-01-01T00:00:00Z")
    invitee = Client()
    invitee.force_login(other_member)
    link = _link(smtp_server.body(0))
    assert "expired" in invitee.get(link).text
    invitee.post(link, {"accept": "1"})
    assert not Role.objects.filter(network=erfurt_network, person__user=other_member).exists()
    assert "expired" in client.get(reverse("networks:people", args=["erfurt"])).text


def test_a_double_click_adds_one_person_and_sends_one_invitation(client, coordinator, erfurt_network, smtp_server):
    client.force_login(coordinator)
    key = client.get(reverse("networks:people", args=["erfurt"])).context["form"]["key"].value()
    first = _add(client, "twice@example.org", key=key)
    second = _add(client, "twice@example.org", key=key)
    assert [str(m) for m in first.context["messages"]] == [str(m) for m in second.context["messages"]]
    assert Person.objects.filter(email="twice@example.org").count() == 1
    assert Invitation.objects.count() == 1 and len(smtp_server.messages) == 1


@pytest.mark.django_db(transaction=True)
def test_two_clicks_at_the_same_moment_add_one_person(coordinator, erfurt_network, smtp_server):
    key = "0b9f5f7e-4d1e-4a43-9a52-5d9a4f3c2a11"
    browsers = [Client(), Client()]
    for browser in browsers:
        browser.force_login(coordinator)
    statuses = at_once(lambda b=browser: _add(b, "twice@example.org", key=key).status_code for browser in browsers)
    assert statuses == [200, 200]
    assert Person.objects.filter(email="twice@example.org").count() == 1
    assert Invitation.objects.count() == 1 and len(smtp_server.messages) == 1


def test_after_accepting_the_network_shows_its_own_record_in_groups_meetings_and_forms(
    client, coordinator, other_member, known_in_halle, erfurt_network, other_network, smtp_server
):
    from erasmi.events.models import Registration
    from erasmi.networks.models import Task, WorkingGroup
    from erasmi.networks.tests.factories import make_event

    client.force_login(coordinator)
    _add(client, "other@example.org")
    invitee = Client()
    invitee.force_login(other_member)
    invitee.post(_link(smtp_server.body(0)), {"accept": "1"})
    group = WorkingGroup.objects.create(network=erfurt_network, slug="ag", name="AG", lead=known_in_halle)
    group.members.set([known_in_halle])
    Task.objects.create(working_group=group, title="Raum buchen", assignee=known_in_halle)
    event = make_event(erfurt_network, group=group)
    Registration.objects.create(event=event, person=known_in_halle, status=Registration.Status.CONFIRMED)
    pages = [
        reverse("networks:group", args=["erfurt", "ag"]),
        reverse("networks:group_edit", args=["erfurt", "ag"]),
        reverse("events:detail", args=["erfurt", event.pk]),
        reverse("events:minutes", args=["erfurt", event.pk]),
    ]
    for url in pages:
        text = client.get(url).text
        assert "Typed ByErfurt" in text, url
        assert "Realname" not in text and "Halle Hilft" not in text, url


def test_after_signing_up_from_the_invitation_the_newcomer_is_brought_back_to_it(
    client, coordinator, erfurt_network, smtp_server
):
    client.force_login(coordinator)
    _add(client, "newcomer@example.org")
    link = _link(smtp_server.body(0))
    visitor = Client()
    visitor.get(link)
    signup = {"email": "newcomer@example.org", "password1": PASSWORD, "password2": PASSWORD}
    visitor.post("/en/accounts/signup/", signup)  # the sign-up link of the page, without ?next
    confirmed = visitor.post(_link(smtp_server.body(-1)))
    assert confirmed.status_code == 302 and confirmed["Location"] == link.split("testserver")[-1]


def test_the_networks_page_and_the_start_page_name_people_as_this_network_recorded_them(
    client, coordinator, other_member, known_in_halle, erfurt_network, other_network, smtp_server
):
    from erasmi.networks.models import HistoryEntry, WorkingGroup

    client.force_login(coordinator)
    _add(client, "other@example.org")
    invitee = Client()
    invitee.force_login(other_member)
    invitee.post(_link(smtp_server.body(0)), {"accept": "1"})
    group = WorkingGroup.objects.create(network=erfurt_network, slug="ag", name="AG")
    edit = reverse("networks:group_edit", args=["erfurt", "ag"])
    from erasmi.core.tests.formdata import as_browser_sends

    data = as_browser_sends(client.get(edit).context["form"])
    client.post(edit, {**data, "lead": str(known_in_halle.pk)})
    group.tasks.create(title="Raum", assignee=known_in_halle)
    texts = [
        client.get(reverse("networks:detail", args=["erfurt"])).text,
        invitee.get(reverse("core:home")).text,
        str(HistoryEntry.objects.filter(network=erfurt_network, object_type="workinggroup").last().changes),
    ]
    for text in texts:
        assert "Realname" not in text and "Hülya" not in text
    assert "Typed ByErfurt" in texts[0] and "Typed ByErfurt" in texts[2]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("tr", "ağına üye olarak katılmaya"),
        ("it", "come membro"),
        ("da", "som medlem"),
        ("de", "als Mitglied"),
        ("en", "as a member"),
    ],
)
def test_the_invitation_names_the_role_as_a_sentence_does(
    client, coordinator, erfurt_network, smtp_server, language, expected
):
    """Once "Üye olarak", "come Membro": the role's label with its capital letter, in the middle of a sentence."""
    from django.utils import translation

    client.force_login(coordinator)
    _add(client, "newcomer@example.org")
    link = _link(smtp_server.body(0))
    assert "as a member" in smtp_server.body(0)
    client.logout()
    with translation.override(language):
        page = client.get(re.sub(r"^/\w\w/", f"/{language}/", link)).text
    assert expected in page
