import io
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from erasmi.plans.models import Goal, Indicator, Measure
from erasmi.plans.tests.factories import make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(member):
    client = Client()
    client.force_login(member)
    return client


def test_the_plan_as_xlsx_has_a_row_per_measure_and_indicator_and_no_formula(erfurt_network, client):
    plan = make_plan(erfurt_network)
    Measure.objects.filter(title="Jobmesse").update(title='=HYPERLINK("http://x")')
    response = client.get(reverse("plans:xlsx", args=[erfurt_network.slug, plan.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Goal", "Measure", "Lead organisation")
    courses = next(row for row in rows if row[1] == "Kursplätze abstimmen")
    assert courses[2] == "Caritas" and courses[3] == "Stadt Erfurt" and courses[8] == "Kursplätze"
    assert courses[11] == 150 and courses[12] == 135
    assert any(row[1] == '\'=HYPERLINK("http://x")' for row in rows)
    assert len(rows) == 4


def test_the_plan_as_pdf_shows_user_text_literally(erfurt_network, client):
    plan = make_plan(erfurt_network)
    Goal.objects.filter(title="Wege in Arbeit").update(title="Arbeit <img src='/etc/passwd'/> & mehr")
    response = client.get(reverse("plans:pdf", args=[erfurt_network.slug, plan.pk]))
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Arbeit <img src='/etc/passwd'/> & mehr" in text
    assert "Kursplätze abstimmen" in text and "Caritas" in text


def test_the_plan_as_pdf_writes_figures_as_the_page_does(erfurt_network, client):
    """Baseline, target and actual value alike: no trailing ",00" for whole numbers, a decimal comma in German."""
    plan = make_plan(erfurt_network)
    Indicator.objects.filter(name="Kursplätze").update(baseline=Decimal("100.50"))
    url = reverse("plans:pdf", args=[erfurt_network.slug, plan.pk]).replace("/en/", "/de/")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(client.get(url).content)).pages)
    assert "100,50" in text and "150" in text and "135" in text
    assert "150,00" not in text
