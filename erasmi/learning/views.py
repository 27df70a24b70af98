import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from erasmi.core import languages, once, permissions
from erasmi.core.forms import locked
from erasmi.learning import services
from erasmi.learning.forms import (
    AttachmentForm,
    CardSettingsForm,
    CardTranslationForm,
    ExerciseForm,
    NewItemForm,
    NoteForm,
    PageForm,
    QuestionsForm,
    UnitSettingsForm,
    UnitTranslationForm,
)
from erasmi.learning.models import (
    MethodCard,
    MethodCardTranslation,
    Progress,
    ReflectionNote,
    State,
    Unit,
    UnitTranslation,
)
from erasmi.learning.pdf import unit_pdf as build_unit_pdf


def _unit(request, slug, *, full: bool = False) -> Unit:
    units = Unit.objects.prefetch_related("translations")
    if full:
        cards = MethodCard.objects.visible_to(request.user).prefetch_related("translations")
        units = units.prefetch_related(Prefetch("cards", queryset=cards), "attachments")
    unit = get_object_or_404(units, slug=slug)
    permissions.require(request.user, "toolkit.view", unit, hide=True)
    return unit


def _progress(request, unit) -> Progress | None:
    if not request.user.is_authenticated:
        return None
    return Progress.objects.filter(user=request.user, unit=unit).first()


def _language_context(item, t, language) -> dict:
    return {
        "fallback": t is not None and t.language != language,
        "fallback_language": languages.name_in_words(t.language) if t is not None else "",
        "outdated": t is not None and t.state == State.OUTDATED,
        "versions": [(code, languages.name(code)) for code in item.available_languages()],
    }


def _missing_languages(item) -> list[tuple[str, str]]:
    return [(code, languages.name(code)) for code in languages.codes() if code not in item.available_languages()]


def _edit_context(language, heading, **extra) -> dict:
    return {"language": language, "language_label": languages.name(language), "heading": heading, **extra}


def index(request):
    language = languages.current()
    units = list(Unit.objects.visible_to(request.user).prefetch_related("translations"))
    progress = {}
    if request.user.is_authenticated:
        progress = {p.unit_id: p for p in Progress.objects.filter(user=request.user)}
    rows = []
    for unit in units:
        t = unit.translation(language)
        mine = progress.get(unit.pk)
        rows.append({"unit": unit, "t": t, "share": mine.share(len(t.pages)) if mine and t else None})
    return render(
        request, "learning/index.html", {"rows": rows, "can_edit": permissions.can(request.user, "toolkit.edit")}
    )


def unit_detail(request, slug):
    unit = _unit(request, slug, full=True)
    language = languages.current()
    t = unit.translation(language)
    if t is None:
        raise Http404
    progress = _progress(request, unit)
    return render(
        request,
        "learning/unit.html",
        {
            "unit": unit,
            "t": t,
            "cards": [(card, card.translation(language)) for card in unit.cards.all()],
            "files": [a for a in unit.attachments.all() if not a.is_image],
            "progress": progress,
            "share": progress.share(len(t.pages)) if progress else None,
            "can_edit": permissions.can(request.user, "toolkit.edit", unit),
            "missing_languages": [
                (c, languages.name(c)) for c in languages.codes() if c not in unit.available_languages()
            ],
            **_language_context(unit, t, language),
        },
    )


def unit_page(request, slug, number):
    unit = _unit(request, slug)
    language = languages.current()
    t = unit.translation(language)
    if t is None or not 1 <= number <= len(t.pages):
        raise Http404
    services.record(request.user, unit, pages=[number])
    images = [a for a in unit.attachments.filter(page=number) if a.is_image]
    return render(
        request,
        "learning/page.html",
        {
            "unit": unit,
            "t": t,
            "number": number,
            "page": t.pages[number - 1],
            "page_count": len(t.pages),
            "previous": number - 1 if number > 1 else None,
            "next": number + 1 if number < len(t.pages) else None,
            "images": images,
            "can_edit": permissions.can(request.user, "toolkit.edit", unit),
            **_language_context(unit, t, language),
        },
    )


