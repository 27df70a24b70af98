from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Q
from django.http import FileResponse, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from erasmi.compendium import exports, index, pdf, services
from erasmi.compendium.filters import SORTS, TERM_FACETS, PracticeFilter
from erasmi.compendium.forms import AcceptTermForm, MapTermForm, PracticeForm, ReviewForm
from erasmi.compendium.models import Practice, Term, TermProposal
from erasmi.compendium.template import SECTIONS
from erasmi.core import languages, once, pagecache, permissions
from erasmi.core.forms import locked
from erasmi.core.generation import GenerationUnavailable, unavailable_response
from erasmi.core.paging import paginate

FACET_TITLES = {
    "country": Term.Kind.COUNTRY.label,
    "network_type": Term.Kind.NETWORK_TYPE.label,
    "field": Term.Kind.FIELD_OF_ACTION.label,
    "target": Term.Kind.TARGET_GROUP.label,
    "formalisation": Term.Kind.FORMALISATION.label,
}


def _facets(terms, counts, flt: PracticeFilter, language: str) -> list[dict]:
    """The facet groups of the list page: the values with a count, and the chosen ones even without."""
    groups = []
    for param, kind in TERM_FACETS.items():
        options = []
        for term in terms.get(kind, {}).values():
            count, active = counts[param][term.pk], flt.is_active(param, term.pk)
            if count or active:
                options.append({"value": term.slug, "label": term.name(language), "count": count, "active": active})
        groups.append(
            {"param": param, "title": FACET_TITLES[param], "options": sorted(options, key=lambda o: o["label"])}
        )
    groups.append(
        {
            "param": "size",
            "title": _("Size"),
            "options": [
                {
                    "value": size,
                    "label": size.label,
                    "count": counts["size"][size],
                    "active": flt.is_active("size", size),
                }
                for size in Practice.Size
                if counts["size"][size] or flt.is_active("size", size)
            ],
        }
    )
    groups.append(
        {
            "param": "decade",
            "title": _("Founded"),
            "options": [
                {
                    "value": decade,
                    "label": f"{decade}–{decade + 9}",
                    "count": n,
                    "active": flt.is_active("decade", decade),
                }
                for decade, n in sorted(counts["decade"].items())
            ],
        }
    )
    return [group for group in groups if group["options"]]


@pagecache.cached_page(index.VERSION_KEY)
def practice_list(request):
    language = languages.current()
    flt, ids, idx = index.search(request.GET, language)
    page, query = paginate(request, ids, settings.ERASMI_PAGE_SIZE)
    items = [(p, p.translation(language)) for p in index.load(page.object_list)]
    chosen = _chosen(request.GET.getlist("p"), language)  # for a comparison; kept while searching on
    shown = {practice.slug for practice, _t in items}
    context = {
        "page": page,
        "items": items,
        "chosen": chosen,
        "chosen_slugs": {practice.slug for practice, _t in chosen},
        "chosen_elsewhere": [(practice, t) for practice, t in chosen if practice.slug not in shown],
        "facets": _facets(idx.terms, idx.counts(ids), flt, language),
        "filter": flt,
        "sorts": list(SORTS.items()),
        "query": query,
    }
    template = "compendium/_results.html" if request.headers.get("HX-Request") else "compendium/list.html"
    return render(request, template, context)


def _chosen(slugs: list[str], language: str) -> list:
    """The published practices chosen for a comparison, in the order chosen (at most four)."""
    slugs = list(dict.fromkeys(slug for slug in slugs if slug))[:MAX_COMPARED]
    if not slugs:
        return []
    found = {p.slug: p for p in Practice.objects.published().with_listing().filter(slug__in=slugs)}
    return [(found[slug], found[slug].translation(language)) for slug in slugs if slug in found]


def _visible(request, slug) -> Practice:
    practices = Practice.objects.with_listing().select_related("formalisation")
    practice = get_object_or_404(practices.prefetch_related("fields_of_action", "target_groups"), slug=slug)
    permissions.require(request.user, "practice.view", practice, hide=True)
    return practice


@pagecache.cached_page(index.VERSION_KEY)
def practice_detail(request, slug):
    practice = _visible(request, slug)
    language = languages.current()
    translation = practice.translation(language)
    return render(
        request,
        "compendium/detail.html",
        {
            "practice": practice,
            "t": translation,
            "sections": SECTIONS,
            "fallback": translation.language != language,
            "versions": [(code, languages.name(code)) for code in practice.available_languages()],
            "can_edit": permissions.can(request.user, "practice.edit", practice),
            "missing_languages": [
                (code, languages.name(code))
                for code in languages.codes()
                if code not in practice.available_languages() and code != language
            ],
            "can_review": permissions.can(request.user, "practice.review", practice),
            "can_see_history": permissions.can(request.user, "practice.history", practice),
        },
    )


