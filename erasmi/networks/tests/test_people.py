from django.urls import reverse
from django.utils import translation

from erasmi.events import services
from erasmi.events.models import Registration
from erasmi.networks.models import Person, Role
from erasmi.networks.tests.factories import make_event


def test_coordinator_erases_a_person_and_the_counts_stay(client, coordinator, member, erfurt_network):
    person = Person.for_user(member)
    event = make_event(erfurt_network, capacity=3)
    services.register(event, person)
    client.force_login(coordinator)
    response = client.post(reverse("networks:person_erase", args=["erfurt", person.pk]))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.is_erased and person.email == "" and person.user is None
    assert Registration.objects.filter(event=event).count() == 1  # the count stays, the name is gone
    assert Role.objects.filter(network=erfurt_network).count() == 2
    assert erfurt_network.working_groups.get().lead is None
    assert str(member.email) not in client.get(reverse("networks:people", args=["erfurt"])).text


def test_members_and_outsiders_cannot_erase(client, member, other_member, coordinator, erfurt_network, other_network):
    target = Person.for_user(coordinator)
    client.force_login(member)
    assert client.post(reverse("networks:person_erase", args=["erfurt", target.pk])).status_code == 404
    client.force_login(other_member)
    assert client.post(reverse("networks:person_erase", args=["erfurt", target.pk])).status_code == 404
    target.refresh_from_db()
    assert not target.is_erased


def test_erasing_someone_also_in_another_network_erases_them_from_this_network_only(
    client, coordinator, other_member, erfurt_network, other_network
):
    shared = Person.for_user(other_member)
    Role.objects.create(network=erfurt_network, person=shared)
    event = make_event(erfurt_network, capacity=3)
    services.register(event, shared)
    client.force_login(coordinator)
    assert client.post(reverse("networks:person_erase", args=["erfurt", shared.pk])).status_code == 302
    shared.refresh_from_db()
    assert not shared.is_erased and shared.user == other_member
    assert list(shared.roles.values_list("network__slug", flat=True)) == ["halle"]
    anonymous = Role.objects.get(network=erfurt_network, person__first_name=Person.ERASED).person
    assert anonymous.is_erased and Registration.objects.get(event=event).person == anonymous
    client.force_login(other_member)
    assert client.get(reverse("networks:people", args=["erfurt"])).status_code == 404
    assert client.get(reverse("networks:people", args=["halle"])).status_code == 200


def test_deleting_an_account_erases_the_person_too(client, member, erfurt_network):
    member.set_password("a-long-Passphrase-42")
    member.save()
    person = Person.for_user(member)
    client.force_login(member)
    data = client.get("/en/accounts/me/data.json").json()
    assert data["person"]["roles"] == [{"network": "Network erfurt", "role": "member"}]
    client.post("/en/accounts/me/delete/", {"password": "a-long-Passphrase-42"})
    person.refresh_from_db()
    assert person.is_erased


def test_coordinator_adds_people_with_and_without_an_address(client, coordinator, erfurt_network):
    from erasmi.networks.models import HistoryEntry, Organisation

    caritas = Organisation.objects.get(name="Caritas")
    client.force_login(coordinator)
    url = reverse("networks:people", args=["erfurt"])
    client.post(url, {"first_name": "Lena", "last_name": "Ohne Konto", "organisation": caritas.pk, "role": "member"})
    lena = Person.objects.get(last_name="Ohne Konto")
    assert lena.user is None and lena.organisation == caritas
    client.post(url, {"first_name": "X", "last_name": "Y", "email": "new@example.org", "role": "coordinator"})
    assert Role.objects.get(network=erfurt_network, person__email="new@example.org").kind == "coordinator"
    response = client.post(url, {"first_name": "X", "last_name": "Y", "email": "NEW@example.org", "role": "member"})
    assert "already in the network" in response.text
    assert HistoryEntry.objects.filter(network=erfurt_network, action="created").count() == 2


