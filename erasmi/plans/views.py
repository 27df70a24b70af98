"""The action plan's pages: the plans of a network, a plan as an outline and as a timeline, a measure."""

import datetime
import itertools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from erasmi.core import languages, once, params, permissions
from erasmi.core.spreadsheets import XLSX_TYPE
from erasmi.networks import history as history_words
from erasmi.networks.editing import edit_page
from erasmi.networks.models import HistoryEntry, Organisation
from erasmi.networks.views import _network
from erasmi.plans import exports, pdf, services
from erasmi.plans.forms import (
    GoalForm,
    IndicatorEditForm,
    IndicatorForm,
    MeasureForm,
    PlanEditForm,
    PlanForm,
    ValueForm,
)
from erasmi.plans.models import AT_RISK_DAYS, AT_RISK_PROGRESS, Goal, Indicator, IndicatorValue, Measure, Plan


def _plan(request, slug, pk, action: str = "plan.view") -> Plan:
    """The plan, for the network's members (404 for everybody else); ``action`` "plan.manage": coordinators."""
    network = _network(request, slug, "network.view_internal")
    plan = get_object_or_404(Plan.objects.select_related("network"), network=network, pk=pk)
    permissions.require(request.user, action, network)
    return plan


def _measure(request, slug, pk) -> Measure:
    network = _network(request, slug, "network.view_internal")
    return get_object_or_404(
        Measure.objects.select_related("goal__plan__network", "lead", "working_group"),
        goal__plan__network=network,
        pk=pk,
    )


def _filtered(request, measures):
    """The measures with the page's filters applied (working group, organisation, status) and the filters."""
    chosen = {
        "group": params.object_id(request.GET.get("group")),
        "organisation": params.object_id(request.GET.get("organisation")),
        "status": request.GET.get("status") if request.GET.get("status") in Measure.Status.values else "",
    }
    if chosen["group"]:
        measures = measures.filter(working_group=chosen["group"])
    if chosen["organisation"]:
        involved = Measure.objects.filter(partners=chosen["organisation"]).values("pk")
        measures = measures.filter(Q(lead=chosen["organisation"]) | Q(pk__in=involved))
    if chosen["status"]:
        measures = measures.filter(status=chosen["status"])
    return measures, chosen


def _filter_choices(plan) -> dict:
    in_plan = Measure.objects.filter(goal__plan=plan)
    organisations = Organisation.objects.filter(
        Q(pk__in=in_plan.values("lead")) | Q(pk__in=in_plan.values("partners"))
    ).values_list("pk", "name")
    return {
        "groups": list(plan.network.working_groups.values_list("pk", "name")),
        "organisations": sorted(organisations, key=lambda item: languages.collation_key(item[1])),
        "statuses": Measure.Status.choices,
    }


def _context(request, plan, **more) -> dict:
    return {
        "network": plan.network,
        "plan": plan,
        "can_manage": permissions.can(request.user, "plan.manage", plan.network),
        "at_risk_days": AT_RISK_DAYS,
        "at_risk_progress": AT_RISK_PROGRESS,
        **more,
    }


@login_required
def plans(request, slug):
    """The network's plans; coordinators start a new one here."""
    network = _network(request, slug, "network.view_internal")
    can_manage = permissions.can(request.user, "plan.manage", network)
    form = PlanForm(request.POST or None, network=network) if can_manage else None
    if request.method == "POST":
        permissions.require(request.user, "plan.manage", network)
        if form.is_valid():
            with transaction.atomic():
                if earlier := once.claim(request, form):
                    return redirect(earlier)
                plan = form.save(commit=False)
                plan.created_by = request.user
                plan.save()
                HistoryEntry.record(network, request.user, HistoryEntry.Action.CREATED, plan)
                once.done(request, form, plan.get_absolute_url())
            messages.success(request, _("The action plan was created. Add its goals now."))
            return redirect(plan.get_absolute_url())
    elif form is not None:
        year = timezone.localdate().year
        form.initial.update(
            title=_("Action plan %(year)s") % {"year": year},
            starts=datetime.date(year, 1, 1),
            ends=datetime.date(year, 12, 31),
        )
    today = timezone.localdate()
    return render(
        request,
        "plans/plans.html",
        {
            "network": network,
            "plans": network.plans.all(),
            "current": network.plans.covering(today).first(),
            "form": form,
            "can_manage": can_manage,
            "year": today.year - 1,
        },
        status=400 if form is not None and form.errors else 200,
    )


def _goals(plan, measures):
    indicators = Indicator.objects.with_latest()
    measures = measures.select_related("lead", "working_group").prefetch_related(
        "partners", Prefetch("indicators", queryset=indicators)
    )
    return list(plan.goals.prefetch_related(Prefetch("measures", queryset=measures)))


