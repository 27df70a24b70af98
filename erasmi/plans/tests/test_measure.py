import datetime

import pytest
from django.test import Client
from django.urls import reverse

from erasmi.networks.models import HistoryEntry, Organisation, Person
from erasmi.plans.models import IndicatorValue, Measure
from erasmi.plans.tests.factories import make_plan

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def plan(erfurt_network):
    return make_plan(erfurt_network)


@pytest.fixture
def courses(plan):
    return Measure.objects.get(title="Kursplätze abstimmen")


@pytest.fixture
def caritas_member(member):
    """The member works for Caritas, the lead organisation of "Kursplätze abstimmen"."""
    Person.objects.filter(user=member).update(organisation=Organisation.objects.get(name="Caritas"))
    return member


def _edit_data(measure, **changes) -> dict:
    client_form = {
        "goal": measure.goal_id,
        "title": measure.title,
        "description": measure.description,
        "lead": measure.lead_id or "",
        "partners": [o.pk for o in measure.partners.all()],
        "working_group": measure.working_group_id or "",
        "deadline": measure.deadline.isoformat() if measure.deadline else "",
        "status": measure.status,
        "progress": measure.progress,
    }
    return {**client_form, **changes}


def test_someone_of_the_lead_organisation_records_progress_and_the_network_history_notes_it(
    erfurt_network, caritas_member, courses
):
    url = reverse("plans:measure_edit", args=[erfurt_network.slug, courses.pk])
    client = _client(caritas_member)
    form = client.get(url)
    assert form.status_code == 200
    token = form.context["form"]["version_token"].value()
    response = client.post(url, {**_edit_data(courses, progress=70), "version_token": token})
    assert response.status_code == 302
    courses.refresh_from_db()
    assert courses.progress == 70
    entry = HistoryEntry.objects.get(object_type="measure", action="changed")
    assert entry.changes == {"progress": 70} and entry.network == erfurt_network
    page = client.get(courses.get_absolute_url()).content.decode()
    assert "changed measure “Kursplätze abstimmen”" in page and "Progress (%): 70" in page


def test_the_lead_organisations_people_cannot_hand_the_measure_to_another_organisation(
    erfurt_network, caritas_member, courses
):
    url = reverse("plans:measure_edit", args=[erfurt_network.slug, courses.pk])
    city = Organisation.objects.get(name="Stadt Erfurt")
    _client(caritas_member).post(url, _edit_data(courses, lead=city.pk))
    courses.refresh_from_db()
    assert courses.lead.name == "Caritas"


def test_a_member_of_another_organisation_cannot_edit_the_measure(erfurt_network, member, courses):
    Person.objects.filter(user=member).update(organisation=Organisation.objects.get(name="VHS"))
    client = _client(member)
    assert client.get(courses.get_absolute_url()).status_code == 200  # they see it
    assert client.get(reverse("plans:measure_edit", args=[erfurt_network.slug, courses.pk])).status_code == 403
    indicator = courses.indicators.get()
    record = reverse("plans:value_record", args=[erfurt_network.slug, indicator.pk])
    assert client.post(record, {"value": "1", "date": "2025-05-01"}).status_code == 403
    assert indicator.values.count() == 2


def test_a_coordinator_edits_every_measure(erfurt_network, coordinator, courses):
    url = reverse("plans:measure_edit", args=[erfurt_network.slug, courses.pk])
    response = _client(coordinator).post(url, _edit_data(courses, status="done"))
    assert response.status_code == 302
    courses.refresh_from_db()
    assert courses.status == "done" and courses.progress == 100


def test_a_measure_saved_unchanged_changes_nothing(erfurt_network, coordinator, courses):
    url = reverse("plans:measure_edit", args=[erfurt_network.slug, courses.pk])
    client = _client(coordinator)
    token = client.get(url, HTTP_ACCEPT_LANGUAGE="de").context["form"]["version_token"].value()
    client.post(f"/tr{url[3:]}", {**_edit_data(courses), "version_token": token})
    assert not HistoryEntry.objects.filter(object_type="measure").exists()


def test_the_indicator_keeps_every_value_with_who_recorded_it_and_when(erfurt_network, caritas_member, courses):
    indicator = courses.indicators.get()
    url = reverse("plans:value_record", args=[erfurt_network.slug, indicator.pk])
    client = _client(caritas_member)
    form = client.get(url).context["form"]
    response = client.post(url, {"value": "142.5", "date": "2025-10-31", "once": form["once"].value()})
    assert response.status_code == 302
    again = client.post(url, {"value": "142.5", "date": "2025-10-31", "once": form["once"].value()})
    assert again.status_code == 302  # a double click records once
    latest = indicator.values.first()
    assert [str(v.value) for v in indicator.values.all()] == ["142.50", "135.00", "120.00"]
    assert latest.recorded_by == caritas_member and latest.date == datetime.date(2025, 10, 31)
    assert latest.recorded is not None
    entry = HistoryEntry.objects.get(object_type="indicatorvalue")
    assert entry.actor == caritas_member and entry.changes == {"value": "142.5", "date": "2025-10-31"}
    page = client.get(courses.get_absolute_url()).content.decode()
    assert "142.5" in page and "recorded by member@example.org" in page
    assert IndicatorValue.objects.count() == 3


