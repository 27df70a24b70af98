"""What the surveys give the other parts of a network's year: a section of the annual report (plans) and the
answers to "with whom do you cooperate?" as ties of the cooperation graph."""

from django.db.models import Count, Max, Min
from django.utils.translation import gettext as _

from erasmi.surveys import report
from erasmi.surveys.models import Cooperation


def report_section(network, year: int, language: str) -> dict | None:
    """The year's surveys and the self-assessment beside the year before, as tables the report and its PDF print."""
    found = report.section(network, year, language)
    if not found["surveys"] and not found["profile"]:
        return None
    tables = []
    if found["surveys"]:
        tables.append(
            {
                "caption": _("Surveys of %(year)s") % {"year": year},
                "header": [_("Survey"), _("Answers")],
                "rows": [[survey["title"], survey["answers"]] for survey in found["surveys"]],
            }
        )
    if found["profile"]:
        tables.append(
            {
                "caption": _("Self-assessment: mean rating per factor, from 1 to 5"),
                "header": [_("Factor"), str(year), str(year - 1)],
                "rows": [[row["label"], _rounded(row["mean"]), _rounded(row["previous"])] for row in found["profile"]],
            }
        )
    return {"key": "surveys", "title": _("Surveys and self-assessment"), "tables": tables}


def _rounded(mean):
    return None if mean is None else round(mean, 1)


def cooperation_ties(network):
    """Each named answer "we cooperate with X" ties the two organisations since the first such answer."""
    rows = (
        Cooperation.objects.filter(survey__network=network)
        .values("organisation_id", "partner_id")
        .annotate(first=Min("date"))
    )
    for row in rows:
        if row["organisation_id"] != row["partner_id"]:
            yield row["organisation_id"], row["partner_id"], row["first"]


def cooperation_version(network):
    return tuple(Cooperation.objects.filter(survey__network=network).aggregate(n=Count("pk"), last=Max("pk")).values())
