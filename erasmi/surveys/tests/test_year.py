"""The surveys in the rest of a network's year: the annual report's section, the cooperation graph, the toolkit."""

import networkx as nx
from django.urls import reverse

from erasmi.cooperation import analysis
from erasmi.learning.services import load_toolkit
from erasmi.plans import report as annual_report
from erasmi.surveys import services
from erasmi.surveys.models import Question
from erasmi.surveys.tests.factories import make_members, make_survey


def test_the_annual_report_shows_the_self_assessment_beside_the_year_before(erfurt_network):
    last, _ = services.start_self_assessment(erfurt_network, 2025)
    this, _ = services.start_self_assessment(erfurt_network, 2026)
    for survey, value, prefix in ((last, 2, "a"), (this, 4, "b")):
        for person in make_members(erfurt_network, 2, prefix=prefix):
            services.answer(survey, person, {q: value for q in survey.questions.all()})
    (section,) = [s for s in annual_report.build(erfurt_network, 2026, "de") if s["key"] == "surveys"]
    assert section["title"] == "Umfragen und Selbsteinschätzung"
    profile = section["tables"][-1]
    assert profile["header"][1:] == ["2026", "2025"]
    goals = next(row for row in profile["rows"] if row[0] == "Arbeitsgruppen mit konkreten Zielen")
    assert goals[1:] == [4, 2]


def test_the_report_has_no_survey_section_in_a_year_without_surveys(erfurt_network):
    assert "surveys" not in [s["key"] for s in annual_report.build(erfurt_network, 2026, "en")]


def test_a_named_cooperation_answer_is_a_tie_of_the_graph(erfurt_network):
    survey = make_survey(erfurt_network, [(Question.Kind.COOPERATION, "With whom?")], anonymous=False)
    (person,) = make_members(erfurt_network, 1)
    caritas = erfurt_network.memberships.get(organisation__name="Caritas").organisation
    services.answer(survey, person, {survey.questions.get(): [caritas]})
    graph = analysis.build_graph(erfurt_network)
    assert graph.has_edge(person.organisation.pk, caritas.pk)
    assert set(graph.edges[person.organisation.pk, caritas.pk]["sources"]) == {"surveys"}
    assert nx.number_of_edges(graph) == 1


def test_the_profile_suggests_the_toolkit_units_for_a_weak_factor(client, coordinator, erfurt_network):
    load_toolkit()
    survey, _ = services.start_self_assessment(erfurt_network, 2026)
    for person in make_members(erfurt_network, 2):
        services.answer(survey, person, {q: 5 for q in survey.questions.all()} | {survey.questions.get(key="goals"): 1})
    client.force_login(coordinator)
    with_weak_goals = client.get(reverse("surveys:profile", args=["erfurt"])).content.decode()
    assert "Learning units that can help" in with_weak_goals
    assert "/toolkit/working-groups/" in with_weak_goals  # the unit on working groups with goals