def exercise(request, slug):
    unit = _unit(request, slug)
    language = languages.current()
    t = unit.translation(language)
    if t is None:
        raise Http404
    note = None
    if request.user.is_authenticated:
        note = ReflectionNote.objects.filter(user=request.user, unit=unit).first()
    note_form = NoteForm(instance=note)
    form = ExerciseForm(questions=t.questions)
    feedback = None
    status = 200
    if request.method == "POST" and "save_note" in request.POST:
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        note_form = NoteForm(request.POST, instance=note or ReflectionNote(user=request.user, unit=unit))
        if note_form.is_valid():
            note_form.save()
            messages.success(request, _("Your notes were saved. Only you can read them."))
            return redirect("learning:exercise", slug=slug)
        status = 400
    elif request.method == "POST":
        form = ExerciseForm(request.POST, questions=t.questions)
        if form.is_valid():
            feedback = services.check_answers(t.questions, form.chosen())
            services.record(request.user, unit, exercise_done=True)
        else:
            status = 400
    return render(
        request,
        "learning/exercise.html",
        {
            "unit": unit,
            "t": t,
            "form": form,
            "feedback": feedback,
            "note_form": note_form,
            "page_count": len(t.pages),
            **_language_context(unit, t, language),
        },
        status=status,
    )


def unit_pdf(request, slug):
    unit = _unit(request, slug, full=True)
    language = languages.current()
    t = unit.translation(language)
    if t is None:
        raise Http404
    cards = [(card, card.translation(language)) for card in unit.cards.all()]
    response = HttpResponse(build_unit_pdf(unit, t, cards, language), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="erasmi-toolkit-{unit.slug}-{language}.pdf"'
    return response


def card_list(request):
    language = languages.current()
    cards = MethodCard.objects.visible_to(request.user).prefetch_related("translations")
    return render(
        request,
        "learning/cards.html",
        {
            "cards": [(c, c.translation(language)) for c in cards],
            "can_edit": permissions.can(request.user, "toolkit.edit"),
        },
    )


def card_detail(request, slug):
    cards = MethodCard.objects.prefetch_related(
        "translations",
        Prefetch("units", queryset=Unit.objects.visible_to(request.user).prefetch_related("translations")),
    )
    card = get_object_or_404(cards, slug=slug)
    permissions.require(request.user, "toolkit.view", card, hide=True)
    language = languages.current()
    t = card.translation(language)
    if t is None:
        raise Http404
    return render(
        request,
        "learning/card.html",
        {
            "card": card,
            "t": t,
            "units": [(u, u.translation(language)) for u in card.units.all()],
            "can_edit": permissions.can(request.user, "toolkit.edit", card),
            "missing_languages": [
                (c, languages.name(c)) for c in languages.codes() if c not in card.available_languages()
            ],
            **_language_context(card, t, language),
        },
    )


def my_progress(request):
    language = languages.current()
    units = Unit.objects.published().prefetch_related("translations")
    progress, notes = {}, set()
    if request.user.is_authenticated:
        progress = {p.unit_id: p for p in Progress.objects.filter(user=request.user)}
        notes = set(ReflectionNote.objects.filter(user=request.user).exclude(text="").values_list("unit_id", flat=True))
    rows = []
    for unit in units:
        t = unit.translation(language)
        mine = progress.get(unit.pk)
        rows.append(
            {
                "unit": unit,
                "t": t,
                "progress": mine,
                "pages_seen": len(mine.pages_seen) if mine else 0,
                "share": mine.share(len(t.pages)) if mine else 0,
                "has_note": unit.pk in notes,
            }
        )
    return render(request, "learning/progress.html", {"rows": rows})


@require_POST
@login_required
def carry_over(request):
    """Progress the browser kept before signing in, added to the account (called by toolkit.js)."""
    if request.content_type != "application/json":  # a form's POST: its body was read already
        return JsonResponse({"error": "invalid"}, status=400)
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, RecursionError):  # not JSON, or nested deeper than the parser goes
        return JsonResponse({"error": "invalid"}, status=400)
    return JsonResponse({"units": services.carry_over(request.user, data)})


def attachment(request, slug, pk):
    unit = _unit(request, slug)
    item = get_object_or_404(unit.attachments, pk=pk)
    return FileResponse(item.file.open("rb"), as_attachment=not item.is_image, filename=item.original_name)


# --- Editors ---------------------------------------------------------------------------------------


def _editable_language(language):
    if language not in languages.codes():
        raise Http404


