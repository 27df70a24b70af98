"""A survey's answers as a table (one row per response) for CSV and XLSX (core.spreadsheets writes them)."""

from erasmi.networks.models import Organisation
from erasmi.surveys.models import Answer, Question, Response, Survey
from erasmi.surveys.results import options


def table(survey: Survey, language: str | None = None) -> tuple[list, list]:
    """Header and rows. Anonymous surveys: the answers only, in random order (no date, no organisation)."""
    version = survey.translation(language)
    questions = list(survey.questions.all())
    wordings = {q.pk: version.wording(q) if version else {} for q in questions}
    labels = {q.pk: dict(options(q, wordings[q.pk])) for q in questions}
    kinds = {q.pk: q.kind for q in questions}
    column = {q.pk: n for n, q in enumerate(questions)}
    names = {}
    if any(q.kind == Question.Kind.COOPERATION for q in questions):
        names = {str(pk): name for pk, name in Organisation.objects.values_list("pk", "name")}
    responses: dict = {}
    people = {}
    if not survey.anonymous:
        for response in survey.responses.select_related("person", "organisation"):
            people[response.pk] = [
                str(response.person) if response.person else "",
                str(response.organisation) if response.organisation else "",
                response.date,
            ]
    for response_id in Response.objects.filter(survey=survey).values_list("id", flat=True):
        responses[response_id] = [[] for _q in questions]
    rows = Answer.objects.filter(response__survey=survey).values_list(
        "response_id", "question_id", "value", "number", "date", "text"
    )
    for response_id, question_id, value, number, date, text in rows.order_by():
        kind = kinds[question_id]
        if kind == Question.Kind.SCALE:
            shown = value
        elif value is not None:
            shown = labels[question_id].get(value, value)
        elif number is not None:
            shown = number
        elif date is not None:
            shown = date
        elif kind == Question.Kind.COOPERATION:
            shown = names.get(text, text)
        else:
            shown = text
        responses[response_id][column[question_id]].append(shown)
    header = [wordings[q.pk].get("text", "") for q in questions]
    body = []
    for response_id in sorted(responses, key=str):
        cells = [_cell(values) for values in responses[response_id]]
        body.append(people.get(response_id, ["", "", None]) + cells if not survey.anonymous else cells)
    if not survey.anonymous:
        from django.utils.translation import gettext as _

        header = [_("Person"), _("Organisation"), _("Date"), *header]
    return header, body


def _cell(values: list):
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return "; ".join(str(value) for value in values)
