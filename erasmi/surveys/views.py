from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from erasmi.core import languages, once, permissions
from erasmi.core.forms import locked
from erasmi.core.spreadsheets import XLSX_TYPE, csv_response, xlsx_bytes
from erasmi.networks.models import HistoryEntry, Person
from erasmi.networks.views import _network
from erasmi.surveys import exports, results, services
from erasmi.surveys.forms import (
    AnswerForm,
    EditQuestionForm,
    EditSurveyForm,
    NewSurveyForm,
    QuestionForm,
    TranslationForm,
    WaveForm,
)
from erasmi.surveys.models import Question, Survey

COOKIE = "answered-{}"
COOKIE_SALT = "erasmi.surveys.answered"
COOKIE_AGE = 60 * 60 * 24 * 400


def _survey(request, slug, pk, action="survey.manage") -> Survey:
    network = _network(request, slug, "network.view_internal")
    survey = get_object_or_404(
        Survey.objects.select_related("network").prefetch_related("translations"), pk=pk, network=network
    )
    if action:
        permissions.require(request.user, action, survey, hide=True)
    return survey


@login_required
def survey_list(request, slug):
    network = _network(request, slug, "network.view_internal")
    can_manage = permissions.can(request.user, "network.manage", network)
    surveys = network.surveys.prefetch_related("translations").select_related("working_group")
    if not can_manage:
        # Members see open surveys that have questions (not one the coordinator is still writing).
        surveys = surveys.open().filter(Exists(Question.objects.filter(survey=OuterRef("pk"))))
    surveys = list(surveys)
    person = Person.objects.filter(user=request.user).first()
    answered = set(person.survey_participations.values_list("survey_id", flat=True)) if person else set()
    for survey in surveys:
        survey.answered = survey.pk in answered
        survey.can_answer = survey.pk not in answered and permissions.can(request.user, "survey.answer", survey)
    context = {"network": network, "surveys": surveys, "can_manage": can_manage, "year": timezone.localdate().year}
    return render(request, "surveys/list.html", context)


@login_required
def survey_create(request, slug):
    network = _network(request, slug, "network.manage")
    form = NewSurveyForm(request.POST if request.method == "POST" else None, network=network)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if earlier := once.claim(request, form):
                return redirect(earlier)
            data = form.cleaned_data
            survey = services.create_survey(
                network=network,
                by=request.user,
                title=data["title"],
                intro=data["intro"],
                language=data["language"],
                anonymous=data["anonymous"],
                audience=data["audience"],
                working_group=data["working_group"],
                opens=data["opens"],
                closes=data["closes"],
            )
            HistoryEntry.record(network, request.user, HistoryEntry.Action.CREATED, survey, kind="survey")
            once.done(request, form, survey.get_absolute_url())
        messages.success(request, _("The survey was created. Now add its questions."))
        return redirect(survey)
    return render(request, "surveys/form.html", {"network": network, "form": form}, status=400 if form.errors else 200)


@login_required
def survey_detail(request, slug, pk):
    """The builder: the questions in order, with what a coordinator does to each."""
    survey = _survey(request, slug, pk)
    version = survey.translation()
    questions = [(q, version.wording(q) if version else {}) for q in survey.questions.all()]
    versions = {t.language: t for t in survey.translations.all()}
    translations = [(code, languages.name(code), versions.get(code)) for code in languages.codes()]
    context = {
        "network": survey.network,
        "survey": survey,
        "version": version,
        "questions": questions,
        "translations": translations,
        "form": QuestionForm(initial={"kind": Question.Kind.SCALE, "required": True}),
        "public_url": request.build_absolute_uri(reverse("surveys_public:public", args=[survey.token]))
        if survey.is_public
        else None,
        "responses": survey.responses.count(),
        "wave_form": WaveForm(),
    }
    return render(request, "surveys/detail.html", context)


def _survey_initial(survey):
    source = services.original(survey)
    return {
        "title": source.title,
        "intro": source.intro,
        "anonymous": survey.anonymous,
        "audience": survey.audience,
        "working_group": survey.working_group,
        "opens": survey.opens,
        "closes": survey.closes,
    }


@login_required
def survey_edit(request, slug, pk):
    survey = _survey(request, slug, pk)
    if request.method != "POST":
        form = EditSurveyForm(initial=_survey_initial(survey), network=survey.network)
    else:
        with transaction.atomic():
            survey = locked(survey)
            form = EditSurveyForm(request.POST, initial=_survey_initial(survey), network=survey.network)
            if form.is_valid():
                if form.changed:
                    data = form.cleaned_data
                    if survey.responses.exists() and "anonymous" in form.changes:
                        messages.error(request, _("A survey that has answers keeps its anonymity."))
                        return redirect("surveys:edit", survey.network.slug, survey.pk)
                    for name in ("anonymous", "audience", "working_group", "opens", "closes"):
                        setattr(survey, name, data[name])
                    survey.save()
                    if {"title", "intro"} & set(form.changes):
                        source = services.original(survey)
                        source.title, source.intro = data["title"], data["intro"]
                        source.save()
                    summary = form.change_summary()
                    HistoryEntry.record(survey.network, request.user, HistoryEntry.Action.CHANGED, survey, summary)
                    messages.success(request, _("The survey was saved."))
                else:
                    messages.info(request, _("Nothing was changed."))
                return redirect(survey)
    context = {"network": survey.network, "survey": survey, "form": form}
    return render(request, "surveys/form.html", context, status=400 if form.errors else 200)


