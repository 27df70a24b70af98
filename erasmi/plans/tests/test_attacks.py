"""What a member of another network, of another organisation, or odd text must not do to an action plan."""

import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from erasmi.networks.models import Organisation, Person
from erasmi.plans.models import Indicator, IndicatorValue, Measure
from erasmi.plans.tests.factories import make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(erfurt_network):
    return make_plan(erfurt_network)


def test_a_member_of_another_network_sees_and_edits_nothing_of_the_plan(client, plan, other_network, other_member):
    measure = Measure.objects.get(title="Kursplätze abstimmen")
    indicator = Indicator.objects.get(name="Kursplätze")
    client.force_login(other_member)
    for slug in ("erfurt", "halle"):
        for name, pk in [
            ("plan", plan.pk),
            ("pdf", plan.pk),
            ("xlsx", plan.pk),
            ("timeline", plan.pk),
            ("measure", measure.pk),
            ("measure_edit", measure.pk),
            ("value_record", indicator.pk),
        ]:
            assert client.get(reverse(f"plans:{name}", args=[slug, pk])).status_code in (403, 404), (slug, name)
    assert client.get(reverse("plans:report", args=["erfurt", 2025])).status_code in (403, 404)
    assert client.get(reverse("plans:report_pdf", args=["erfurt", 2025])).status_code in (403, 404)
    client.post(reverse("plans:value_record", args=["erfurt", indicator.pk]), {"value": "1", "date": "2025-05-01"})
    assert IndicatorValue.objects.filter(indicator=indicator).count() == 2


def test_someone_of_one_lead_organisation_cannot_touch_another_organisations_measure(client, plan, member):
    Person.objects.filter(user=member).update(organisation=Organisation.objects.get(name="Caritas"))
    city_measure = Measure.objects.get(title="Jobmesse")
    city_indicator = Indicator.objects.create(plan=plan, measure=city_measure, name="Besucher")
    client.force_login(member)
    assert client.get(reverse("plans:measure_edit", args=["erfurt", city_measure.pk])).status_code in (403, 404)
    response = client.post(
        reverse("plans:value_record", args=["erfurt", city_indicator.pk]), {"value": "9", "date": "2025-05-01"}
    )
    assert response.status_code in (403, 404) and not city_indicator.values.exists()


def test_markup_in_a_goal_title_is_printed_as_text_in_the_plan_pdf(client, plan, coordinator):
    goal = plan.goals.first()
    goal.title = '<font name="x" size="900">Böse & </b> <a href="javascript:alert(1)">link</a>'
    goal.save()
    client.force_login(coordinator)
    response = client.get(reverse("plans:pdf", args=["erfurt", plan.pk]))
    assert response.status_code == 200
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "<font" in text and "Böse &" in text


def test_a_formula_as_a_measure_title_stays_text_in_the_plan_workbook(client, plan, coordinator):
    import openpyxl

    Measure.objects.filter(title="Jobmesse").update(title="=1+cmd|' /C calc'!A0")
    client.force_login(coordinator)
    response = client.get(reverse("plans:xlsx", args=["erfurt", plan.pk]))
    values = [c.value for row in openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows() for c in row]
    assert "=1+cmd|' /C calc'!A0" not in values


def test_copying_a_plan_twice_with_one_click_makes_one_copy(client, plan, coordinator):
    from erasmi.plans.models import Plan

    client.force_login(coordinator)
    url = reverse("plans:copy", args=["erfurt", plan.pk])
    once = client.get(url).context["form"]["once"].value()
    data = {"title": "Aktionsplan 2026", "starts": "2026-01-01", "ends": "2026-12-31", "once": once}
    client.post(url, data)
    client.post(url, data)
    assert Plan.objects.filter(title="Aktionsplan 2026").count() == 1
    assert datetime.date(2026, 1, 1) == Plan.objects.get(title="Aktionsplan 2026").starts