def test_members_cannot_add_people(client, member, erfurt_network):
    client.force_login(member)
    response = client.post(reverse("networks:people", args=["erfurt"]), {"first_name": "A", "last_name": "B"})
    assert response.status_code == 404
    assert not Person.objects.filter(last_name="B").exists()


def test_the_people_page_needs_the_same_queries_for_many_people(
    client, coordinator, erfurt_network, django_assert_max_num_queries
):
    from erasmi.networks.models import Invitation, Organisation

    caritas = Organisation.objects.get(name="Caritas")
    for i in range(30):
        record = Person.objects.create(first_name=f"P{i}", last_name="Many", email=f"p{i}@example.org")
        Role.objects.create(network=erfurt_network, person=record, record=record if i % 2 else None)
        Person.objects.filter(pk=record.pk).update(organisation=caritas if i % 3 else None)
        Invitation.objects.create(network=erfurt_network, person=record, email=record.email, language="en")
    client.force_login(coordinator)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("networks:people", args=["erfurt"]))
    assert response.text.count("Many") >= 30


def test_erasing_asks_first_and_a_look_at_the_question_erases_nothing(client, coordinator, member, erfurt_network):
    person = Person.for_user(member)
    client.force_login(coordinator)
    question = client.get(reverse("networks:person_erase", args=["erfurt", person.pk]))
    assert question.status_code == 200 and "cannot be undone" in question.text
    person.refresh_from_db()
    assert not person.is_erased
    people = client.get(reverse("networks:people", args=["erfurt"])).text
    assert f'action="{reverse("networks:person_erase", args=["erfurt", person.pk])}"' not in people


def test_an_erased_person_is_no_row_and_a_former_member_no_choice_on_the_people_page(
    client, coordinator, member, erfurt_network
):
    person = Person.for_user(member)
    client.force_login(coordinator)
    client.post(reverse("networks:person_erase", args=["erfurt", person.pk]))
    page = client.get(reverse("networks:people", args=["erfurt"]))
    assert all(not row["entry"].is_erased for row in page.context["rows"] + page.context["without_access"])
    organisations = [str(o) for o in page.context["form"].fields["organisation"].queryset]
    assert "Caritas" in organisations and "Former Ltd" not in organisations


def test_a_coordinator_cannot_erase_their_own_record_and_the_page_says_why_in_german(
    client, coordinator, member, erfurt_network
):
    Role.objects.filter(network=erfurt_network, person=Person.for_user(member)).update(kind=Role.Kind.COORDINATOR)
    me = Person.for_user(coordinator)
    client.force_login(coordinator)
    with translation.override("de"):
        url = reverse("networks:person_erase", args=["erfurt", me.pk])
    page = client.get(url).text
    assert "Sie können Ihre eigenen Daten im Netzwerk nicht löschen" in page
    assert "Endgültig löschen" not in page  # no button that would only fail
    response = client.post(url, follow=True)
    assert "Sie können Ihre eigenen Daten im Netzwerk nicht löschen" in response.text
    me.refresh_from_db()
    assert not me.is_erased and me.user == coordinator
    assert Role.objects.filter(network=erfurt_network, person=me, kind=Role.Kind.COORDINATOR).exists()
    # the other coordinator erases fine
    client.force_login(member)
    assert "Endgültig löschen" in client.get(url).text
    client.post(url)
    me.refresh_from_db()
    assert me.is_erased


def test_the_erase_page_of_the_last_coordinator_says_why_before_asking_in_italian(client, coordinator, erfurt_network):
    me = Person.for_user(coordinator)
    client.force_login(coordinator)
    with translation.override("it"):
        url = reverse("networks:person_erase", args=["erfurt", me.pk])
    page = client.get(url).text
    assert "L&#x27;ultimo coordinatore della rete non può essere cancellato" in page
    assert 'class="danger"' not in page
