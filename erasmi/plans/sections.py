"""The annual report's own sections: members, meetings, working groups, offers and the action plan."""

import datetime

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from erasmi.events.models import Event, Registration
from erasmi.networks.models import Document, HistoryEntry, Membership, Organisation, Task
from erasmi.plans.models import Indicator, IndicatorValue, Measure, Plan
from erasmi.plans.report import figure, register_section


def _years(year: int) -> list[str]:
    return [str(year), str(year - 1)]


def _member_at_end(year: int) -> Q:
    end = datetime.date(year, 12, 31)
    return Q(joined__lte=end) & (Q(left__isnull=True) | Q(left__gt=end))


def members(network, year, language) -> dict:
    """Joined and left, by actor type and by sector, and the members at the end of each year."""
    counts = {
        "n_joined": Count("pk", filter=Q(joined__year=year)),
        "n_joined_before": Count("pk", filter=Q(joined__year=year - 1)),
        "n_left": Count("pk", filter=Q(left__year=year)),
        "n_left_before": Count("pk", filter=Q(left__year=year - 1)),
        "n_members": Count("pk", filter=_member_at_end(year)),
        "n_members_before": Count("pk", filter=_member_at_end(year - 1)),
    }
    rows = list(
        Membership.objects.filter(network=network)
        .values("organisation__actor_type", "organisation__sector")
        .annotate(**counts)
        .order_by()
    )
    keys = list(counts)

    def summed(field: str, code: str) -> list[int]:
        return [sum(row[key] for row in rows if row[field] == code) for key in keys]

    table = []
    for code, label in Organisation.ActorType.choices:
        table.append([str(label), *summed("organisation__actor_type", code)])
    for code, label in Organisation.Sector.choices:
        table.append([str(label), *summed("organisation__sector", code)])
    table.append([_("All members"), *[sum(row[key] for row in rows) for key in keys]])
    this, before = _years(year)
    header = [
        _("Actor type / sector"),
        _("Joined %(year)s") % {"year": this},
        _("Joined %(year)s") % {"year": before},
        _("Left %(year)s") % {"year": this},
        _("Left %(year)s") % {"year": before},
        _("Members at the end of %(year)s") % {"year": this},
        _("Members at the end of %(year)s") % {"year": before},
    ]
    return {
        "key": "members",
        "title": _("Members"),
        "tables": [{"caption": _("Members joined and left"), "header": header, "rows": table}],
    }


def meetings(network, year, language) -> dict:
    """Meetings held (not cancelled) by kind, with registrations and recorded attendance."""
    held = Event.objects.filter(network=network, status=Event.Status.SCHEDULED)
    kinds = {
        row["kind"]: row
        for row in held.filter(starts__year__gte=year - 1, starts__year__lte=year)
        .values("kind")
        .annotate(n=Count("pk", filter=Q(starts__year=year)), before=Count("pk", filter=Q(starts__year=year - 1)))
        .order_by()
    }
    people = Registration.objects.filter(
        event__network=network,
        event__status=Event.Status.SCHEDULED,
        event__starts__year__gte=year - 1,
        event__starts__year__lte=year,
        status=Registration.Status.CONFIRMED,
    ).aggregate(
        n_registered=Count("pk", filter=Q(event__starts__year=year)),
        n_registered_before=Count("pk", filter=Q(event__starts__year=year - 1)),
        n_attended=Count("pk", filter=Q(event__starts__year=year, attended=True)),
        n_attended_before=Count("pk", filter=Q(event__starts__year=year - 1, attended=True)),
    )
    rows = [
        [str(label), kinds.get(code, {}).get("n", 0), kinds.get(code, {}).get("before", 0)]
        for code, label in Event.Kind.choices
    ]
    rows.append([_("All meetings"), sum(r[1] for r in rows), sum(r[2] for r in rows)])
    rows.append([_("Registrations"), people["n_registered"], people["n_registered_before"]])
    rows.append([_("Attended (as recorded in the minutes)"), people["n_attended"], people["n_attended_before"]])
    return {
        "key": "meetings",
        "title": _("Meetings"),
        "tables": [
            {"caption": _("Meetings held and attendance"), "header": [_("Meetings"), *_years(year)], "rows": rows}
        ],
    }


