"""The annual report: built from the network's data for a year, in the language chosen on the page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from erasmi.core import languages, once, permissions
from erasmi.networks.editing import edit_page
from erasmi.networks.models import HistoryEntry
from erasmi.networks.views import _network
from erasmi.plans import pdf, report, services
from erasmi.plans.forms import NarrativeForm, TargetForm
from erasmi.plans.models import AnnualReport, Target

FIRST_YEAR = 1990
INTRODUCTION = "introduction"


def _year(year: int) -> int:
    if not FIRST_YEAR <= year <= timezone.localdate().year + 1:
        raise Http404
    return year


def _language(request) -> str:
    chosen = request.GET.get("language", "")
    return chosen if chosen in languages.codes() else languages.current()


def _url(network, year: int, name: str = "report") -> str:
    return reverse(f"plans:{name}", args=[network.slug, year])


def _section_titles(network, year: int) -> list[tuple[str, str]]:
    titles = [(INTRODUCTION, _("Introduction"))]
    titles += [(s["key"], s["title"]) for s in report.build(network, year, languages.current())]
    return titles


@login_required
def report_latest(request, slug):
    network = _network(request, slug, "network.view_internal")
    return redirect(_url(network, timezone.localdate().year - 1))


@login_required
def annual_report(request, slug, year):
    """The report as a page: its body in the chosen language, the page around it in the reader's."""
    network = _network(request, slug, "network.view_internal")
    year = _year(year)
    language = _language(request)
    saved = AnnualReport.objects.filter(network=network, year=year).first()
    targets = list(saved.targets.select_related("indicator__plan")) if saved else []
    sections = report.build(network, year, language)
    narratives = saved.narratives if saved else {}
    with translation.override(language):
        body = render_to_string(
            "plans/report/_body.html",
            {
                "network": network,
                "year": year,
                "sections": sections,
                "introduction": narratives.get(INTRODUCTION, ""),
                "narratives": narratives,
                "targets": targets,
                "language": language,
            },
        )
    return render(
        request,
        "plans/report/report.html",
        {
            "network": network,
            "year": year,
            "body": body,
            "language": language,
            "languages": languages.choices(),
            "can_manage": permissions.can(request.user, "plan.manage", network),
            "uncarried": [t for t in targets if t.indicator_id is None],
            "years": [year - 1, year + 1] if year < timezone.localdate().year else [year - 1],
            "body_language_differs": language != languages.current(),
        },
    )


@login_required
def annual_report_pdf(request, slug, year):
    network = _network(request, slug, "network.view_internal")
    year = _year(year)
    language = _language(request)
    saved = AnnualReport.objects.filter(network=network, year=year).first()
    body = pdf.report_pdf(
        network,
        year,
        report.build(network, year, language),
        saved.narratives if saved else {},
        list(saved.targets.all()) if saved else [],
        language,
    )
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="annual-report-{year}-{language}.pdf"'
    return response


@login_required
def report_edit(request, slug, year):
    """The coordinator writes the narrative of each section and sets next year's target figures."""
    network = _network(request, slug, "network.view_internal")
    permissions.require(request.user, "plan.manage", network)
    year = _year(year)
    saved, _created = AnnualReport.objects.get_or_create(network=network, year=year)
    titles = _section_titles(network, year)
    if request.method == "POST" and "add_target" in request.POST:
        return _add_target(request, saved, titles)
    return edit_page(
        request,
        saved,
        lambda data, instance: NarrativeForm(data, instance=instance, sections=titles),
        network=network,
        template="plans/report/edit.html",
        context={
            "network": network,
            "year": year,
            "targets": list(saved.targets.all()),
            "target_form": TargetForm(),
        },
        saved=_("The report was saved."),
        after=_url(network, year, "report_edit"),
    )


def _add_target(request, saved, titles):
    network, year = saved.network, saved.year
    form = TargetForm(request.POST)
    if form.is_valid():
        with transaction.atomic():
            if earlier := once.claim(request, form):
                return redirect(earlier)
            target = form.save(commit=False)
            target.report = saved
            target.save()
            HistoryEntry.record(network, request.user, HistoryEntry.Action.CREATED, target)
            once.done(request, form, _url(network, year, "report_edit"))
        messages.success(request, _("The target figure was added."))
        return redirect(_url(network, year, "report_edit"))
    context = {
        "network": network,
        "year": year,
        "form": NarrativeForm(instance=saved, sections=titles),
        "targets": list(saved.targets.all()),
        "target_form": form,
    }
    return render(request, "plans/report/edit.html", context, status=400)


@require_POST
@login_required
def target_delete(request, slug, year, pk):
    network = _network(request, slug, "network.view_internal")
    permissions.require(request.user, "plan.manage", network)
    target = get_object_or_404(Target, report__network=network, report__year=year, pk=pk)
    with transaction.atomic():
        if Target.objects.filter(pk=target.pk).delete()[0]:
            HistoryEntry.record(network, request.user, HistoryEntry.Action.DELETED, target)
    messages.success(request, _("The target figure was removed."))
    return redirect(_url(network, year, "report_edit"))


@require_POST
@login_required
def targets_carry(request, slug, year):
    """Next year's target figures become indicators of next year's plan (made if there is none)."""
    network = _network(request, slug, "network.view_internal")
    permissions.require(request.user, "plan.manage", network)
    saved = get_object_or_404(AnnualReport, network=network, year=year)
    with transaction.atomic():
        plan = services.next_plan(saved, request.user)
        carried = services.carry_targets(report=saved, plan=plan)
    if carried:
        messages.success(request, _("The target figures are now indicators of “%(plan)s”.") % {"plan": plan})
    else:
        messages.info(request, _("Nothing was changed."))
    return redirect(plan.get_absolute_url())