def _save_version(version, form_values: dict, user, original) -> None:
    for key, value in form_values.items():
        setattr(version, key, value)
    if original is not None and original.pk != version.pk:
        version.mark_translated_from(original)
    version.edited_by = user
    version.save()


@login_required
def unit_edit(request, slug, language):
    unit = _unit(request, slug)
    permissions.require(request.user, "toolkit.edit", unit)
    _editable_language(language)
    version = unit.translations.filter(language=language).first()
    original = unit.translations.filter(language=unit.original_language).first()
    if version is None:
        version = unit.translations.model(unit=unit, language=language)
        if original is not None:  # a new language version starts from the original's pages and questions
            version.pages, version.questions = original.pages, original.questions
    form = UnitTranslationForm(instance=version)
    if request.method == "POST":
        with transaction.atomic():
            form = UnitTranslationForm(request.POST, instance=locked(version) if version.pk else version)
            if form.is_valid():
                if form.changed or not version.pk:
                    _save_version(form.instance, {}, request.user, original)
                    messages.success(request, _("Your changes were saved."))
                else:
                    messages.info(request, _("Nothing was changed."))
                return redirect(unit.get_absolute_url())
    return render(
        request,
        "learning/edit.html",
        {
            "form": form,
            "unit": unit,
            "language": language,
            "language_label": languages.name(language),
            "heading": _("Edit the unit"),
        },
        status=400 if form.errors else 200,
    )


@login_required
def page_edit(request, slug, number, language):
    unit = _unit(request, slug)
    permissions.require(request.user, "toolkit.edit", unit)
    _editable_language(language)
    version = unit.translations.filter(language=language).first()
    if version is None:
        return redirect("learning:unit_edit", slug=slug, language=language)
    if not 1 <= number <= len(version.pages) + 1:
        raise Http404
    original = unit.translations.filter(language=unit.original_language).first()
    current = version.pages[number - 1] if number <= len(version.pages) else {"title": "", "body": ""}
    form = PageForm(initial=current)
    if request.method == "POST":
        with transaction.atomic():
            version = locked(version)
            current = version.pages[number - 1] if number <= len(version.pages) else {"title": "", "body": ""}
            form = PageForm(request.POST, initial=current)
            if form.is_valid():
                if form.changed:
                    pages = list(version.pages)
                    page = {"title": form.cleaned_data["title"], "body": form.cleaned_data["body"]}
                    if number <= len(pages):
                        pages[number - 1] = page
                    else:
                        pages.append(page)
                    _save_version(version, {"pages": pages}, request.user, original)
                    messages.success(request, _("Your changes were saved."))
                else:
                    messages.info(request, _("Nothing was changed."))
                with_language = reverse("learning:page", args=[slug, number])
                return redirect(with_language)
    return render(
        request,
        "learning/edit.html",
        {
            "form": form,
            "unit": unit,
            "language": language,
            "language_label": languages.name(language),
            "heading": _("Edit page %(number)s") % {"number": number},
        },
        status=400 if form.errors else 200,
    )


@login_required
def card_edit(request, slug, language):
    card = get_object_or_404(MethodCard.objects.prefetch_related("translations"), slug=slug)
    permissions.require(request.user, "toolkit.edit", card)
    _editable_language(language)
    version = card.translations.filter(language=language).first() or card.translations.model(
        card=card, language=language
    )
    original = card.translations.filter(language=card.original_language).first()
    form = CardTranslationForm(instance=version)
    if request.method == "POST":
        with transaction.atomic():
            form = CardTranslationForm(request.POST, instance=locked(version) if version.pk else version)
            if form.is_valid():
                if form.changed or not version.pk:
                    _save_version(form.instance, {}, request.user, original)
                    messages.success(request, _("Your changes were saved."))
                else:
                    messages.info(request, _("Nothing was changed."))
                return redirect(card.get_absolute_url())
    return render(
        request,
        "learning/edit.html",
        {
            "form": form,
            "card": card,
            "language": language,
            "language_label": languages.name(language),
            "heading": _("Edit the method card"),
        },
        status=400 if form.errors else 200,
    )