def _question_initial(survey, question):
    wording = services.original(survey).wording(question)
    return {
        "text": wording.get("text", ""),
        "kind": question.kind,
        "required": question.required,
        "choices": "\n".join(wording.get("choices", [])),
    }


@login_required
def question_add(request, slug, pk):
    survey = _survey(request, slug, pk)
    form = QuestionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.save_question(
            survey, None, kind=data["kind"], required=data["required"], text=data["text"], choices=form.choice_list()
        )
        messages.success(request, _("The question was added."))
        return redirect(survey)
    context = {"network": survey.network, "survey": survey, "form": form}
    return render(request, "surveys/question.html", context, status=400 if form.errors else 200)


@login_required
def question_edit(request, slug, pk, question):
    survey = _survey(request, slug, pk)
    question = get_object_or_404(survey.questions, pk=question)
    if request.method != "POST":
        form = EditQuestionForm(initial=_question_initial(survey, question))
    else:
        with transaction.atomic():
            question = locked(question)
            form = EditQuestionForm(request.POST, initial=_question_initial(survey, question))
            if form.is_valid() and "kind" in form.changes and question.answers.exists():
                form.add_error("kind", _("A question that has answers keeps its type."))
            if form.is_valid():
                if form.changed:
                    data = form.cleaned_data
                    services.save_question(
                        survey,
                        question,
                        kind=data["kind"],
                        required=data["required"],
                        text=data["text"],
                        choices=form.choice_list(),
                    )
                    messages.success(request, _("The question was saved."))
                else:
                    messages.info(request, _("Nothing was changed."))
                return redirect(survey)
    context = {"network": survey.network, "survey": survey, "form": form, "question": question}
    return render(request, "surveys/question.html", context, status=400 if form.errors else 200)


@login_required
def question_delete(request, slug, pk, question):
    survey = _survey(request, slug, pk)
    question = get_object_or_404(survey.questions, pk=question)
    if request.method == "POST":
        services.delete_question(question)
        messages.success(request, _("The question was deleted."))
        return redirect(survey)
    wording = survey.translation().wording(question)
    context = {"network": survey.network, "survey": survey, "question": question, "text": wording.get("text", "")}
    return render(request, "surveys/question_delete.html", context)


@login_required
@require_POST
def question_move(request, slug, pk, question):
    survey = _survey(request, slug, pk)
    question = get_object_or_404(survey.questions, pk=question)
    services.move_question(question, -1 if request.POST.get("direction") == "up" else 1)
    return redirect(f"{survey.get_absolute_url()}#question-{question.pk}")


