import datetime

import pytest
from django.test import Client
from django.utils import timezone

from erasmi.networks.models import Organisation, Person
from erasmi.plans.models import Measure
from erasmi.plans.tests.factories import make_plan

pytestmark = pytest.mark.django_db


def test_the_start_page_shows_my_organisations_measures_due_soon(erfurt_network, member, other_network, other_member):
    make_plan(erfurt_network)
    today = timezone.localdate()
    Measure.objects.filter(title="Kursplätze abstimmen").update(deadline=today + datetime.timedelta(days=20))
    Measure.objects.filter(title="Jobmesse").update(deadline=today + datetime.timedelta(days=5))  # the city's
    Measure.objects.filter(title="Kinderbetreuung in Kursen").update(deadline=today + datetime.timedelta(days=365))
    Person.objects.filter(user=member).update(organisation=Organisation.objects.get(name="Caritas"))
    client = Client()
    client.force_login(member)
    page = client.get("/en/").content.decode()
    assert "Measures of my organisation due soon" in page
    assert "Kursplätze abstimmen" in page
    assert "Jobmesse" not in page and "Kinderbetreuung" not in page
    assert "Kursplätze abstimmen" in client.get(erfurt_network.get_absolute_url()).content.decode()
    # Someone of another network sees nothing of it.
    Person.objects.filter(user=other_member).update(organisation=Organisation.objects.get(name="Caritas"))
    other = Client()
    other.force_login(other_member)
    assert "Kursplätze abstimmen" not in other.get("/en/").content.decode()


def test_a_partner_organisation_sees_the_measure_too_and_done_ones_are_left_out(erfurt_network, member):
    make_plan(erfurt_network)
    soon = timezone.localdate() + datetime.timedelta(days=3)
    Measure.objects.update(deadline=soon)
    Measure.objects.filter(title="Jobmesse").update(status="done")
    Person.objects.filter(user=member).update(organisation=Organisation.objects.get(name="Stadt Erfurt"))
    client = Client()
    client.force_login(member)
    page = client.get("/en/").content.decode()
    assert "Kursplätze abstimmen" in page and "Kinderbetreuung in Kursen" in page and "Jobmesse" not in page
