"""A demonstration action plan and last year's annual report for the demo network (invented figures).

The plan is German, as a German network would write it: plan content is typed by its users in
their language. Deadlines lie around today, so the timeline shows an overdue and an at-risk measure.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from erasmi.networks.models import Organisation
from erasmi.plans.models import AnnualReport, Indicator, IndicatorValue, Measure, Plan

# goal, [(measure, lead, partners, working group, days to the deadline, status, progress, indicators)]
GOALS = [
    (
        "Sprachkurse aufeinander abstimmen",
        "Alle Träger zeigen ihre Kurse an einer Stelle; niemand wartet auf einen Platz, der anderswo frei ist.",
        [
            (
                "Kursübersicht aller Träger",
                "Volkshochschule Demostadt",
                ["Sprachschule Lingua", "Internationaler Bund – Demo gGmbH"],
                "Sprache und Bildung",
                20,
                "running",
                30,
                [("Kursplätze in der Übersicht", "Plätze", 200, 350, [240, 265])],
            ),
            (
                "Kinderbetreuung während der Kurse",
                "Caritas Demostadt",
                ["Patenschaften Demostadt"],
                "Kinder, Jugend, Familie",
                -10,
                "running",
                60,
                [],
            ),
        ],
    ),
    (
        "Wege in Arbeit und Ausbildung",
        "",
        [
            (
                "Mentoring durch Migrant*innenorganisationen",
                "Afrikanisch-Deutscher Kulturverein e.V.",
                ["Türkischer Elternverein e.V."],
                "Arbeit und Ausbildung",
                25,
                "running",
                70,
                [("Mentoring-Paare", "Paare", 10, 25, [14, 18])],
            ),
            (
                "Jobmesse für Geflüchtete",
                "Jobcenter Demostadt",
                ["Handwerkskammer Demostadt"],
                "Arbeit und Ausbildung",
                28,
                "planned",
                10,
                [("Besucher*innen der Jobmesse", "Personen", None, 300, [])],
            ),
        ],
    ),
    (
        "Interkulturelle Öffnung der Verwaltung",
        "",
        [
            (
                "Schulungen für das Bürgeramt",
                "Stadtverwaltung Demostadt – Amt für Integration",
                [],
                "Interkulturelle Öffnung",
                -60,
                "done",
                100,
                [("Geschulte Mitarbeiter*innen", "Personen", 0, 40, [42])],
            ),
        ],
    ),
]


@transaction.atomic
def load(network, users: dict) -> Plan | None:
    """The plan of this year and the report of last year; idempotent."""
    if network.plans.exists():
        return None
    today = timezone.localdate()
    coordinator = users.get("coordinator")
    organisations = {o.name: o for o in Organisation.objects.filter(memberships__network=network)}
    groups = {g.name: g for g in network.working_groups.all()}
    plan = Plan.objects.create(
        network=network,
        title=f"Aktionsplan {today.year}",
        starts=datetime.date(today.year, 1, 1),
        ends=datetime.date(today.year, 12, 31),
        created_by=coordinator,
    )
    for position, (title, description, measures) in enumerate(GOALS, start=1):
        goal = plan.goals.create(title=title, description=description, position=position)
        for name, lead, partners, group, days, status, progress, indicators in measures:
            measure = Measure.objects.create(
                goal=goal,
                title=name,
                lead=organisations.get(lead),
                working_group=groups.get(group),
                deadline=today + datetime.timedelta(days=days),
                status=status,
                progress=progress,
            )
            measure.partners.set([organisations[p] for p in partners if p in organisations])
            for indicator_name, unit, baseline, target, values in indicators:
                indicator = Indicator.objects.create(
                    plan=plan,
                    measure=measure,
                    name=indicator_name,
                    unit=unit,
                    baseline=baseline,
                    target=target,
                )
                for n, value in enumerate(values):
                    IndicatorValue.objects.create(
                        indicator=indicator,
                        value=Decimal(value),
                        date=today - datetime.timedelta(days=30 * (len(values) - n)),
                        recorded_by=coordinator,
                    )
    members = Indicator.objects.create(
        plan=plan, name="Mitgliedsorganisationen", unit="Organisationen", baseline=10, target=12
    )
    IndicatorValue.objects.create(indicator=members, value=Decimal(11), date=today, recorded_by=coordinator)
    report = AnnualReport.objects.create(
        network=network,
        year=today.year - 1,
        narratives={
            "introduction": "Das Netzwerk ist gewachsen: zwei Migrant*innenorganisationen sind neu dabei. "
            "Die Arbeitsgruppen haben sich konkrete Ziele gesetzt, die im Aktionsplan stehen.",
            "meetings": "Die Netzwerktreffen mit Netzwerkcafé waren gut besucht.",
        },
    )
    report.targets.create(
        name="Mitgliedsorganisationen", unit="Organisationen", baseline=10, target=12, indicator=members
    )
    return plan