def working_groups(network, year, language) -> dict:
    """Per working group: meetings held, tasks done and documents added."""

    def by_group(queryset, field: str) -> dict:
        return {
            row["working_group"]: (row["n"], row["before"])
            for row in queryset.filter(**{f"{field}__year__gte": year - 1, f"{field}__year__lte": year})
            .values("working_group")
            .annotate(
                n=Count("pk", filter=Q(**{f"{field}__year": year})),
                before=Count("pk", filter=Q(**{f"{field}__year": year - 1})),
            )
            .order_by()
        }

    held = by_group(Event.objects.filter(network=network, status=Event.Status.SCHEDULED), "starts")
    done = by_group(Task.objects.filter(working_group__network=network), "done")
    documents = by_group(Document.objects.filter(network=network, working_group__isnull=False), "created")
    rows = []
    for pk, name in network.working_groups.order_by("name").values_list("pk", "name"):
        figures = [held.get(pk, (0, 0)), done.get(pk, (0, 0)), documents.get(pk, (0, 0))]
        if any(any(pair) for pair in figures):
            rows.append([name, *[n for pair in figures for n in pair]])
    this, before = _years(year)
    header = [_("Working group")]
    for label in (_("Meetings %(year)s"), _("Tasks done %(year)s"), _("Documents %(year)s")):
        header += [label % {"year": this}, label % {"year": before}]
    return {
        "key": "groups",
        "title": _("Working groups"),
        "tables": [{"caption": _("Activity of the working groups"), "header": header, "rows": rows}],
        "empty": _("No working group was active in these two years."),
    }


def offers(network, year, language) -> dict:
    """Offers added and confirmed as current, as the network's history recorded them."""
    counted = HistoryEntry.objects.filter(
        network=network, object_type="offer", created__year__gte=year - 1, created__year__lte=year
    ).aggregate(
        n_added=Count("pk", filter=Q(action=HistoryEntry.Action.CREATED, created__year=year)),
        n_added_before=Count("pk", filter=Q(action=HistoryEntry.Action.CREATED, created__year=year - 1)),
        n_confirmed=Count("pk", filter=Q(action=HistoryEntry.Action.CONFIRMED, created__year=year)),
        n_confirmed_before=Count("pk", filter=Q(action=HistoryEntry.Action.CONFIRMED, created__year=year - 1)),
    )
    rows = [
        [_("Offers added"), counted["n_added"], counted["n_added_before"]],
        [_("Offers confirmed as current"), counted["n_confirmed"], counted["n_confirmed_before"]],
    ]
    return {
        "key": "offers",
        "title": _("Offers"),
        "tables": [{"caption": _("Offers of the members"), "header": [_("Offers"), *_years(year)], "rows": rows}],
    }


def _plan_of(network, year: int) -> Plan | None:
    """The plan that covers most of the year: the latest one starting in or before it and ending in or after it."""
    return (
        Plan.objects.filter(network=network, starts__year__lte=year, ends__year__gte=year).order_by("-starts").first()
    )


def action_plan(network, year, language) -> dict:
    """Measures by status and each indicator's target against its actual value at the end of the year."""
    plan, previous = _plan_of(network, year), _plan_of(network, year - 1)
    plans = [p.pk for p in (plan, previous) if p is not None]
    counted = Measure.objects.filter(goal__plan__in=plans).values("goal__plan", "status").annotate(n=Count("pk"))
    statuses = {(row["goal__plan"], row["status"]): row["n"] for row in counted.order_by()}
    rows = [
        [str(label), *[statuses.get((p.pk, code), 0) if p else None for p in (plan, previous)]]
        for code, label in Measure.Status.choices
    ]
    # Plain rows, no model objects: a plan may have hundreds of indicators with a value each month.
    indicators = Indicator.objects.filter(plan=plan).values_list("pk", "name", "unit", "baseline", "target")
    end, end_before = datetime.date(year, 12, 31), datetime.date(year - 1, 12, 31)
    actual, actual_before = {}, {}
    values = (
        IndicatorValue.objects.filter(indicator__plan=plan, date__lte=end)
        .order_by("indicator", "date", "recorded", "pk")
        .values_list("indicator", "value", "date")
    )
    for indicator, value, date in values if plan else []:  # oldest first: the latest value stays
        actual[indicator] = value
        if date <= end_before:
            actual_before[indicator] = value
    indicator_rows = [
        [name, unit, figure(baseline), figure(target), figure(actual.get(pk)), figure(actual_before.get(pk))]
        for pk, name, unit, baseline, target in (indicators if plan else [])
    ]
    this, before = _years(year)
    return {
        "key": "plan",
        "title": _("Action plan"),
        "plan": plan,
        "tables": [
            {"caption": _("Measures by status"), "header": [_("Status"), this, before], "rows": rows},
            {
                "caption": _("Indicators: target against actual"),
                "header": [
                    _("Indicator"),
                    _("Unit"),
                    _("Baseline"),
                    _("Target"),
                    _("Actual at the end of %(year)s") % {"year": this},
                    _("Actual at the end of %(year)s") % {"year": before},
                ],
                "rows": indicator_rows,
            },
        ],
        "empty": None if plan else _("The network had no action plan for this year."),
    }


def register_all() -> None:
    register_section(members, order=10)
    register_section(meetings, order=20)
    register_section(working_groups, order=30)
    register_section(offers, order=40)
    register_section(action_plan, order=50)
