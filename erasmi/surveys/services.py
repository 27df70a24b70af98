"""Workflows of the surveys: building, answering once, the self-assessment, a new wave."""

import datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from erasmi.core import languages
from erasmi.networks.models import Network, Organisation, Person, Role
from erasmi.surveys import factors
from erasmi.surveys.models import (
    Answer,
    Cooperation,
    Participation,
    Question,
    Response,
    Survey,
    SurveyTranslation,
    Tally,
)

OPEN_DAYS = 28


class AlreadyAnswered(Exception):
    """The person (or this browser) has answered the survey before."""


def create_survey(*, network: Network, by, title: str, intro: str = "", language: str, **fields) -> Survey:
    with transaction.atomic():
        survey = Survey.objects.create(network=network, created_by=by, source_language=language, **fields)
        SurveyTranslation.objects.create(survey=survey, language=language, title=title, intro=intro)
    return survey


def original(survey: Survey) -> SurveyTranslation:
    return survey.translations.get(language=survey.source_language)


def save_question(survey: Survey, question: Question | None, *, kind: str, required: bool, text: str, choices: list):
    """Add a question at the end (question None) or change one; its wording goes into the original."""
    with transaction.atomic():
        if question is None:
            last = survey.questions.order_by("-position").values_list("position", flat=True).first()
            question = Question.objects.create(survey=survey, kind=kind, required=required, position=(last or 0) + 1)
        else:
            question.kind, question.required = kind, required
            question.save(update_fields=["kind", "required"])
        source = original(survey)
        wording = {"text": text}
        if kind in Question.CHOICE_KINDS:
            wording["choices"] = choices
        source.questions[str(question.pk)] = wording
        source.save()
    return question


def delete_question(question: Question) -> None:
    with transaction.atomic():
        for version in question.survey.translations.all():
            if version.questions.pop(str(question.pk), None) is not None:
                version.save(update_fields=["questions"])
        question.delete()


def move_question(question: Question, step: int) -> None:
    """Swap the question with its neighbour above (step -1) or below (step 1)."""
    with transaction.atomic():
        ordered = list(question.survey.questions.select_for_update().order_by("position", "pk"))
        index = next(i for i, q in enumerate(ordered) if q.pk == question.pk)
        other = index + step
        if 0 <= other < len(ordered):
            ordered[index], ordered[other] = ordered[other], ordered[index]
        for position, item in enumerate(ordered, start=1):
            if item.position != position:
                Question.objects.filter(pk=item.pk).update(position=position)


def save_translation(survey: Survey, language: str, *, title: str, intro: str, questions: dict) -> SurveyTranslation:
    source = original(survey)
    version = survey.translations.filter(language=language).first() or SurveyTranslation(
        survey=survey, language=language
    )
    version.title, version.intro, version.questions = title, intro, questions
    version.mark_translated_from(source)
    version.save()
    return version


def _organisation(survey: Survey, person: Person | None) -> Organisation | None:
    """The organisation the person answers for: the one the network recorded for them, else their own."""
    if person is None:
        return None
    role = Role.objects.filter(network=survey.network, person=person).select_related("record__organisation").first()
    if role and role.record_id:
        return role.record.organisation
    return person.organisation


@transaction.atomic
def answer(survey: Survey, person: Person | None, answers: dict, *, language: str = "") -> Response:
    """Store a person's answers, once. ``answers`` maps a question to its cleaned value.

    For anonymous surveys the response keeps neither the person nor the organisation, only the day and
    the actor type and sector (for breakdowns of groups of at least five). The participation is claimed
    in the same transaction: of two submissions at once, one is stored and the other refused.
    """
    if person is not None:
        try:
            with transaction.atomic():
                Participation.objects.create(survey=survey, person=person, date=timezone.localdate())
        except IntegrityError:
            raise AlreadyAnswered from None
    organisation = _organisation(survey, person)
    named = not survey.anonymous and person is not None
    response = Response.objects.create(
        survey=survey,
        date=timezone.localdate() if named else None,
        language=language if named else "",
        actor_type=organisation.actor_type if organisation else "",
        sector=organisation.sector if organisation else "",
        person=person if named else None,
        organisation=organisation if named else None,
    )
    rows, cooperations = [], []
    for question, value in answers.items():
        if value in (None, "", [], ()):
            continue
        if question.kind == Question.Kind.COOPERATION:
            # Stored for the network analysis only where the answering organisation is known.
            if named and organisation is not None:
                cooperations += [
                    Cooperation(
                        survey=survey,
                        question=question,
                        organisation=organisation,
                        partner=partner,
                        date=timezone.localdate(),
                    )
                    for partner in value
                    if partner.pk != organisation.pk
                ]
            rows += [
                Answer(response=response, question=question, value=None, text=str(partner.pk)) for partner in value
            ]
        elif question.kind == Question.Kind.MULTIPLE:
            rows += [Answer(response=response, question=question, value=int(choice)) for choice in value]
        elif question.kind in (Question.Kind.SINGLE, Question.Kind.SCALE):
            rows.append(Answer(response=response, question=question, value=int(value)))
        elif question.kind == Question.Kind.NUMBER:
            rows.append(Answer(response=response, question=question, number=Decimal(value)))
        elif question.kind == Question.Kind.DATE:
            rows.append(Answer(response=response, question=question, date=value))
        else:
            rows.append(Answer(response=response, question=question, text=str(value)))
    Answer.objects.bulk_create(rows)
    Cooperation.objects.bulk_create(cooperations, ignore_conflicts=True)
    _count(response, rows)
    return response


