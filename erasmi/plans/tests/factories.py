"""An action plan for tests: two goals, three measures, indicators with values."""

import datetime
from decimal import Decimal

from erasmi.networks.models import Organisation
from erasmi.plans.models import Indicator, IndicatorValue, Measure, Plan


def make_plan(network, year: int = 2025) -> Plan:
    plan = Plan.objects.create(
        network=network,
        title=f"Aktionsplan {year}",
        starts=datetime.date(year, 1, 1),
        ends=datetime.date(year, 12, 31),
    )
    caritas = Organisation.objects.get(name="Caritas")
    city = Organisation.objects.get(name="Stadt Erfurt")
    language = plan.goals.create(title="Sprachkurse für alle", position=1)
    work = plan.goals.create(title="Wege in Arbeit", position=2)
    courses = Measure.objects.create(
        goal=language,
        title="Kursplätze abstimmen",
        lead=caritas,
        deadline=datetime.date(year, 6, 30),
        status=Measure.Status.RUNNING,
        progress=40,
        working_group=network.working_groups.first(),
    )
    courses.partners.add(city)
    Measure.objects.create(
        goal=language, title="Kinderbetreuung in Kursen", lead=city, deadline=datetime.date(year, 9, 30)
    )
    Measure.objects.create(goal=work, title="Jobmesse", lead=city, deadline=datetime.date(year, 11, 15))
    places = Indicator.objects.create(
        plan=plan, measure=courses, name="Kursplätze", unit="Plätze", baseline=Decimal(100), target=Decimal(150)
    )
    IndicatorValue.objects.create(indicator=places, value=Decimal(120), date=datetime.date(year, 3, 31))
    IndicatorValue.objects.create(indicator=places, value=Decimal(135), date=datetime.date(year, 9, 30))
    return plan
