"""A survey's results, counted in the database: a fixed number of queries however many answers there are."""

from django.db.models import Avg, Max, Min
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from erasmi.networks.models import Organisation
from erasmi.surveys import charts, factors
from erasmi.surveys.models import MIN_GROUP, Answer, Question, Response, Survey, Tally

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


def _tallies(question_ids) -> dict:
    """{(question id, group): {value: count}} from the tallies, one query."""
    found: dict = {}
    rows = Tally.objects.filter(question_id__in=list(question_ids)).values_list(
        "question_id", "group", "value", "count"
    )
    for question_id, group, value, count in rows:
        found.setdefault((question_id, group), {})[value] = count
    return found


def _mean(counts: dict) -> tuple[int, float | None]:
    """(answers, mean) of a scale question's counts."""
    n = counts.get(Tally.ANSWERED, 0)
    given = sum(count for value, count in counts.items() if value != Tally.ANSWERED)
    total = sum(value * count for value, count in counts.items() if value != Tally.ANSWERED)
    return n, (total / given if given else None)


def breakdowns(survey: Survey, tallies: dict | None = None, questions: list | None = None) -> dict:
    """Mean of each scale question per group (state, non-state, migrant self-organisations).

    {question id: {group: (answers, mean)}}; groups smaller than the survey's minimum are left out, and
    so is a group whose rest is: beside the mean of all answers, a group's mean gives away the mean of
    the others (all but one state actor answered: the one other answer is exact).
    """
    questions = survey.questions.all() if questions is None else questions
    scale = [q.pk for q in questions if q.kind == Question.Kind.SCALE]
    tallies = _tallies(scale) if tallies is None else tallies
    least = min_group(survey)
    found: dict = {}
    for question_id in scale:
        total = _mean(tallies.get((question_id, Tally.ALL), {}))[0]
        sizes = {group: _mean(tallies.get((question_id, group), {})) for group, _label in GROUPS}
        for group, (n, mean) in sizes.items():
            if mean is None or not _safe(n, least) or not _safe(total - n, least):
                continue
            # Migrant self-organisations are within a sector too: the difference to it is a group as well.
            if group == "migrant_org" and not all(_safe(abs(sizes[s][0] - n), least) for s in ("state", "non_state")):
                continue
            found.setdefault(question_id, {})[group] = (n, mean)
    return found


def _safe(n: int, least: int) -> bool:
    """A number of answers that may be shown as a group: none, or at least the survey's minimum."""
    return n == 0 or n >= least


def _texts(question_ids) -> dict:
    """The first TEXTS_SHOWN free-text answers of each question, alphabetically (one query per question)."""
    return {
        question_id: list(
            Answer.objects.filter(question_id=question_id).order_by("text").values_list("text", flat=True)[:TEXTS_SHOWN]
        )
        for question_id in question_ids
    }


def _rows(pairs, answered):
    return [(label, n, round(100 * n / answered) if answered else 0) for label, n in pairs]


def _chart(pairs):
    return charts.bars([(label, [n]) for label, n in pairs], maximum=max([n for _label, n in pairs] or [0]))


def results(survey: Survey, language: str | None = None) -> dict:
    """Everything the results page shows, read from the tallies: a fixed number of queries, whatever the
    number of answers (one more per free-text question)."""
    version = survey.translation(language)
    questions = list(survey.questions.all())
    total = Response.objects.filter(survey=survey).count()
    tallies = _tallies(q.pk for q in questions)
    figured = [q.pk for q in questions if q.kind in (Question.Kind.NUMBER, Question.Kind.DATE)]
    figures = {}
    if figured:
        figures = {
            row["question_id"]: row
            for row in Answer.objects.filter(question_id__in=figured)
            .values("question_id")
            .annotate(avg=Avg("number"), low=Min("number"), high=Max("number"), first=Min("date"), last=Max("date"))
            .order_by()
        }
    texts = _texts(q.pk for q in questions if q.kind == Question.Kind.TEXT)
    cooperation = [q.pk for q in questions if q.kind == Question.Kind.COOPERATION]
    partner_ids = {value for q in cooperation for value in tallies.get((q, Tally.ALL), {}) if value != Tally.ANSWERED}
    names = dict(Organisation.objects.filter(pk__in=partner_ids).values_list("pk", "name")) if partner_ids else {}
    groups = breakdowns(survey, tallies, questions)
    shown = []
    for question in questions:
        wording = version.wording(question) if version else {}
        counts = tallies.get((question.pk, Tally.ALL), {})
        answered = counts.get(Tally.ANSWERED, 0)
        item = {"question": question, "text": wording.get("text", ""), "answered": answered}
        if question.kind in (*Question.CHOICE_KINDS, Question.Kind.SCALE):
            pairs = [(label, counts.get(value, 0)) for value, label in options(question, wording)]
            item["rows"], item["chart"] = _rows(pairs, answered), _chart(pairs)
            if question.kind == Question.Kind.SCALE and answered:
                item["mean"] = _mean(counts)[1]
                item["groups"] = [
                    (label, *groups[question.pk][key]) for key, label in GROUPS if key in groups.get(question.pk, {})
                ]
        elif question.kind == Question.Kind.COOPERATION:
            given = [(pk, n) for pk, n in counts.items() if pk != Tally.ANSWERED]
            given.sort(key=lambda pair: (-pair[1], names.get(pair[0], "")))
            pairs = [(names.get(pk, "–"), n) for pk, n in given]
            item["rows"], item["chart"] = _rows(pairs, answered), _chart(pairs)
        elif question.kind in (Question.Kind.NUMBER, Question.Kind.DATE):
            item["figures"] = figures.get(question.pk)
        else:
            item["texts"] = texts.get(question.pk, [])
            item["more_texts"] = answered > TEXTS_SHOWN
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
        Tally.objects.filter(question__survey__in=assessments, group=Tally.ALL)
        .values_list("question__survey__year", "question__key", "value", "count")
        .order_by()
    )
    counted: dict = {}
    for year, key, value, count in rows:
        counted.setdefault((year, key), {})[value] = count
    for (year, key), counts in counted.items():
        n, mean = _mean(counts)
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
