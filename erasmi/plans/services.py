"""Workflows of the action plan that touch several records and the network's history."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from erasmi.networks.models import HistoryEntry
from erasmi.plans.models import AnnualReport, Indicator, IndicatorValue, Measure, Plan


def record_value(*, indicator: Indicator, value: Decimal, date: datetime.date, user) -> IndicatorValue:
    """Note an actual value of the indicator (who and when are kept) and say so in the network's history."""
    recorded = IndicatorValue.objects.create(indicator=indicator, value=value, date=date, recorded_by=user)
    network = indicator.plan.network
    HistoryEntry.record(
        network,
        user,
        HistoryEntry.Action.CREATED,
        indicator,
        {"value": str(value), "date": date.isoformat()},
        kind="indicatorvalue",
    )
    return recorded


@transaction.atomic
def copy_plan(*, plan: Plan, title: str, starts: datetime.date, ends: datetime.date, user) -> Plan:
    """The plan in a new period: its goals, measures and indicators; every status starts again (planned, 0 %),
    deadlines move by the distance between the periods, and the old actual value is the new baseline.
    Target figures the annual report set for the new period's year come in as indicators of the plan."""
    shift = starts - plan.starts
    new = Plan.objects.create(network=plan.network, title=title, starts=starts, ends=ends, created_by=user)
    goals = plan.goals.prefetch_related("measures__partners", "measures__indicators__values")
    plan_indicators = plan.indicators.filter(measure__isnull=True).prefetch_related("values")
    for goal in goals:
        new_goal = new.goals.create(title=goal.title, description=goal.description, position=goal.position)
        for measure in goal.measures.all():
            new_measure = Measure.objects.create(
                goal=new_goal,
                title=measure.title,
                description=measure.description,
                lead_id=measure.lead_id,
                working_group_id=measure.working_group_id,
                deadline=measure.deadline + shift if measure.deadline else None,
            )
            new_measure.partners.set(measure.partners.all())
            for indicator in measure.indicators.all():
                _copy_indicator(indicator, new, new_measure)
    for indicator in plan_indicators:
        _copy_indicator(indicator, new, None)
    HistoryEntry.record(plan.network, user, HistoryEntry.Action.CREATED, new, {"from": str(plan)})
    report = AnnualReport.objects.filter(network=plan.network, year=starts.year - 1).first()
    if report is not None:
        carry_targets(report=report, plan=new)
    return new


def _copy_indicator(indicator: Indicator, plan: Plan, measure: Measure | None) -> Indicator:
    actual = indicator.actual
    return Indicator.objects.create(
        plan=plan,
        measure=measure,
        name=indicator.name,
        unit=indicator.unit,
        baseline=actual if actual is not None else indicator.baseline,
        target=indicator.target,
    )


def next_plan(report: AnnualReport, user) -> Plan:
    """The plan of the year after the report: the one that covers its first day, else a new empty one."""
    first = datetime.date(report.year + 1, 1, 1)
    plan = Plan.objects.filter(network=report.network).covering(first).first()
    if plan is None:
        plan = Plan.objects.create(
            network=report.network,
            title=_("Action plan %(year)s") % {"year": report.year + 1},
            starts=first,
            ends=datetime.date(report.year + 1, 12, 31),
            created_by=user,
        )
        HistoryEntry.record(report.network, user, HistoryEntry.Action.CREATED, plan)
    return plan


@transaction.atomic
def carry_targets(*, report: AnnualReport, plan: Plan) -> int:
    """Next year's target figures become indicators of the plan (each once); the number carried."""
    carried = 0
    for target in report.targets.select_for_update().filter(indicator__isnull=True):
        target.indicator = Indicator.objects.create(
            plan=plan, name=target.name, unit=target.unit, baseline=target.baseline, target=target.target
        )
        target.save(update_fields=["indicator"])
        carried += 1
    return carried