@login_required
def plan_detail(request, slug, pk):
    """The plan as an outline: goals, their measures, each with its lead, partners, deadline and indicators."""
    plan = _plan(request, slug, pk)
    measures, chosen = _filtered(request, Measure.objects.all())
    goals = _goals(plan, measures)
    overall = plan.indicators.filter(measure__isnull=True).with_latest()
    return render(
        request,
        "plans/plan.html",
        _context(
            request,
            plan,
            goals=goals,
            overall=list(overall),
            chosen=chosen,
            filtered=any(chosen.values()),
            **_filter_choices(plan),
        ),
    )


@login_required
def plan_timeline(request, slug, pk):
    """The measures by deadline, month by month; overdue and at-risk ones say so."""
    plan = _plan(request, slug, pk)
    measures, chosen = _filtered(request, Measure.objects.filter(goal__plan=plan))
    measures = list(measures.select_related("goal", "lead", "working_group"))
    months = [
        (month, list(items))
        for month, items in itertools.groupby(measures, key=lambda m: m.deadline.replace(day=1) if m.deadline else None)
    ]
    today = timezone.localdate()
    return render(
        request,
        "plans/timeline.html",
        _context(
            request,
            plan,
            months=months,
            chosen=chosen,
            filtered=any(chosen.values()),
            overdue=sum(m.is_overdue(today) for m in measures),
            at_risk=sum(m.is_at_risk(today) for m in measures),
            **_filter_choices(plan),
        ),
    )


@login_required
def plan_copy(request, slug, pk):
    """Copy the plan into a new period: goals, measures, indicators (the actual value is the new baseline)."""
    plan = _plan(request, slug, pk, "plan.manage")
    form = PlanForm(request.POST or None, network=plan.network)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if earlier := once.claim(request, form):
                return redirect(earlier)
            data = form.cleaned_data
            new = services.copy_plan(
                plan=plan, title=data["title"], starts=data["starts"], ends=data["ends"], user=request.user
            )
            once.done(request, form, new.get_absolute_url())
        messages.success(request, _("The plan was copied into the new period. Every measure starts as planned."))
        return redirect(new.get_absolute_url())
    if request.method != "POST":
        length = plan.ends - plan.starts
        try:
            starts = plan.starts.replace(year=plan.starts.year + 1)
        except ValueError:  # 29 February
            starts = plan.starts + datetime.timedelta(days=365)
        form.initial.update(
            title=_("Action plan %(year)s") % {"year": starts.year}, starts=starts, ends=starts + length
        )
    return render(request, "plans/copy.html", _context(request, plan, form=form), status=400 if form.errors else 200)


@login_required
def plan_edit(request, slug, pk):
    plan = _plan(request, slug, pk, "plan.manage")
    return edit_page(
        request,
        plan,
        lambda data, instance: PlanEditForm(data, instance=instance),
        network=plan.network,
        template="plans/plan_form.html",
        context=_context(request, plan),
        saved=_("The plan was saved."),
        after=plan.get_absolute_url(),
    )


@login_required
def plan_pdf(request, slug, pk):
    plan = _plan(request, slug, pk)
    language = languages.current()
    body = pdf.plan_pdf(plan, _goals(plan, Measure.objects.all()), language)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="action-plan-{plan.starts:%Y-%m-%d}.pdf"'
    return response


