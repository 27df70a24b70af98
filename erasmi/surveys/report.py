"""The surveys' part of a network's annual report (the plans app includes it; see section())."""

from django.db.models import Count
from django.utils import translation

from erasmi.surveys import results
from erasmi.surveys.models import Survey


def section(network, year: int, language: str) -> dict:
    """The year's surveys and self-assessment of the network: a template and its figures.

    ``surveys``: each survey that opened in the year with its title in the language and its number of
    answers. ``profile``: the self-assessment's mean per factor this year and the year before (None
    where there is none), ``weakest``: the keys of the three factors rated lowest this year.
    """
    with translation.override(language):
        surveys = (
            Survey.objects.filter(network=network, opens__year=year)
            .annotate(answers=Count("responses"))
            .prefetch_related("translations")
            .order_by("opens", "pk")
        )
        listed = [
            {
                "title": survey.title(language),
                "kind": survey.kind,
                "answers": survey.answers,
                "opens": survey.opens,
                "closes": survey.closes,
                "anonymous": survey.anonymous,
            }
            for survey in surveys
        ]
        assessments = Survey.objects.self_assessments().filter(network=network, year__in=[year - 1, year])
        profile = None
        weakest = []
        if any(survey.year == year for survey in assessments):
            found = results.profile(network, years=2, until=year)
            years = [survey.year for survey in found["assessments"]]
            rows = []
            for row in found["table"]:
                by_year = dict(zip(years, row["means"], strict=True))
                rows.append(
                    {
                        "key": row["factor"].key,
                        "label": str(row["factor"].label),
                        "mean": by_year.get(year),
                        "previous": by_year.get(year - 1),
                    }
                )
            profile = rows
            rated = [row for row in rows if row["mean"] is not None]
            weakest = [row["key"] for row in sorted(rated, key=lambda row: row["mean"])[:3]]
    return {
        "template": "surveys/report/_section.html",
        "year": year,
        "language": language,
        "surveys": listed,
        "profile": profile,
        "weakest": weakest,
    }