def test_a_coordinator_drafts_goals_and_measures_through_the_pages(erfurt_network, coordinator):
    client = _client(coordinator)
    plans = reverse("plans:plans", args=[erfurt_network.slug])
    form = client.get(plans).context["form"]
    response = client.post(
        plans, {"title": "Plan 2026", "starts": "2026-01-01", "ends": "2026-12-31", "once": form["once"].value()}
    )
    plan = erfurt_network.plans.get()
    assert response.url == plan.get_absolute_url()
    client.post(reverse("plans:goal_create", args=[erfurt_network.slug, plan.pk]), {"title": "Mehr Sprachkurse"})
    goal = plan.goals.get()
    caritas = Organisation.objects.get(name="Caritas")
    response = client.post(
        reverse("plans:measure_create", args=[erfurt_network.slug, plan.pk]),
        {"goal": goal.pk, "title": "Kurse zählen", "lead": caritas.pk, "status": "planned", "progress": 0},
    )
    measure = Measure.objects.get()
    assert response.url == measure.get_absolute_url()
    assert measure.lead == caritas
    assert set(HistoryEntry.objects.values_list("object_type", flat=True)) == {"plan", "goal", "measure"}


def test_members_do_not_create_plans_or_measures(erfurt_network, member, plan):
    client = _client(member)
    assert client.post(reverse("plans:plans", args=[erfurt_network.slug]), {"title": "x"}).status_code == 403
    assert client.get(reverse("plans:measure_create", args=[erfurt_network.slug, plan.pk])).status_code == 403
    assert client.get(reverse("plans:copy", args=[erfurt_network.slug, plan.pk])).status_code == 403


def test_the_networks_history_words_plan_entries_in_the_readers_language(erfurt_network, coordinator, courses):
    from erasmi.plans import services

    services.record_value(
        indicator=courses.indicators.get(), value=140, date=datetime.date(2025, 11, 1), user=coordinator
    )
    client = _client(coordinator)
    page = client.get(f"/de{reverse('networks:history', args=[erfurt_network.slug])[3:]}").content.decode()
    assert "hat einen Wert des Indikators „Kursplätze“ erfasst" in page
    assert "Gemessen am: 1. November 2025" in page


def test_a_coordinator_renames_the_plan_and_a_member_may_not(erfurt_network, coordinator, member, plan):
    url = reverse("plans:plan_edit", args=[erfurt_network.slug, plan.pk])
    assert _client(member).get(url).status_code == 403
    client = _client(coordinator)
    token = client.get(url).context["form"]["version_token"].value()
    data = {"title": "Aktionsplan 2025 (neu)", "starts": "2025-01-01", "ends": "2025-12-31", "version_token": token}
    assert client.post(url, data).status_code == 302
    plan.refresh_from_db()
    assert plan.title == "Aktionsplan 2025 (neu)"
    assert HistoryEntry.objects.get(object_type="plan").changes == {"title": "Aktionsplan 2025 (neu)"}


def test_only_coordinators_record_values_of_the_whole_plans_indicators(
    erfurt_network, coordinator, caritas_member, plan
):
    from erasmi.plans.models import Indicator

    overall = Indicator.objects.create(plan=plan, name="Mitglieder", target=12)
    url = reverse("plans:value_record", args=[erfurt_network.slug, overall.pk])
    assert _client(caritas_member).post(url, {"value": "9", "date": "2025-06-01"}).status_code == 403
    assert _client(coordinator).post(url, {"value": "9", "date": "2025-06-01"}).status_code == 302
    assert overall.values.get().recorded_by == coordinator


def test_the_lead_organisation_corrects_an_indicators_target_and_others_may_not(
    erfurt_network, caritas_member, other_member, courses
):
    indicator = courses.indicators.get()
    url = reverse("plans:indicator_edit", args=[erfurt_network.slug, indicator.pk])
    assert _client(other_member).get(url).status_code == 404
    client = _client(caritas_member)
    token = client.get(url).context["form"]["version_token"].value()
    data = {"name": "Kursplätze", "unit": "Plätze", "baseline": "100", "target": "175.5", "version_token": token}
    assert client.post(url, data).status_code == 302
    indicator.refresh_from_db()
    assert str(indicator.target) == "175.50"
    assert HistoryEntry.objects.get(object_type="indicator").changes == {"target": "175.50"}
