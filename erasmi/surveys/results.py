"""A survey's results, counted in the database: a fixed number of queries however many answers there are."""

from django.db.models import Avg, Count, F, Max, Min, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from erasmi.networks.models import Organisation
from erasmi.surveys import charts, factors
from erasmi.surveys.models import MIN_GROUP, Answer, Question, Response, Survey

TEXTS_SHOWN = 100  # free-text answers listed per question (all of them are in the export)
SCALE = range(1, 6)
GROUPS = [
    ("state", gettext_lazy("State actors")),
    ("non_state", gettext_lazy("Non-state actors")),
    ("migrant_org", gettext_lazy("Migrant self-organisations")),
]


def scale_label(value: int) -> str:
    if value == 1:
        return _("1 – does not apply at all")
    if value == 5:
        return _("5 – fully applies")
    return str(value)


def options(question: Question, wording: dict) -> list[tuple[int, str]]:
    if question.kind == Question.Kind.SCALE:
        return [(value, scale_label(value)) for value in SCALE]
    return list(enumerate(wording.get("choices") or []))


def min_group(survey: Survey) -> int:
    return MIN_GROUP if survey.anonymous else 1


def breakdowns(survey: Survey) -> dict:
    """Mean of each scale question per group (state, non-state, migrant self-organisations): two queries.

    {question id: {group: (answers, mean)}}; groups smaller than the survey's minimum are left out.
    """
    scale = Answer.objects.filter(question__survey=survey, question__kind=Question.Kind.SCALE, value__isnull=False)
    found: dict = {}
    rows = scale.exclude(response__sector="").values_list("question_id", "response__sector")
    for question_id, group, n, mean in rows.annotate(n=Count("id"), mean=Avg("value")).order_by():
        found.setdefault(question_id, {})[group] = (n, mean)
    migrants = scale.filter(response__actor_type=Organisation.ActorType.MIGRANT_ORGANISATION).values_list("question_id")
    for question_id, n, mean in migrants.annotate(n=Count("id"), mean=Avg("value")).order_by():
        found.setdefault(question_id, {})["migrant_org"] = (n, mean)
    least = min_group(survey)
    return {q: {g: v for g, v in groups.items() if v[0] >= least} for q, groups in found.items()}


def results(survey: Survey, language: str | None = None) -> dict:
    """Everything the results page shows (about eight queries)."""
    version = survey.translation(language)
    questions = list(survey.questions.all())
    answers = Answer.objects.filter(question__survey=survey)
    total = Response.objects.filter(survey=survey).count()
    answered = dict(answers.values_list("question_id").annotate(n=Count("response_id", distinct=True)).order_by())
    counts: dict = {}
    for question_id, value, n in (
        answers.filter(value__isnull=False).values_list("question_id", "value").annotate(n=Count("id")).order_by()
    ):
        counts.setdefault(question_id, {})[value] = n
    figures = {
        row["question_id"]: row
        for row in answers.filter(question__kind__in=[Question.Kind.NUMBER, Question.Kind.DATE])
        .values("question_id")
        .annotate(avg=Avg("number"), low=Min("number"), high=Max("number"), first=Min("date"), last=Max("date"))
        .order_by()
    }
    texts: dict = {}
    listed = (
        answers.filter(question__kind=Question.Kind.TEXT)
        .annotate(row=Window(RowNumber(), partition_by=[F("question_id")], order_by=[F("text").asc()]))
        .filter(row__lte=TEXTS_SHOWN)
        .values_list("question_id", "text")
    )
    for question_id, text in listed:
        texts.setdefault(question_id, []).append(text)
    partners: dict = {}
    cooperation = answers.filter(question__kind=Question.Kind.COOPERATION).values_list("question_id", "text")
    for question_id, text, n in cooperation.annotate(n=Count("id")).order_by():
        partners.setdefault(question_id, {})[int(text)] = n
    names = dict(
        Organisation.objects.filter(pk__in={pk for found in partners.values() for pk in found}).values_list(
            "pk", "name"
        )
    )
    groups = breakdowns(survey)
    shown = []
    for question in questions:
        wording = version.wording(question) if version else {}
        item = {"question": question, "text": wording.get("text", ""), "answered": answered.get(question.pk, 0)}
        if question.kind in (*Question.CHOICE_KINDS, Question.Kind.SCALE):
            found = counts.get(question.pk, {})
            rows = [(label, found.get(value, 0)) for value, label in options(question, wording)]
            item["rows"] = [
                (label, n, round(100 * n / item["answered"]) if item["answered"] else 0) for label, n in rows
            ]
            item["chart"] = charts.bars([(label, [n]) for label, n in rows], maximum=max([n for _l, n in rows] or [0]))
            if question.kind == Question.Kind.SCALE and found:
                n = sum(found.values())
                item["mean"] = sum(value * count for value, count in found.items()) / n
                item["groups"] = [
                    (label, *groups[question.pk][key]) for key, label in GROUPS if key in groups.get(question.pk, {})
                ]
        elif question.kind == Question.Kind.COOPERATION:
            found = sorted(partners.get(question.pk, {}).items(), key=lambda kv: (-kv[1], names.get(kv[0], "")))
            rows = [(names.get(pk, "–"), n) for pk, n in found]
            item["rows"] = [
                (label, n, round(100 * n / item["answered"]) if item["answered"] else 0) for label, n in rows
            ]
            item["chart"] = charts.bars([(label, [n]) for label, n in rows], maximum=max([n for _l, n in rows] or [0]))
        elif question.kind in (Question.Kind.NUMBER, Question.Kind.DATE):
            item["figures"] = figures.get(question.pk)
        else:
            item["texts"] = texts.get(question.pk, [])
            item["more_texts"] = item["answered"] > TEXTS_SHOWN
        shown.append(item)
    return {"survey": survey, "version": version, "total": total, "questions": shown, "min_group": min_group(survey)}


def profile(network, years: int = 2, until: int | None = None) -> dict:
    """The self-assessments of the network: mean per factor in each of the latest years (until a year)."""
    assessments = Survey.objects.self_assessments().filter(network=network)
    if until is not None:
        assessments = assessments.filter(year__lte=until)
    assessments = list(assessments.order_by("-year")[:years])
    assessments.reverse()
    means: dict = {}
    rows = (
        Answer.objects.filter(question__survey__in=assessments, value__isnull=False)
        .values_list("question__survey__year", "question__key")
        .annotate(mean=Avg("value"), n=Count("id"))
        .order_by()
    )
    for year, key, mean, n in rows:
        means[(year, key)] = (mean, n)
    table = []
    for factor in factors.FACTORS:
        values = [means.get((survey.year, factor.key), (None, 0))[0] for survey in assessments]
        table.append({"factor": factor, "means": values})
    chart = charts.bars([(str(row["factor"].label), row["means"]) for row in table], maximum=5.0)
    return {"assessments": assessments, "table": table, "chart": chart}


def profile_by_group(survey: Survey) -> list[dict]:
    """The self-assessment's factors per group (state, non-state, migrant self-organisations), groups of >= 5."""
    groups = breakdowns(survey)
    keys = dict(survey.questions.values_list("pk", "key"))
    by_key = {keys[q]: found for q, found in groups.items()}
    shown = [key for key, _label in GROUPS if any(key in found for found in by_key.values())]
    table = []
    for factor in factors.FACTORS:
        found = by_key.get(factor.key, {})
        table.append({"factor": factor, "means": [found.get(group, (0, None))[1] for group in shown]})
    labels = dict(GROUPS)
    return {"groups": [labels[g] for g in shown], "table": table}