def groups_of(response: Response) -> list[str]:
    """The groups a response is counted in: all answers, its sector, migrant self-organisations."""
    groups = [Tally.ALL]
    if response.sector:
        groups.append(response.sector)
    if response.actor_type == Organisation.ActorType.MIGRANT_ORGANISATION:
        groups.append("migrant_org")
    return groups


def _count(response: Response, rows: list[Answer]) -> None:
    """Add one response's answers to the tallies (a few rows per question)."""
    counted: dict = {}
    for row in rows:
        counted.setdefault((row.question_id, Tally.ANSWERED), 1)
        if row.value is not None:
            counted[(row.question_id, row.value)] = counted.get((row.question_id, row.value), 0) + 1
        elif row.question.kind == Question.Kind.COOPERATION:
            counted[(row.question_id, int(row.text))] = 1
    for group in groups_of(response):
        for (question_id, value), n in counted.items():
            Tally.add(question_id, group, value, n)


def has_answered(survey: Survey, person: Person | None) -> bool:
    return person is not None and Participation.objects.filter(survey=survey, person=person).exists()


def start_self_assessment(network: Network, year: int, *, by=None) -> tuple[Survey, bool]:
    """The year's self-assessment of the network (made once, in all five languages); (survey, created)."""
    existing = Survey.objects.self_assessments().filter(network=network, year=year).first()
    if existing:
        return existing, False
    today = timezone.localdate()
    try:
        with transaction.atomic():
            survey = Survey.objects.create(
                network=network,
                kind=Survey.Kind.SELF_ASSESSMENT,
                year=year,
                source_language="en",
                anonymous=True,
                audience=Survey.Audience.MEMBERS,
                opens=today,
                closes=today + datetime.timedelta(days=OPEN_DAYS),
                created_by=by,
                previous=Survey.objects.self_assessments()
                .filter(network=network, year__lt=year)
                .order_by("-year")
                .first(),
            )
            questions = Question.objects.bulk_create(
                [
                    Question(survey=survey, kind=Question.Kind.SCALE, required=False, position=n, key=factor.key)
                    for n, factor in enumerate(factors.FACTORS, start=1)
                ]
            )
            if not questions[0].pk:  # backends that do not return ids from bulk inserts
                questions = list(survey.questions.order_by("position"))
            source = None
            for language in ["en", *[code for code in languages.codes() if code != "en"]]:
                if language not in factors.TITLE:
                    continue
                version = SurveyTranslation(
                    survey=survey,
                    language=language,
                    title=factors.TITLE[language].format(year=year),
                    intro=factors.INTRO[language],
                    questions={str(q.pk): {"text": factors.BY_KEY[q.key].statements[language]} for q in questions},
                )
                if source is None:
                    source = version
                else:
                    version.mark_translated_from(source)
                version.save()
    except IntegrityError:  # started at the same moment by another click
        return Survey.objects.self_assessments().get(network=network, year=year), False
    return survey, True


def copy_as_wave(survey: Survey, *, by=None) -> Survey:
    """The same survey again, as its next wave: questions and every language version, no answers."""
    length = survey.closes - survey.opens
    today = timezone.localdate()
    with transaction.atomic():
        wave = Survey.objects.create(
            network=survey.network,
            kind=Survey.Kind.CUSTOM,
            source_language=survey.source_language,
            anonymous=survey.anonymous,
            audience=survey.audience,
            working_group=survey.working_group,
            opens=today,
            closes=today + length,
            previous=survey,
            wave=survey.wave + 1,
            created_by=by,
        )
        mapping = {}
        for question in survey.questions.all():
            old = question.pk
            question.pk = None
            question.survey = wave
            question.save()
            mapping[str(old)] = str(question.pk)
        versions = list(survey.translations.all())
        source = next(v for v in versions if v.language == survey.source_language)
        up_to_date = {
            v.language for v in versions if v.state == v.State.TRANSLATED and v.source_digest == source.digest()
        }
        for version in versions:
            version.pk = None
            version.survey = wave
            version.questions = {mapping[k]: v for k, v in version.questions.items() if k in mapping}
        for version in versions:
            if version.language in up_to_date:
                version.source_digest = source.digest()
        # The original last: translations that were up to date stay so.
        for version in sorted(versions, key=lambda v: v.language == survey.source_language):
            version.save()
    return wave
