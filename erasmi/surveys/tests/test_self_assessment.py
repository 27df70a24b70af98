import datetime

from django.urls import reverse
from django.utils import timezone

from erasmi.surveys import factors, report, services
from erasmi.surveys.models import Survey, SurveyTranslation
from erasmi.surveys.tests.factories import make_members


def _rate(survey, people, value):
    for person in people:
        services.answer(survey, person, {q: value for q in survey.questions.all()})


def test_the_factor_keys_stay_stable():
    assert factors.KEYS == [
        "exchange",
        "goals",
        "information_flow",
        "surveys",
        "annual_report",
        "heterogeneity",
        "eye_level",
        "commitments",
        "turnover",
        "participation",
        "competition",
    ]
    for factor in factors.FACTORS:
        assert set(factor.statements) == {"en", "de", "tr", "it", "da"}


def test_a_coordinator_starts_the_self_assessment_with_one_click(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    url = reverse("surveys:self_assessment", args=["erfurt"])
    client.post(url, {"year": "2026"})
    client.post(url, {"year": "2026"})  # a double click
    survey = Survey.objects.get()
    assert survey.kind == Survey.Kind.SELF_ASSESSMENT and survey.anonymous and survey.is_open()
    assert survey.questions.count() == len(factors.FACTORS)
    versions = {t.language: t for t in survey.translations.all()}
    assert set(versions) == {"en", "de", "tr", "it", "da"}
    assert versions["en"].state == SurveyTranslation.State.ORIGINAL
    assert all(versions[code].state == SurveyTranslation.State.TRANSLATED for code in ("de", "tr", "it", "da"))
    assert versions["tr"].title == "ERASMI öz değerlendirmesi 2026"


def test_the_profile_compares_the_years_and_the_report_names_the_weakest_factors(client, coordinator, erfurt_network):
    last, _ = services.start_self_assessment(erfurt_network, 2025)
    this, _ = services.start_self_assessment(erfurt_network, 2026)
    assert this.previous == last
    _rate(last, make_members(erfurt_network, 2, prefix="a"), 2)
    people = make_members(erfurt_network, 2, prefix="b")
    services.answer(this, people[0], {q: 4 for q in this.questions.all()} | {this.questions.get(key="goals"): 1})
    _rate(this, people[1:], 4)
    client.force_login(coordinator)
    page = client.get(reverse("surveys:profile", args=["erfurt"])).content.decode()
    assert "2025" in page and "2026" in page and "<svg" in page
    section = report.section(erfurt_network, 2026, "de")
    assert section["template"] == "surveys/report/_section.html"
    goals = next(row for row in section["profile"] if row["key"] == "goals")
    assert (goals["mean"], goals["previous"]) == (2.5, 2.0)
    assert section["weakest"][0] == "goals"
    assert goals["label"] == "Arbeitsgruppen mit konkreten Zielen"


def test_the_profile_by_group_shows_only_groups_of_five(client, coordinator, erfurt_network):
    survey, _ = services.start_self_assessment(erfurt_network, timezone.localdate().year)
    _rate(survey, make_members(erfurt_network, 5, actor_type="authority", sector="state", prefix="s"), 3)
    _rate(survey, make_members(erfurt_network, 3, prefix="n"), 5)
    client.force_login(coordinator)
    page = client.get(reverse("surveys:results", args=["erfurt", survey.pk])).content.decode()
    # Not even the five state actors: beside the mean of all eight, theirs would give away the other three's.
    assert "Factors by group" not in page and "State actors" not in page
    _rate(survey, make_members(erfurt_network, 2, prefix="m"), 5)
    page = client.get(reverse("surveys:results", args=["erfurt", survey.pk])).content.decode()
    assert "Factors by group" in page and "State actors" in page and "Non-state actors" in page


def test_members_see_the_self_assessment_on_the_network_page(client, member, erfurt_network):
    survey, _ = services.start_self_assessment(erfurt_network, 2026)
    client.force_login(member)
    page = client.get(reverse("networks:detail", args=["erfurt"]).replace("/en/", "/it/")).content.decode()
    assert "Autovalutazione ERASMI 2026" in page
    survey.closes = timezone.localdate() - datetime.timedelta(days=1)
    survey.save()
    page = client.get(reverse("networks:detail", args=["erfurt"])).content.decode()
    assert "self-assessment 2026" not in page