@login_required
def translation_edit(request, slug, pk, language):
    survey = _survey(request, slug, pk)
    if language not in languages.codes() or language == survey.source_language:
        raise Http404
    source = services.original(survey)
    version = survey.translations.filter(language=language).first()
    questions = list(survey.questions.all())
    form = TranslationForm(
        request.POST if request.method == "POST" else None, questions=questions, source=source, version=version
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.save_translation(survey, language, title=data["title"], intro=data["intro"], questions=form.wording())
        messages.success(request, _("The translation was saved."))
        return redirect(survey)
    context = {
        "network": survey.network,
        "survey": survey,
        "form": form,
        "language_name": languages.name(language),
        "version": version,
        "language": language,
    }
    return render(request, "surveys/translation.html", context, status=400 if form.errors else 200)


def _answer_page(request, survey, person, *, action_url, answered: bool):
    version = survey.translation()
    questions = list(survey.questions.all())
    if not questions:
        raise Http404  # still being written: nothing to answer yet
    form = AnswerForm(
        request.POST if request.method == "POST" else None, survey=survey, questions=questions, version=version
    )
    context = {"survey": survey, "version": version, "form": form, "network": survey.network, "action": action_url}
    if version and version.language != languages.current():
        # Not yet translated into the reader's language: say so, and mark the wording's language.
        context |= {"shown_in": version.language, "shown_in_name": languages.name_in_words(version.language)}
    if answered:
        return render(request, "surveys/answered.html", context)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer(survey, person, form.answers(), language=languages.current())
        except services.AlreadyAnswered:
            return render(request, "surveys/answered.html", context)
        response = render(request, "surveys/answered.html", {**context, "thanks": True})
        if person is None:
            response.set_signed_cookie(
                COOKIE.format(survey.pk), "1", salt=COOKIE_SALT, max_age=COOKIE_AGE, httponly=True, samesite="Lax"
            )
        return response
    return render(request, "surveys/answer.html", context, status=400 if form.errors else 200)


@login_required
def survey_answer(request, slug, pk):
    survey = _survey(request, slug, pk, action=None)
    if not permissions.can(request.user, "survey.answer", survey):
        if survey.network and permissions.can(request.user, "network.view_internal", survey.network):
            return render(request, "surveys/closed.html", {"survey": survey, "network": survey.network}, status=403)
        raise Http404
    person = Person.for_user(request.user)
    answered = services.has_answered(survey, person)
    return _answer_page(request, survey, person, action_url=request.path, answered=answered)


def public_answer(request, token):
    """A public link: anyone answers, once per browser (a signed cookie); no address or account is kept."""
    survey = get_object_or_404(
        Survey.objects.select_related("network").prefetch_related("translations"),
        token=token,
        audience=Survey.Audience.PUBLIC,
    )
    if not survey.is_open():
        return render(request, "surveys/closed.html", {"survey": survey, "network": survey.network}, status=403)
    answered = request.get_signed_cookie(COOKIE.format(survey.pk), default=None, salt=COOKIE_SALT) == "1"
    return _answer_page(request, survey, None, action_url=request.path, answered=answered)


@login_required
def survey_results(request, slug, pk):
    survey = _survey(request, slug, pk)
    context = {"network": survey.network, **results.results(survey)}
    if survey.kind == Survey.Kind.SELF_ASSESSMENT:
        context["by_group"] = results.profile_by_group(survey)
    if not survey.anonymous:
        context["respondents"] = list(
            survey.responses.filter(person__isnull=False)
            .select_related("person", "organisation")
            .order_by("person__last_name", "person__first_name")
        )
    return render(request, "surveys/results.html", context)


@login_required
def results_csv(request, slug, pk):
    survey = _survey(request, slug, pk)
    header, rows = exports.table(survey)
    return csv_response([header, *rows], f"survey-{survey.pk}.csv", local=request.GET.get("format") != "plain")


@login_required
def results_xlsx(request, slug, pk):
    survey = _survey(request, slug, pk)
    header, rows = exports.table(survey)
    response = HttpResponse(xlsx_bytes(header, rows, title=survey.title()[:31] or "survey"), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="survey-{survey.pk}.xlsx"'
    return response


@login_required
@require_POST
def new_wave(request, slug, pk):
    survey = _survey(request, slug, pk)
    form = WaveForm(request.POST)
    form.is_valid()
    with transaction.atomic():
        if earlier := once.claim(request, form):
            return redirect(earlier)
        wave = services.copy_as_wave(survey, by=request.user)
        HistoryEntry.record(survey.network, request.user, HistoryEntry.Action.CREATED, wave, kind="survey")
        once.done(request, form, wave.get_absolute_url())
    messages.success(request, _("A new wave of the survey was created. Check its dates before it opens."))
    return redirect(wave)


@login_required
def compare(request, slug, pk):
    """This wave beside the previous one, question by question (the same position)."""
    survey = _survey(request, slug, pk)
    if not survey.previous_id:
        raise Http404
    previous = _survey(request, slug, survey.previous_id)
    now, before = results.results(survey), results.results(previous)
    pairs = []
    earlier = {item["question"].position: item for item in before["questions"]}
    for item in now["questions"]:
        pairs.append((item, earlier.get(item["question"].position)))
    context = {"network": survey.network, "survey": survey, "previous": previous, "now": now, "before": before}
    context["pairs"] = pairs
    return render(request, "surveys/compare.html", context)


@login_required
@require_POST
def self_assessment_start(request, slug):
    network = _network(request, slug, "network.manage")
    this_year = timezone.localdate().year
    try:
        year = int(request.POST.get("year") or this_year)
    except ValueError:
        year = this_year
    if not this_year - 1 <= year <= this_year + 1:  # an odd number made a survey for year -5 or a server error
        year = this_year
    survey, created = services.start_self_assessment(network, year, by=request.user)
    if created:
        HistoryEntry.record(network, request.user, HistoryEntry.Action.CREATED, survey, kind="survey")
        messages.success(request, _("The self-assessment is open for the members for four weeks."))
    return redirect(survey)


@login_required
def self_assessment_profile(request, slug):
    network = _network(request, slug, "network.manage")
    found = results.profile(network)
    # The toolkit's units for the weakest factors of the latest year (rated below 3.5 of 5).
    from erasmi.learning.services import units_for_factors

    latest = [(row["means"][-1], row["factor"].key) for row in found["table"] if row["means"] and row["means"][-1]]
    weak = [key for mean, key in sorted(latest) if mean < WEAK][:3]
    context = {"network": network, **found, "weak": weak, "suggestions": units_for_factors(weak, get_language())}
    return render(request, "surveys/profile.html", context)


WEAK = 3.5  # a factor rated below this (1 to 5) is weak: the profile suggests the toolkit's units for it
