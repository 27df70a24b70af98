import pytest
from django.test import Client
from django.urls import reverse

from erasmi.plans.tests.factories import make_plan

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_member_reads_the_plan_as_an_outline_of_goals_measures_and_indicators(erfurt_network, member):
    plan = make_plan(erfurt_network)
    response = _client(member).get(plan.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert page.index("Sprachkurse für alle") < page.index("Kursplätze abstimmen") < page.index("Wege in Arbeit")
    assert "Caritas" in page and "135" in page


def test_the_outline_makes_the_same_number_of_queries_however_many_measures(
    erfurt_network, member, django_assert_num_queries
):
    plan = make_plan(erfurt_network)
    client = _client(member)
    client.get(plan.get_absolute_url())
    with django_assert_num_queries(12) as captured:
        client.get(plan.get_absolute_url())
    count = len(captured)
    make_plan(erfurt_network, 2026)
    for measure in plan.goals.first().measures.all():
        measure.pk = None
        measure.save()
    with django_assert_num_queries(count):
        client.get(plan.get_absolute_url())


def test_the_outline_filters_by_working_group_organisation_and_status(erfurt_network, member):
    from erasmi.networks.models import Organisation

    plan = make_plan(erfurt_network)
    client = _client(member)
    group = erfurt_network.working_groups.first()
    page = client.get(plan.get_absolute_url(), {"group": group.pk}).content.decode()
    assert "Kursplätze abstimmen" in page and "Jobmesse" not in page
    caritas = Organisation.objects.get(name="Caritas")
    page = client.get(plan.get_absolute_url(), {"organisation": caritas.pk}).content.decode()
    assert "Kursplätze abstimmen" in page and "Jobmesse" not in page
    city = Organisation.objects.get(name="Stadt Erfurt")
    page = client.get(plan.get_absolute_url(), {"organisation": city.pk}).content.decode()
    assert "Kursplätze abstimmen" in page and "Jobmesse" in page  # a partner is involved too
    page = client.get(plan.get_absolute_url(), {"status": "running"}).content.decode()
    assert "Kursplätze abstimmen" in page and "Jobmesse" not in page


def test_a_member_of_another_network_does_not_find_the_plan(erfurt_network, other_network, other_member):
    plan = make_plan(erfurt_network)
    client = _client(other_member)
    assert client.get(plan.get_absolute_url()).status_code == 404
    assert client.get(reverse("plans:plans", args=[erfurt_network.slug])).status_code == 404
    measure = plan.goals.first().measures.first()
    assert client.get(reverse("plans:measure", args=[erfurt_network.slug, measure.pk])).status_code == 404
    # Nor through its own network's address.
    assert client.get(reverse("plans:plan", args=[other_network.slug, plan.pk])).status_code == 404