def practice_pdf(request, slug):
    """The practice as on its page, as a PDF to print or pass on."""
    practice = _visible(request, slug)
    response = HttpResponse(pdf.practice_pdf(practice, languages.current()), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{practice.slug}.pdf"'
    return response


def compare(request):
    slugs = list(dict.fromkeys(request.GET.getlist("p")))
    language = languages.current()
    error = None
    practices = []
    if len(slugs) < 2:  # explained on the list, where the one chosen stays ticked
        messages.info(request, _("Tick at least two practices to compare them side by side."))
        chosen = QueryDict(mutable=True)
        chosen.setlist("p", slugs)
        return redirect(f"{reverse('compendium:list')}?{chosen.urlencode()}")
    if len(slugs) > MAX_COMPARED:
        error = _("Choose two to four practices to compare.")
    else:
        chosen = Practice.objects.published().with_listing().filter(slug__in=slugs).select_related("formalisation")
        found = {p.slug: p for p in chosen.prefetch_related("fields_of_action", "target_groups")}
        practices = [found[slug] for slug in slugs if slug in found]
        if len(practices) != len(slugs):
            error = _("One of the chosen practices does not exist or is not published.")
    columns = [(p, p.translation(language)) for p in practices]
    return render(
        request,
        "compendium/compare.html",
        {"columns": columns, "sections": SECTIONS, "error": error},
        status=400 if error and slugs else 200,
    )


MAX_COMPARED = 4
EXPORT_TYPES = {
    "json": "application/json; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "pdf": "application/pdf",
}


def export(request, fmt):
    """The compendium as a file: the whole (written once per change), or what the list's search and filters
    found, in the list's order."""
    language = request.GET.get("language") or languages.current()
    if language not in languages.codes():
        language = languages.current()
    filename = f"erasmi-compendium-{language}.{fmt}" if fmt == "pdf" else f"erasmi-compendium.{fmt}"
    flt, ids, _idx = index.search(request.GET, language)
    if flt.any and fmt == "pdf":
        try:
            try:
                body = exports.filtered_pdf(ids, language).read_bytes()
            except FileNotFoundError:  # removed as too old between the look and the reading: written again
                body = exports.filtered_pdf(ids, language).read_bytes()
        except GenerationUnavailable as error:
            return unavailable_response(request, error, back=(reverse("compendium:list"), _("Back to the compendium")))
    elif flt.any:
        body = exports.export_bytes(fmt, exports.export_queryset(ids), language)
    if flt.any:
        response = HttpResponse(body, content_type=EXPORT_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    try:
        path = exports.cached_file(fmt, language)
    except GenerationUnavailable as error:
        return unavailable_response(request, error, back=(reverse("compendium:list"), _("Back to the compendium")))
    return FileResponse(path.open("rb"), as_attachment=True, filename=filename, content_type=EXPORT_TYPES[fmt])


@login_required
def submit(request):
    form = PracticeForm(request.POST or None, language=request.POST.get("language") or languages.current())
    if request.method == "POST" and form.is_valid() and not Practice.objects.many_submitted_lately(request.user):
        with transaction.atomic():
            if earlier := once.claim(request, form):
                return redirect(earlier)
            practice = form.save_new(request.user)
            once.done(request, form, practice.get_absolute_url())
        messages.success(request, _("Thank you. Your practice was submitted and will be reviewed by an editor."))
        return redirect(practice.get_absolute_url())
    status = 200
    if form.is_bound and not form.errors:  # valid, but too many lately: each one is mailed to every editor
        form.add_error(None, _("Be patient, you are sending too many requests."))
        status = 429
    return render(
        request,
        "compendium/form.html",
        {"form": form, "form_sections": form.sections(SECTIONS), "practice": None},
        status=status,
    )


@login_required
def edit(request, slug, language):
    practice = _visible(request, slug)
    permissions.require(request.user, "practice.edit", practice)
    if language not in languages.codes():
        return redirect("compendium:edit", slug=slug, language=languages.current())
    if request.method != "POST":
        form = _practice_form(None, practice, language)
    else:
        with transaction.atomic():
            form = _practice_form(request.POST, locked(practice), language)
            if form.is_valid():
                proposes = practice.status == Practice.Status.PUBLISHED and not permissions.is_editor(request.user)
                if form.changed and proposes:
                    form.save_version(request.user)
                    messages.success(
                        request,
                        _("Your change was proposed. The published profile stays as it is until an editor accepts it."),
                    )
                elif form.changed:
                    form.save_version(request.user)
                    messages.success(request, _("Your changes were saved."))
                else:
                    messages.info(request, _("Nothing was changed."))
                return redirect(practice.get_absolute_url())
    return render(
        request,
        "compendium/form.html",
        {"form": form, "form_sections": form.sections(SECTIONS), "practice": practice},
        status=400 if form.errors else 200,
    )


def _practice_form(data, practice, language) -> PracticeForm:
    translation = practice.translations.filter(language=language).first()
    return PracticeForm(data, language=language, practice=practice, translation=translation)


@login_required
def review_queue(request):
    permissions.require(request.user, "practice.review_queue")
    practices = (
        Practice.objects.filter(~Q(status=Practice.Status.PUBLISHED) | Q(proposals__isnull=False))
        .distinct()
        .with_listing()
        .select_related("submitted_by")
        .order_by("-updated")
    )
    return render(request, "compendium/review_queue.html", {"items": [(p, p.translation()) for p in practices]})


@login_required
def mine(request):
    practices = Practice.objects.filter(submitted_by=request.user).with_listing().order_by("-updated")
    return render(request, "compendium/mine.html", {"items": [(p, p.translation()) for p in practices]})


@require_POST
@login_required
def review(request, slug):
    practice = _visible(request, slug)
    permissions.require(request.user, "practice.review", practice)
    form = ReviewForm(request.POST)
    if form.is_valid():
        services.review(
            practice, form.cleaned_data["decision"], reviewer=request.user, comment=form.cleaned_data["comment"]
        )
        messages.success(request, _("Your decision was recorded."))
    else:
        for error in form.errors.values():
            messages.error(request, error[0])
    return redirect("compendium:history", slug=slug)


@login_required
def history(request, slug):
    practice = _visible(request, slug)
    permissions.require(request.user, "practice.history", practice)
    revisions = list(practice.revisions.select_related("author"))  # newest first
    for position, revision in enumerate(revisions):
        previous = revisions[position + 1] if position + 1 < len(revisions) else None
        revision.changes = revision.changed_fields(previous)
    return render(
        request,
        "compendium/history.html",
        {
            "practice": practice,
            "t": practice.translation(),
            "revisions": revisions,
            "proposals": practice.proposals.select_related("author"),
            "review_form": ReviewForm(),
            "can_review": permissions.can(request.user, "practice.review", practice),
        },
    )


def _vocabulary_page(request, forms_of=None, status=200):
    language = languages.current()
    forms_of = forms_of or {}
    proposals = TermProposal.objects.prefetch_related("practices__translations")
    rows = [
        {
            "proposal": proposal,
            "practices": [(p, p.translation(language)) for p in proposal.practices.all()],
            "map_form": forms_of.get((proposal.pk, "map")) or MapTermForm(proposal=proposal, language=language),
            "accept_form": forms_of.get((proposal.pk, "accept")) or AcceptTermForm(proposal=proposal),
        }
        for proposal in proposals
    ]
    return render(request, "compendium/vocabulary.html", {"rows": rows}, status=status)


@login_required
def vocabulary_review(request):
    """Wordings no term matched, waiting for an editor to map them or accept them as terms."""
    permissions.require(request.user, "vocabulary.review")
    return _vocabulary_page(request)


@require_POST
@login_required
def vocabulary_decide(request, pk, decision):
    permissions.require(request.user, "vocabulary.review")
    if decision not in ("map", "accept"):
        return redirect("compendium:vocabulary")
    with transaction.atomic():
        proposal = TermProposal.objects.select_for_update().filter(pk=pk).first()
        if proposal is None:
            messages.info(request, _("This wording was already decided on."))
            return redirect("compendium:vocabulary")
        if decision == "map":
            form = MapTermForm(request.POST, proposal=proposal, language=languages.current())
            if form.is_valid():
                term = services.map_term_proposal(proposal, form.cleaned_data["term"])
        else:
            form = AcceptTermForm(request.POST, proposal=proposal)
            if form.is_valid():
                term = services.accept_term_proposal(proposal, form.names())
    if form.errors:
        return _vocabulary_page(request, {(pk, decision): form}, status=400)
    messages.success(
        request,
        _("“%(wording)s” now filters as “%(term)s”.") % {"wording": proposal.text, "term": term.name()},
    )
    return redirect("compendium:vocabulary")
