"""The units that help with a self-assessment's weak factors, and progress kept in the browser carried over."""

from erasmi.learning.models import Progress, Status, Unit
from erasmi.learning.services import carry_over, units_for_factors


def test_units_for_weak_factors_come_with_the_best_match_first(toolkit):
    found = units_for_factors(["information_flow", "turnover"], "it")
    assert [unit.slug for unit, _t in found][:2] == ["information-flow", "working-groups"]
    assert found[0][1].title == "Flusso di informazioni e newsletter informativa"


def test_no_factor_or_an_unknown_one_suggests_nothing(toolkit):
    assert units_for_factors([], "de") == []
    assert units_for_factors(["weather"], "de") == []


def test_a_draft_unit_is_never_suggested(toolkit):
    Unit.objects.filter(slug="surveys-and-annual-report").update(status=Status.DRAFT)
    assert "surveys-and-annual-report" not in [u.slug for u, _t in units_for_factors(["surveys"], "en")]


def test_progress_from_the_browser_is_added_and_nonsense_is_ignored(toolkit, member):
    Progress.objects.create(user=member, unit=Unit.objects.get(slug="working-groups"), pages_seen=[2])
    data = {
        "working-groups": {"pages": [1, "x", -3, 500], "exercise": True},
        "no-such-unit": {"pages": [1]},
        "information-flow": "broken",
    }
    assert carry_over(member, data) == 1
    progress = Progress.objects.get(user=member)
    assert progress.pages_seen == [1, 2] and progress.exercise_done
    assert carry_over(member, data) == 0
    assert carry_over(member, ["not", "a", "dict"]) == 0


def test_the_suggestions_partial_links_the_units_in_the_readers_language(toolkit):
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("da"):
        html = render_to_string(
            "learning/_suggestions.html", {"suggestions": units_for_factors(["surveys", "annual_report"], "da")}
        )
    assert 'href="/da/toolkit/surveys-and-annual-report/"' in html
    assert "Evaluering med spørgeskemaer og årsrapport" in html
