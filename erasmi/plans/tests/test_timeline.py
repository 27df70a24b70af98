import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from erasmi.plans.models import Measure
from erasmi.plans.tests.factories import make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(member):
    client = Client()
    client.force_login(member)
    return client


def _set(title, **fields):
    Measure.objects.filter(title=title).update(**fields)
    return Measure.objects.get(title=title)


def test_a_measure_whose_deadline_passed_is_overdue_unless_done_or_dropped():
    today = timezone.localdate()
    measure = Measure(status="running", progress=90, deadline=today - datetime.timedelta(days=1))
    assert measure.is_overdue() and not measure.is_at_risk()
    assert not Measure(status="done", deadline=measure.deadline).is_overdue()
    assert not Measure(status="dropped", deadline=measure.deadline).is_overdue()
    assert not Measure(status="planned", deadline=today).is_overdue()  # due today is not late yet


def test_a_measure_due_within_thirty_days_with_less_than_half_done_is_at_risk():
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=30)
    assert Measure(status="planned", progress=49, deadline=soon).is_at_risk()
    assert not Measure(status="planned", progress=50, deadline=soon).is_at_risk()
    assert not Measure(status="planned", progress=0, deadline=soon + datetime.timedelta(days=1)).is_at_risk()
    assert not Measure(status="done", progress=0, deadline=soon).is_at_risk()


def test_the_querysets_find_the_same_overdue_and_at_risk_measures(erfurt_network):
    make_plan(erfurt_network)
    today = timezone.localdate()
    _set("Jobmesse", deadline=today - datetime.timedelta(days=3))
    _set("Kinderbetreuung in Kursen", deadline=today + datetime.timedelta(days=10), progress=20)
    _set("Kursplätze abstimmen", deadline=today + datetime.timedelta(days=200))
    assert [m.title for m in Measure.objects.overdue()] == ["Jobmesse"]
    assert [m.title for m in Measure.objects.at_risk()] == ["Kinderbetreuung in Kursen"]


def test_the_timeline_lists_measures_by_deadline_and_says_which_are_overdue_or_at_risk(
    erfurt_network, client, django_assert_num_queries
):
    plan = make_plan(erfurt_network)
    today = timezone.localdate()
    _set("Jobmesse", deadline=today - datetime.timedelta(days=3))
    _set("Kinderbetreuung in Kursen", deadline=today + datetime.timedelta(days=10), progress=20)
    _set("Kursplätze abstimmen", deadline=today + datetime.timedelta(days=200))
    url = reverse("plans:timeline", args=[erfurt_network.slug, plan.pk])
    with django_assert_num_queries(8):
        page = client.get(url).content.decode()
    assert page.index("Jobmesse") < page.index("Kinderbetreuung") < page.index("Kursplätze abstimmen")
    assert "1 measure is overdue" in page and "1 measure is at risk" in page
    jobmesse = page[page.index("Jobmesse") :]
    assert jobmesse.index("Overdue") < jobmesse.index("Kinderbetreuung")
    assert "less than 50 % of the measure is done" in page  # the page explains what "at risk" means


def test_the_timeline_filters_by_status(erfurt_network, client):
    plan = make_plan(erfurt_network)
    page = client.get(reverse("plans:timeline", args=[erfurt_network.slug, plan.pk]), {"status": "running"})
    assert "Kursplätze abstimmen" in page.content.decode() and "Jobmesse" not in page.content.decode()


def test_an_odd_filter_value_is_a_bad_request_not_an_error(erfurt_network, client):
    plan = make_plan(erfurt_network)
    response = client.get(reverse("plans:timeline", args=[erfurt_network.slug, plan.pk]), {"group": "x'"})
    assert response.status_code == 400
