"""The kept parts of workspace pages (member list, a group's people, a calendar month, the task form's
choices) attacked: whoever loads a page after someone with more rights sees only what their own rights
show, every change made through Erasmi's pages shows at once, and the task form takes nobody it does
not offer."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from model_bakery import baker

from erasmi.core.tests.formdata import as_browser_sends
from erasmi.events.models import Event
from erasmi.networks.models import Membership, Organisation, Person, Role, Task, WorkingGroup
from erasmi.networks.tests.factories import make_event

MEMBERS = "/en/networks/erfurt/members/"


def members_url(language="en"):
    with translation.override(language):
        return reverse("networks:members", args=["erfurt"])


def group_url(slug="sprache"):
    return reverse("networks:group", args=["erfurt", slug])


def people_part(page: str) -> str:
    return page[page.index("<h2>People</h2>") : page.index("<h2>Next meetings</h2>")]


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# -- 1. rights ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["", "?former=1", "?type=welfare", "?page=2", "?former=1&type=company"])
def test_a_member_never_gets_the_coordinators_links_from_a_kept_list(
    client, coordinator, member, erfurt_network, query
):
    chief = signed_in(coordinator).get(MEMBERS + query).text
    assert "Add an organisation" in chief and "Import members" in chief
    page = signed_in(member).get(MEMBERS + query).text
    assert "Add an organisation" not in page and "Import members" not in page
    assert "/members/" + str(erfurt_network.memberships.first().pk) + "/" not in page


def test_former_members_and_a_filter_kept_for_one_reader_stay_with_that_filter(coordinator, member, erfurt_network):
    assert "Former Ltd" in signed_in(coordinator).get(MEMBERS + "?former=1").text
    assert "Caritas" not in signed_in(coordinator).get(MEMBERS + "?type=authority").text
    reader = signed_in(member)
    assert "Former Ltd" not in reader.get(MEMBERS).text
    page = reader.get(MEMBERS + "?type=authority&former=1").text
    assert "Stadt Erfurt" in page and "Caritas" not in page


def test_outsiders_and_visitors_get_nothing_of_a_kept_list_or_group(client, coordinator, other_member, erfurt_network):
    chief = signed_in(coordinator)
    chief.get(MEMBERS)
    chief.get(group_url())
    outsider = signed_in(other_member)
    assert outsider.get(MEMBERS).status_code == 404
    assert outsider.get(group_url()).status_code == 404
    assert client.get(MEMBERS).status_code == 302
    assert client.get(group_url()).status_code == 302


def test_a_member_whose_organisation_left_sees_no_kept_part(coordinator, member, erfurt_network):
    caritas = Membership.objects.get(organisation__name="Caritas")
    person = Person.for_user(member)
    person.organisation = caritas.organisation
    person.save()
    reader = signed_in(member)
    start = timezone.now() + datetime.timedelta(days=3)
    make_event(erfurt_network, title="Internal planning", start=start)
    month = {"month": timezone.localtime(start).strftime("%Y-%m")}
    calendar = reverse("events:network_calendar", args=["erfurt"])
    assert "Internal planning" in reader.get(calendar, month).text
    assert reader.get(MEMBERS).status_code == 200

    caritas.left = timezone.localdate() - datetime.timedelta(days=1)
    caritas.save()
    assert signed_in(coordinator).get(MEMBERS).status_code == 200
    assert "Internal planning" in signed_in(coordinator).get(calendar, month).text
    assert reader.get(MEMBERS).status_code == 404
    assert reader.get(group_url()).status_code == 404
    assert "Internal planning" not in reader.get(calendar, month).text


def test_a_list_kept_in_english_is_not_shown_to_a_german_reader(coordinator, member, erfurt_network):
    assert "Welfare association" in signed_in(coordinator).get(members_url("en")).text
    page = signed_in(member).get(members_url("de")).text
    assert "Welfare association" not in page and "Wohlfahrtsverband" in page


@pytest.mark.parametrize(
    "query",
    [
        "?page=abc",
        "?page=99999",
        "?page=0",
        "?page=-1",
        "?page=1&page=2&page=abc",
        "?type=welfare&type=authority",
        "?former=1&former=0",
        "?type=" + "x" * 5000,
        "?type=%C3%BC%F0%9F%98%80&q=%00",
        "?type=<script>alert(1)</script>",
        "?former=%E2%80%AE1",
    ],
)
def test_odd_parameters_give_a_page_and_never_another_readers_part(coordinator, member, erfurt_network, query):
    chief = signed_in(coordinator).get(MEMBERS + query)
    assert chief.status_code in (200, 400)
    page = signed_in(member).get(MEMBERS + query)
    assert page.status_code in (200, 400)
    assert "Add an organisation" not in page.text
    assert "<script>alert(1)</script>" not in page.text


def test_a_month_kept_for_a_coordinator_shows_a_member_of_another_network_nothing(
    coordinator, other_member, other_network, erfurt_network
):
    start = timezone.now() + datetime.timedelta(days=3)
    make_event(erfurt_network, title="Internal planning", start=start)
    make_event(erfurt_network, title="Open day", start=start, visibility=Event.Visibility.PUBLIC)
    month = {"month": timezone.localtime(start).strftime("%Y-%m")}
    for kind in ("", "network_meeting", "other"):
        query = {**month, "kind": kind}
        signed_in(coordinator).get(reverse("events:network_calendar", args=["erfurt"]), query)
        page = signed_in(other_member).get(reverse("events:network_calendar", args=["erfurt"]), query).text
        assert "Internal planning" not in page
    # the same month of the member's own network: none of Erfurt's meetings
    page = signed_in(other_member).get(reverse("events:network_calendar", args=["halle"]), month).text
    assert "Internal planning" not in page and "Open day" not in page


# -- 2. every change shows at once -----------------------------------------------------------------------


def test_an_imported_member_list_shows_at_once(coordinator, erfurt_network):
    chief = signed_in(coordinator)
    assert "Türkischer Elternverein" not in chief.get(MEMBERS).text
    csv = "Organisation;Akteurstyp;Beitritt\nTürkischer Elternverein;Migrant*innenselbstorganisation;2011-05-01\n"
    response = chief.post(
        reverse("networks:members_import", args=["erfurt"]), {"file": SimpleUploadedFile("m.csv", csv.encode())}
    )
    chief.post(
        reverse("networks:members_import", args=["erfurt"]),
        {"confirm": "1", "preview": str(response.context["preview"].pk)},
    )
    assert "Türkischer Elternverein" in chief.get(MEMBERS).text


def test_an_organisations_new_actor_type_counts_at_once(coordinator, erfurt_network):
    chief = signed_in(coordinator)
    assert "Not represented:" in chief.get(MEMBERS).text and "Company" in chief.get(MEMBERS).text
    caritas = erfurt_network.memberships.get(organisation__name="Caritas")
    url = reverse("networks:organisation", args=["erfurt", caritas.pk])
    data = {**as_browser_sends(chief.get(url).context["form"]), "actor_type": "company"}
    assert chief.post(url, data).status_code == 302
    page = chief.get(MEMBERS).text
    section = page[page.index("Not represented:") :]
    assert "Welfare association" in section[: section.index("</p>")]


def test_a_membership_ending_tomorrow_leaves_the_list_the_next_day(monkeypatch, coordinator, member, erfurt_network):
    import django.template.defaulttags as defaulttags

    caritas = erfurt_network.memberships.get(organisation__name="Caritas")
    chief = signed_in(coordinator)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    chief.post(reverse("networks:membership_end", args=["erfurt", caritas.pk]), {"left": tomorrow.isoformat()})
    assert "Caritas" in chief.get(MEMBERS).text  # a member until tomorrow, and now kept

    later = timezone.now() + datetime.timedelta(days=1)
    real = defaulttags.datetime

    class Tomorrow(real):
        @classmethod
        def now(cls, tz=None):
            return later.astimezone(tz) if tz else later.replace(tzinfo=None)

    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(defaulttags, "datetime", Tomorrow)
    assert "Caritas" not in chief.get(MEMBERS).text
    assert "Caritas" in chief.get(MEMBERS + "?former=1").text


def test_a_deleted_agreement_file_leaves_the_list_at_once(coordinator, erfurt_network):
    caritas = erfurt_network.memberships.get(organisation__name="Caritas")
    chief = signed_in(coordinator)
    chief.post(
        reverse("networks:membership", args=["erfurt", caritas.pk]),
        {
            "joined": "2010-01-01",
            "agreement_signed": "2011-02-03",
            "agreement_file": SimpleUploadedFile("vereinbarung.pdf", b"%PDF-1.4 signed"),
        },
    )
    caritas.refresh_from_db()
    link = reverse("networks:document", args=["erfurt", caritas.agreement_document_id])
    assert link in chief.get(MEMBERS).text
    chief.post(reverse("networks:document_delete", args=["erfurt", caritas.agreement_document_id]))
    caritas.refresh_from_db()
    assert caritas.agreement_document_id is None
    assert chief.get(link).status_code == 404
    assert link not in chief.get(MEMBERS).text  # no link to a file that is gone


def test_a_person_edited_by_a_coordinator_shows_in_the_group_at_once(coordinator, member, erfurt_network):
    chief = signed_in(coordinator)
    lead = Person.for_user(member)
    assert str(lead) in people_part(chief.get(group_url()).text)
    url = reverse("networks:person_edit", args=["erfurt", lead.pk])
    data = {**as_browser_sends(chief.get(url).context["form"]), "first_name": "Zeynep", "last_name": "Kaya"}
    assert chief.post(url, data).status_code == 302
    assert "Zeynep Kaya" in people_part(chief.get(group_url()).text)


def test_a_removed_role_leaves_the_group_and_its_task_choices_at_once(
    coordinator, member, other_member, erfurt_network
):
    helper = Person.for_user(other_member)
    helper.first_name, helper.last_name = "Hanna", "Helfer"
    helper.save()
    erfurt_network.roles.create(person=helper)
    group = WorkingGroup.objects.get(slug="sprache")
    group.members.add(helper)
    chief = signed_in(coordinator)
    page = chief.get(group_url()).text
    assert "Hanna Helfer" in people_part(page) and f'value="{helper.pk}"' in page
    chief.post(reverse("networks:role_remove", args=["erfurt", helper.pk]))
    assert not erfurt_network.roles.filter(person=helper).exists()
    page = chief.get(group_url()).text
    assert "Hanna Helfer" not in people_part(page) and f'value="{helper.pk}"' not in page
    # a form still showing the choices cannot give the task to the removed person
    response = chief.post(group_url(), {"title": "Raum buchen", "assignee": helper.pk})
    assert response.status_code == 400 and not Task.objects.exists()


def test_a_new_lead_and_new_members_show_at_once(coordinator, member, other_member, erfurt_network):
    newcomer = Person.for_user(other_member)
    newcomer.first_name, newcomer.last_name = "Ali", "Neu"
    newcomer.save()
    erfurt_network.roles.create(person=newcomer)
    chief = signed_in(coordinator)
    assert "Ali Neu" not in chief.get(group_url()).text
    url = reverse("networks:group_edit", args=["erfurt", "sprache"])
    data = {**as_browser_sends(chief.get(url).context["form"]), "lead": str(newcomer.pk)}
    assert chief.post(url, data).status_code == 302
    page = chief.get(group_url()).text
    assert "Lead: Ali Neu" in people_part(page) and f'<option value="{newcomer.pk}"' in page
    data = {**as_browser_sends(chief.get(url).context["form"]), "lead": ""}
    chief.post(url, data)
    page = chief.get(group_url()).text
    assert "Ali Neu" not in page


def test_a_closed_and_reopened_group_keeps_its_people(coordinator, member, erfurt_network):
    chief = signed_in(coordinator)
    lead = str(Person.for_user(member))
    assert lead in people_part(chief.get(group_url()).text)
    chief.post(reverse("networks:group_close", args=["erfurt", "sprache"]))
    assert WorkingGroup.objects.get(slug="sprache").is_closed
    page = chief.get(group_url()).text
    assert lead in people_part(page) and "Add task" not in page
    chief.post(reverse("networks:group_reopen", args=["erfurt", "sprache"]))
    page = chief.get(group_url()).text
    assert lead in people_part(page) and "Add task" in page


def test_an_accepted_invitation_and_join_request_show_at_once(coordinator, member, other_member, erfurt_network):
    from erasmi.networks import joining
    from erasmi.networks.models import Invitation

    chief = signed_in(coordinator)
    group = WorkingGroup.objects.get(slug="sprache")
    # the network's record of someone, in the group, invited
    record = Person.objects.create(first_name="Rita", last_name="Record", email="other@example.org")
    erfurt_network.roles.create(person=record)
    group.members.add(record)
    invitation = Invitation.objects.create(
        network=erfurt_network, person=record, email=record.email, kind=Role.Kind.MEMBER, invited_by=coordinator
    )
    assert "Rita Record" in people_part(chief.get(group_url()).text)
    own = Person.for_user(other_member)  # the account has a person already (from another network)
    own.first_name, own.last_name = "Other", "Account"
    own.save()
    signed_in(other_member).post(reverse("networks:invitation", args=[invitation.token]))
    assert erfurt_network.roles.get(person=own).record == record
    page = chief.get(group_url()).text
    assert "Rita Record" in people_part(page) and "Other Account" not in page  # the network's own record
    assert f'<option value="{own.pk}">Rita Record</option>' in page

    joiner = baker.make("accounts.User", email="joiner@example.org")
    request = joining.ask(erfurt_network, joiner, first_name="Jo", last_name="Iner", organisation="", message="")
    chief.post(reverse("networks:join_answer", args=["erfurt", request.pk]), {"accept": "1"})
    assert erfurt_network.roles.filter(person__user=joiner).exists()


def test_a_deleted_organisation_leaves_the_group_people_at_once(coordinator, member, erfurt_network, other_network):
    """An organisation deleted (by an administrator): its name leaves every group where its people are."""
    verein = Organisation.objects.create(name="Verein Brücke", actor_type="ngo")
    Membership.objects.create(network=other_network, organisation=verein, joined=datetime.date(2015, 1, 1))
    lead = Person.for_user(member)
    lead.organisation = verein
    lead.save()
    chief = signed_in(coordinator)
    assert "Verein Brücke" in people_part(chief.get(group_url()).text)
    verein.delete()
    assert "Verein Brücke" not in people_part(chief.get(group_url()).text)


def test_a_meeting_edited_moved_to_another_month_and_cancelled_shows_at_once(coordinator, member, erfurt_network):
    chief = signed_in(coordinator)
    reader = signed_in(member)
    calendar = reverse("events:network_calendar", args=["erfurt"])
    group_calendar = reverse("events:group_calendar", args=["erfurt", "sprache"])
    first = timezone.localtime(timezone.now() + datetime.timedelta(days=40)).replace(day=10, hour=10, minute=0)
    second = (first + datetime.timedelta(days=31)).replace(day=12)
    months = [{"month": first.strftime("%Y-%m")}, {"month": second.strftime("%Y-%m")}]
    for month in months:
        chief.get(calendar, month)
        reader.get(calendar, month)
        reader.get(group_calendar, month)
    data = {
        "title": "Sprachtreff",
        "kind": "group_meeting",
        "working_group": str(WorkingGroup.objects.get(slug="sprache").pk),
        "starts": first.strftime("%Y-%m-%dT%H:%M"),
        "ends": (first + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "place": "Rathaus",
        "visibility": "members",
    }
    assert chief.post(reverse("events:create", args=["erfurt"]), data).status_code == 302
    event = Event.objects.get()
    assert "Sprachtreff" in reader.get(calendar, months[0]).text
    assert "Sprachtreff" in reader.get(group_calendar, months[0]).text

    edit = reverse("events:edit", args=["erfurt", event.pk])
    data = {**as_browser_sends(chief.get(edit).context["form"]), "title": "Sprachtreff neu"}
    assert chief.post(edit, data).status_code == 302
    assert "Sprachtreff neu" in reader.get(calendar, months[0]).text

    data = {
        **data,
        "starts": second.strftime("%Y-%m-%dT%H:%M"),
        "ends": (second + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
    }
    assert chief.post(edit, data).status_code == 302
    assert "Sprachtreff" not in reader.get(calendar, months[0]).text
    assert "Sprachtreff neu" in reader.get(calendar, months[1]).text
    assert "Sprachtreff neu" in reader.get(group_calendar, months[1]).text

    data = {**data, "visibility": "public"}
    chief.post(edit, data)
    assert "Sprachtreff neu" in Client().get(calendar, months[1]).text

    chief.post(reverse("events:cancel_event", args=["erfurt", event.pk]), {"confirm": "1"})
    assert "<s>Sprachtreff neu</s>" in reader.get(calendar, months[1]).text
    assert "<s>Sprachtreff neu</s>" in Client().get(calendar, months[1]).text
    event.delete()  # (an administrator)
    assert "Sprachtreff" not in reader.get(calendar, months[1]).text
    assert "Sprachtreff" not in Client().get(calendar, months[1]).text


# -- 3. the task form's kept choices --------------------------------------------------------------------


def test_a_task_goes_only_to_someone_the_form_offers(coordinator, member, other_member, erfurt_network):
    group = WorkingGroup.objects.get(slug="sprache")
    stranger = Person.for_user(other_member)  # in the network, not in the group
    erfurt_network.roles.create(person=stranger)
    chief = signed_in(coordinator)
    page = chief.get(group_url()).text  # the choices are kept now
    assert f'value="{stranger.pk}"' not in page
    for assignee in (stranger.pk, "abc", "-1", "99999999", f"{group.lead_id} OR 1=1", ""):
        response = chief.post(group_url(), {"title": f"Task {assignee}", "assignee": assignee})
        assert response.status_code in (302, 400)
    assert set(Task.objects.values_list("assignee_id", flat=True)) <= {None}


def test_a_task_does_not_go_to_someone_erased_or_taken_out_of_the_group_after_the_choices_were_kept(
    coordinator, member, other_member, erfurt_network
):
    group = WorkingGroup.objects.get(slug="sprache")
    helper = Person.for_user(other_member)
    helper.first_name, helper.last_name = "Hanna", "Helfer"
    helper.save()
    erfurt_network.roles.create(person=helper)
    group.members.add(helper)
    chief = signed_in(coordinator)
    assert f'value="{helper.pk}"' in chief.get(group_url()).text  # kept with Hanna

    group.members.remove(helper)  # another tab, another coordinator
    response = chief.post(group_url(), {"title": "Raum buchen", "assignee": helper.pk})
    assert response.status_code == 400 and not Task.objects.exists()

    lead = group.lead
    assert f'value="{lead.pk}"' in chief.get(group_url()).text
    chief.post(reverse("networks:person_erase", args=["erfurt", lead.pk]))
    assert Person.objects.get(pk=lead.pk).is_erased
    response = chief.post(group_url(), {"title": "Raum buchen", "assignee": lead.pk})
    assert response.status_code == 400 and not Task.objects.exists()


def test_the_same_task_twice_is_added_once_with_kept_choices(coordinator, member, erfurt_network):
    chief = signed_in(coordinator)
    form = chief.get(group_url()).context["task_form"]
    data = {**as_browser_sends(form), "title": "Raum buchen", "assignee": str(Person.for_user(member).pk)}
    assert chief.post(group_url(), data).status_code == 302
    assert chief.post(group_url(), data).status_code == 302
    assert Task.objects.count() == 1


# -- 4. the quick select ----------------------------------------------------------------------------------


def test_names_with_markup_are_text_in_the_task_choices_and_the_group(
    coordinator, member, other_member, erfurt_network
):
    group = WorkingGroup.objects.get(slug="sprache")
    evil = Person.for_user(other_member)
    evil.first_name, evil.last_name = '"><script>alert(1)</script>', "</option></select><img src=x onerror=alert(2)>"
    evil.organisation = Organisation.objects.create(name="<b>Org</b> & \"'", actor_type="ngo")
    evil.save()
    erfurt_network.roles.create(person=evil)
    group.members.add(evil)
    page = signed_in(coordinator).get(group_url()).text
    assert "<script>alert(1)" not in page and "<img src=x" not in page and "<b>Org</b>" not in page
    assert "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    page = signed_in(member).get(group_url()).text  # the lead: from the kept part
    assert "<script>alert(1)" not in page and "<img src=x" not in page and "<b>Org</b>" not in page


def test_a_chosen_assignee_who_is_not_among_the_choices_is_not_shown_chosen(coordinator, member, erfurt_network):
    chief = signed_in(coordinator)
    response = chief.post(group_url(), {"title": "", "assignee": "99999"})
    assert response.status_code == 400
    assert " selected" not in response.text.split('name="assignee"')[1].split("</select>")[0].replace(
        '<option value="" selected>', ""
    )
    lead = Person.for_user(member)
    response = chief.post(group_url(), {"title": "", "assignee": str(lead.pk)})
    assert f'<option value="{lead.pk}" selected>' in response.text


# -- 2b. deletions by an administrator and changes from the person's side ----------------------------------


def test_a_deleted_record_shows_the_persons_own_name_at_once(coordinator, member, other_member, erfurt_network):
    own = Person.for_user(other_member)
    own.first_name, own.last_name = "Other", "Account"
    own.save()
    record = Person.objects.create(first_name="Rita", last_name="Record")
    erfurt_network.roles.create(person=own, record=record)
    WorkingGroup.objects.get(slug="sprache").members.add(own)
    chief = signed_in(coordinator)
    page = chief.get(group_url()).text
    assert "Rita Record" in people_part(page) and f'<option value="{own.pk}">Rita Record</option>' in page
    record.delete()  # (an administrator)
    page = chief.get(group_url()).text
    assert "Rita Record" not in page and "Other Account" in people_part(page)


def test_groups_cleared_from_the_persons_side_show_at_once(coordinator, member, other_member, erfurt_network):
    helper = Person.for_user(other_member)
    helper.first_name, helper.last_name = "Hanna", "Helfer"
    helper.save()
    erfurt_network.roles.create(person=helper)
    WorkingGroup.objects.get(slug="sprache").members.add(helper)
    chief = signed_in(coordinator)
    assert "Hanna Helfer" in people_part(chief.get(group_url()).text)
    helper.working_groups.clear()
    page = chief.get(group_url()).text
    assert "Hanna Helfer" not in page


# -- a deploy ---------------------------------------------------------------------------------------------


def test_parts_and_pages_kept_by_the_release_before_a_deploy_are_not_shown_after_it(
    client, monkeypatch, coordinator, erfurt_network
):
    from erasmi.core import fragments

    start = timezone.now() + datetime.timedelta(days=3)
    make_event(erfurt_network, title="Open day", start=start, visibility=Event.Visibility.PUBLIC)
    month = {"month": timezone.localtime(start).strftime("%Y-%m")}
    calendar = reverse("events:network_calendar", args=["erfurt"])
    assert "Open day" in client.get(calendar, month).text  # a whole public page, kept
    chief = signed_in(coordinator)
    assert "Caritas" in chief.get(MEMBERS).text and "Open day" in chief.get(calendar, month).text
    # What the new release shows differently (here: written by hand, so nothing was bumped)
    Organisation.objects.filter(name="Caritas").update(name="Caritas (new release)")
    Event.objects.filter(title="Open day").update(title="Open day (new release)")
    assert "Caritas (new release)" not in chief.get(MEMBERS).text  # (kept, as it should be within a release)

    monkeypatch.setattr(fragments, "release", lambda: "next-release")
    assert "Caritas (new release)" in chief.get(MEMBERS).text
    assert "Open day (new release)" in chief.get(calendar, month).text
    assert "Open day (new release)" in client.get(calendar, month).text


def test_the_release_is_the_same_in_every_process_that_runs_the_same_code():
    import subprocess
    import sys

    from erasmi.core import fragments

    code = "import django,os;django.setup();from erasmi.core import fragments;print(fragments.release())"
    env = {**__import__("os").environ, "DJANGO_SETTINGS_MODULE": "erasmi.settings"}
    other = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert other.stdout.strip() == fragments.release()


def test_a_plain_member_gets_no_task_form_from_the_kept_choices_and_cannot_post_one(
    coordinator, member, other_member, erfurt_network
):
    reader = Person.for_user(other_member)
    erfurt_network.roles.create(person=reader)
    assert 'name="assignee"' in signed_in(coordinator).get(group_url()).text  # choices kept now
    client = signed_in(other_member)
    page = client.get(group_url()).text
    assert 'name="assignee"' not in page and "Add task" not in page
    response = client.post(group_url(), {"title": "Mine", "assignee": reader.pk})
    assert response.status_code == 403 and not Task.objects.exists()
