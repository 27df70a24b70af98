import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from erasmi.plans.models import AnnualReport, Indicator, Measure, Plan
from erasmi.plans.tests.factories import make_plan

pytestmark = pytest.mark.django_db


def test_copying_a_plan_takes_goals_measures_and_indicators_into_the_new_period(erfurt_network, coordinator):
    plan = make_plan(erfurt_network)
    Measure.objects.filter(title="Jobmesse").update(status="done", progress=100)
    client = Client()
    client.force_login(coordinator)
    url = reverse("plans:copy", args=[erfurt_network.slug, plan.pk])
    form = client.get(url).context["form"]
    assert form.initial["starts"] == datetime.date(2026, 1, 1)
    response = client.post(
        url, {"title": "Aktionsplan 2026", "starts": "2026-01-01", "ends": "2026-12-31", "once": form["once"].value()}
    )
    new = Plan.objects.get(title="Aktionsplan 2026")
    assert response.url == new.get_absolute_url()
    assert [g.title for g in new.goals.all()] == ["Sprachkurse für alle", "Wege in Arbeit"]
    measures = Measure.objects.filter(goal__plan=new)
    assert measures.count() == 3
    assert {(m.status, m.progress) for m in measures} == {("planned", 0)}
    jobmesse = measures.get(title="Jobmesse")
    assert jobmesse.deadline == datetime.date(2026, 11, 15)
    courses = measures.get(title="Kursplätze abstimmen")
    assert [o.name for o in courses.partners.all()] == ["Stadt Erfurt"]
    indicator = courses.indicators.get()
    assert (indicator.baseline, indicator.target) == (Decimal(135), Decimal(150))  # the old actual is the baseline
    assert not indicator.values.exists()
    # The old plan is untouched.
    assert Measure.objects.filter(goal__plan=plan, status="done").count() == 1
    history = client.get(f"/de{reverse('networks:history', args=[erfurt_network.slug])[3:]}").content.decode()
    assert "Übernommen aus: Aktionsplan 2025" in history


def test_next_years_target_figures_become_indicators_of_the_copied_plan(erfurt_network, coordinator):
    from erasmi.plans import services

    plan = make_plan(erfurt_network)
    report = AnnualReport.objects.create(network=erfurt_network, year=2025)
    report.targets.create(name="Mitgliedsorganisationen", unit="", baseline=Decimal(5), target=Decimal(8))
    new = services.copy_plan(
        plan=plan, title="2026", starts=datetime.date(2026, 1, 1), ends=datetime.date(2026, 12, 31), user=coordinator
    )
    overall = Indicator.objects.get(plan=new, measure__isnull=True)
    assert (overall.name, overall.baseline, overall.target) == ("Mitgliedsorganisationen", Decimal(5), Decimal(8))
    assert report.targets.get().indicator == overall
    assert services.carry_targets(report=report, plan=new) == 0  # carried once


def test_a_plan_cannot_be_copied_onto_the_start_of_an_existing_one(erfurt_network, coordinator):
    plan = make_plan(erfurt_network)
    client = Client()
    client.force_login(coordinator)
    response = client.post(
        reverse("plans:copy", args=[erfurt_network.slug, plan.pk]),
        {"title": "Again", "starts": "2025-01-01", "ends": "2025-12-31"},
    )
    assert response.status_code == 400
    assert Plan.objects.count() == 1