@login_required
def plan_xlsx(request, slug, pk):
    plan = _plan(request, slug, pk)
    body = exports.plan_xlsx(plan, _goals(plan, Measure.objects.all()))
    response = HttpResponse(body, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="action-plan-{plan.starts:%Y-%m-%d}.xlsx"'
    return response


@login_required
def goal_create(request, slug, pk):
    plan = _plan(request, slug, pk, "plan.manage")
    form = GoalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if earlier := once.claim(request, form):
                return redirect(earlier)
            goal = form.save(commit=False)
            goal.plan, goal.position = plan, plan.goals.count() + 1
            goal.save()
            HistoryEntry.record(plan.network, request.user, HistoryEntry.Action.CREATED, goal)
            after = f"{plan.get_absolute_url()}#goal-{goal.pk}"
            once.done(request, form, after)
        messages.success(request, _("The goal was added."))
        return redirect(after)
    status = 400 if form.errors else 200
    return render(request, "plans/goal_form.html", _context(request, plan, form=form), status=status)


@login_required
def goal_edit(request, slug, pk):
    network = _network(request, slug, "network.view_internal")
    goal = get_object_or_404(Goal.objects.select_related("plan__network"), plan__network=network, pk=pk)
    permissions.require(request.user, "plan.manage", network)
    return edit_page(
        request,
        goal,
        lambda data, instance: GoalForm(data, instance=instance),
        network=network,
        template="plans/goal_form.html",
        context=_context(request, goal.plan, goal=goal),
        saved=_("The goal was saved."),
        after=f"{goal.plan.get_absolute_url()}#goal-{goal.pk}",
    )


@login_required
def measure_create(request, slug, pk):
    plan = _plan(request, slug, pk, "plan.manage")
    if not plan.goals.exists():
        messages.info(request, _("Add a goal first: every measure serves a goal."))
        return redirect("plans:goal_create", slug, plan.pk)
    form = MeasureForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if earlier := once.claim(request, form):
                return redirect(earlier)
            measure = form.save()
            HistoryEntry.record(plan.network, request.user, HistoryEntry.Action.CREATED, measure)
            once.done(request, form, measure.get_absolute_url())
        messages.success(request, _("The measure was added."))
        return redirect(measure.get_absolute_url())
    if request.method != "POST" and (goal := params.object_id(request.GET.get("goal"))):
        form.initial["goal"] = goal
    return render(
        request, "plans/measure_form.html", _context(request, plan, form=form), status=400 if form.errors else 200
    )


@login_required
def measure_edit(request, slug, pk):
    """Coordinators and people of the lead organisation edit the measure (its status and progress too)."""
    measure = _measure(request, slug, pk)
    permissions.require(request.user, "measure.edit", measure)
    plan = measure.goal.plan
    coordinator = permissions.can(request.user, "plan.manage", plan.network)
    return edit_page(
        request,
        measure,
        lambda data, instance: MeasureForm(data, instance=instance, plan=plan, coordinator=coordinator),
        network=plan.network,
        template="plans/measure_form.html",
        context=_context(request, plan, measure=measure),
        saved=_("The measure was saved."),
        after=measure.get_absolute_url(),
    )


def _measure_history(measure, indicators):
    entries = HistoryEntry.objects.filter(network=measure.goal.plan.network).filter(
        Q(object_type="measure", object_id=str(measure.pk))
        | Q(object_type__in=["indicator", "indicatorvalue"], object_id__in=[str(i.pk) for i in indicators])
    )
    return history_words.describe(entries.select_related("actor")[:100])


@login_required
def measure_detail(request, slug, pk):
    """A measure with its indicators (every value: who recorded it, when) and its history."""
    measure = _measure(request, slug, pk)
    indicators = list(measure.indicators.prefetch_related("values__recorded_by"))
    can_edit = permissions.can(request.user, "measure.edit", measure)
    return render(
        request,
        "plans/measure.html",
        _context(
            request,
            measure.goal.plan,
            measure=measure,
            partners=list(measure.partners.all()),
            indicators=indicators,
            can_edit=can_edit,
            history=_measure_history(measure, indicators),
            indicator_form=IndicatorForm() if can_edit else None,
        ),
    )


@login_required
def indicator_create(request, slug, pk):
    measure = _measure(request, slug, pk)
    permissions.require(request.user, "measure.edit", measure)
    form = IndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if earlier := once.claim(request, form):
                return redirect(earlier)
            indicator = form.save(commit=False)
            indicator.plan_id, indicator.measure = measure.goal.plan_id, measure
            indicator.save()
            HistoryEntry.record(measure.goal.plan.network, request.user, HistoryEntry.Action.CREATED, indicator)
            once.done(request, form, measure.get_absolute_url())
        messages.success(request, _("The indicator was added."))
        return redirect(measure.get_absolute_url())
    return render(
        request,
        "plans/indicator_form.html",
        _context(request, measure.goal.plan, measure=measure, form=form),
        status=400 if form.errors else 200,
    )


def _indicator(request, slug, pk) -> tuple[Indicator, str]:
    """The indicator, for whoever may record its values (a measure's: its editors; the whole plan's:
    coordinators), and the page to go back to."""
    network = _network(request, slug, "network.view_internal")
    indicator = get_object_or_404(
        Indicator.objects.select_related("plan__network", "measure__goal__plan__network", "measure__lead"),
        plan__network=network,
        pk=pk,
    )
    if indicator.measure_id:
        permissions.require(request.user, "measure.edit", indicator.measure)
        return indicator, indicator.measure.get_absolute_url()
    permissions.require(request.user, "plan.manage", network)
    return indicator, indicator.plan.get_absolute_url()


@login_required
def indicator_edit(request, slug, pk):
    indicator, after = _indicator(request, slug, pk)
    return edit_page(
        request,
        indicator,
        lambda data, instance: IndicatorEditForm(data, instance=instance),
        network=indicator.plan.network,
        template="plans/indicator_form.html",
        context=_context(request, indicator.plan, indicator=indicator, measure=indicator.measure, after=after),
        saved=_("The indicator was saved."),
        after=after,
    )


@login_required
def value_record(request, slug, pk):
    """Record an actual value of an indicator."""
    indicator, after = _indicator(request, slug, pk)
    form = ValueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if earlier := once.claim(request, form):
                return redirect(earlier)
            services.record_value(
                indicator=indicator, value=form.cleaned_data["value"], date=form.cleaned_data["date"], user=request.user
            )
            once.done(request, form, after)
        messages.success(request, _("The value was recorded."))
        return redirect(after)
    values = IndicatorValue.objects.filter(indicator=indicator).select_related("recorded_by")[:20]
    return render(
        request,
        "plans/value_form.html",
        _context(request, indicator.plan, indicator=indicator, form=form, values=values, after=after),
        status=400 if form.errors else 200,
    )