@login_required
def attachment_add(request, slug):
    unit = _unit(request, slug)
    permissions.require(request.user, "toolkit.edit", unit)
    t = unit.translation(unit.original_language)
    page_count = len(t.pages) if t else 0
    form = AttachmentForm(page_count=page_count)
    if request.method == "POST":
        form = AttachmentForm(request.POST, request.FILES, page_count=page_count)
        if form.is_valid():
            item = form.save(commit=False)
            item.unit, item.uploaded_by = unit, request.user
            item.original_name = form.cleaned_data["file"].name
            item.save()
            messages.success(request, _("The file was added."))
            return redirect(unit.get_absolute_url())
    return render(
        request,
        "learning/edit.html",
        {"form": form, "unit": unit, "heading": _("Add an image or a file"), "multipart": True},
        status=400 if form.errors else 200,
    )


def _new(request, model, version_model, parent_field: str, heading: str):
    permissions.require(request.user, "toolkit.edit")
    form = NewItemForm(model=model)
    if request.method == "POST":
        form = NewItemForm(request.POST, model=model)
        if form.is_valid():
            with transaction.atomic():
                if earlier := once.claim(request, form):  # a double click creates one
                    return redirect(earlier)
                if model.objects.filter(slug=form.cleaned_data["slug"]).exists():
                    form.add_error("slug", form.taken_message)
                    transaction.set_rollback(True)
                    return render(request, "learning/edit.html", {"form": form, "heading": heading}, status=400)
                language = languages.current()
                last = model.objects.order_by("-position").values_list("position", flat=True).first() or 0
                item = model.objects.create(
                    slug=form.cleaned_data["slug"], original_language=language, position=last + 1
                )
                version_model.objects.create(
                    **{parent_field: item},
                    language=language,
                    title=form.cleaned_data["title"],
                    summary=form.cleaned_data["summary"],
                    edited_by=request.user,
                )
                once.done(request, form, item.get_absolute_url())
            messages.success(request, _("The draft was created. It is public once you publish it."))
            return redirect(item.get_absolute_url())
    return render(request, "learning/edit.html", {"form": form, "heading": heading}, status=400 if form.errors else 200)


@login_required
def unit_new(request):
    return _new(request, Unit, UnitTranslation, "unit", _("New learning unit"))


@login_required
def card_new(request):
    return _new(request, MethodCard, MethodCardTranslation, "card", _("New method card"))


def _settings(request, item, form_class, heading: str, **context):
    permissions.require(request.user, "toolkit.edit", item)
    form = form_class(instance=item)
    if request.method == "POST":
        with transaction.atomic():
            form = form_class(request.POST, instance=locked(item))
            if form.is_valid():
                if form.changed:
                    form.save()
                    messages.success(request, _("Your changes were saved."))
                else:
                    messages.info(request, _("Nothing was changed."))
                return redirect(item.get_absolute_url())
    return render(
        request, "learning/edit.html", {"form": form, "heading": heading, **context}, status=400 if form.errors else 200
    )


@login_required
def unit_settings(request, slug):
    unit = _unit(request, slug)
    return _settings(request, unit, UnitSettingsForm, _("Publication and success factors"), unit=unit)


@login_required
def card_settings(request, slug):
    card = get_object_or_404(MethodCard, slug=slug)
    return _settings(request, card, CardSettingsForm, _("Publication and units"), card=card)


@login_required
def questions_edit(request, slug, language):
    unit = _unit(request, slug)
    permissions.require(request.user, "toolkit.edit", unit)
    _editable_language(language)
    version = unit.translations.filter(language=language).first()
    if version is None:
        return redirect("learning:unit_edit", slug=slug, language=language)
    original = unit.translations.filter(language=unit.original_language).first()
    form = QuestionsForm(initial={"questions": version.questions})
    if request.method == "POST":
        with transaction.atomic():
            version = locked(version)
            form = QuestionsForm(request.POST, initial={"questions": version.questions})
            if form.is_valid():
                if form.changed:
                    _save_version(version, {"questions": form.cleaned_data["questions"]}, request.user, original)
                    messages.success(request, _("Your changes were saved."))
                else:
                    messages.info(request, _("Nothing was changed."))
                return redirect("learning:exercise", slug=slug)
    return render(
        request,
        "learning/edit.html",
        {"form": form, "unit": unit, **_edit_context(language, _("Edit the exercise"))},
        status=400 if form.errors else 200,
    )
