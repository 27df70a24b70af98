import datetime
import io

from django.urls import reverse
from openpyxl import load_workbook

from erasmi.networks.models import Organisation
from erasmi.surveys import services
from erasmi.surveys.models import Question
from erasmi.surveys.tests.factories import make_members, make_survey


def _results(client, survey, language="en"):
    url = reverse("surveys:results", args=[survey.network.slug, survey.pk]).replace("/en/", f"/{language}/")
    return client.get(url)


def test_results_show_a_chart_with_its_data_table(client, coordinator, erfurt_network):
    survey = make_survey(erfurt_network, [(Question.Kind.SINGLE, "Favourite day?", "Monday", "Friday")])
    question = survey.questions.get()
    for person, choice in zip(make_members(erfurt_network, 3), [1, 1, 0], strict=True):
        services.answer(survey, person, {question: choice})
    client.force_login(coordinator)
    page = _results(client, survey).content.decode()
    assert "<svg" in page and 'aria-hidden="true"' in page
    assert '<th scope="row">Friday</th><td>2</td><td>67</td>' in page
    assert "3 people answered." in page


def test_a_breakdown_is_shown_only_for_groups_of_at_least_five(client, coordinator, erfurt_network):
    survey = make_survey(erfurt_network, [(Question.Kind.SCALE, "Rate us")])
    question = survey.questions.get()
    state = make_members(erfurt_network, 5, actor_type="authority", sector="state", prefix="s")
    migrants = make_members(erfurt_network, 4, actor_type=Organisation.ActorType.MIGRANT_ORGANISATION, prefix="mig")
    for person in state:
        services.answer(survey, person, {question: 2})
    for person in migrants:
        services.answer(survey, person, {question: 5})
    client.force_login(coordinator)
    page = _results(client, survey).content.decode()
    assert "Migrant self-organisations" not in page and "Non-state actors" not in page  # four each: too few
    # Nor the five state actors: beside the mean of all nine, theirs would give away the other four's.
    assert "State actors" not in page
    services.answer(survey, make_members(erfurt_network, 1, actor_type="migrant_org", prefix="m5")[0], {question: 5})
    page = _results(client, survey).content.decode()
    assert "Migrant self-organisations" in page and "Non-state actors" in page


def test_the_results_page_makes_the_same_queries_for_few_and_many_answers(
    client, coordinator, erfurt_network, django_assert_num_queries
):
    survey = make_survey(
        erfurt_network,
        [
            (Question.Kind.SCALE, "Rate"),
            (Question.Kind.MULTIPLE, "Which?", "A", "B"),
            (Question.Kind.NUMBER, "How many?"),
            (Question.Kind.TEXT, "Say"),
            (Question.Kind.COOPERATION, "With whom?"),
        ],
    )
    questions = list(survey.questions.all())
    partner = erfurt_network.memberships.first().organisation
    client.force_login(coordinator)
    _results(client, survey)
    for n, person in enumerate(make_members(erfurt_network, 6)):
        answers = dict(zip(questions, [3, [0, 1], n, f"text {n}", [partner]], strict=True))
        services.answer(survey, person, answers)
        if n in (0, 5):
            with django_assert_num_queries(12):
                assert _results(client, survey).status_code == 200


def test_exports_read_back_as_csv_and_xlsx(client, coordinator, erfurt_network):
    survey = make_survey(
        erfurt_network,
        [
            (Question.Kind.MULTIPLE, "Which?", "Tea", "Coffee"),
            (Question.Kind.TEXT, "Say"),
            (Question.Kind.DATE, "When"),
        ],
    )
    which, say, when = survey.questions.all()
    people = make_members(erfurt_network, 2)
    services.answer(survey, people[0], {which: [0, 1], say: "=HYPERLINK(1)", when: datetime.date(2024, 5, 1)})
    services.answer(survey, people[1], {which: [1], say: "ok"})
    client.force_login(coordinator)
    text = client.get(reverse("surveys:results_csv", args=["erfurt", survey.pk]) + "?format=plain").content.decode()
    lines = text.strip().splitlines()
    assert lines[0] == "Which?,Say,When"
    assert sorted(lines[1:]) == ["Coffee,ok,", "Tea; Coffee,'=HYPERLINK(1),2024-05-01"]
    xlsx = client.get(reverse("surveys:results_xlsx", args=["erfurt", survey.pk]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Which?", "Say", "When"]
    assert sorted(rows[1:], key=str) == sorted(
        [["Coffee", "ok", None], ["Tea; Coffee", "'=HYPERLINK(1)", datetime.datetime(2024, 5, 1)]], key=str
    )


def test_the_results_page_reads_in_german(client, coordinator, erfurt_network):
    survey = make_survey(erfurt_network, [(Question.Kind.SCALE, "Rate")])
    services.answer(survey, make_members(erfurt_network, 1)[0], {survey.questions.get(): 4})
    client.force_login(coordinator)
    page = _results(client, survey, "de").content.decode()
    assert "Ergebnisse" in page and "trifft voll zu" in page


def test_the_german_pages_count_answers_and_call_the_number_question_a_number(client, coordinator, erfurt_network):
    """ "Number" is a count in the results table and a kind of question, never a "Nummer" (an identifier)."""
    survey = make_survey(erfurt_network, [(Question.Kind.SCALE, "Rate"), (Question.Kind.NUMBER, "Staff")])
    services.answer(survey, make_members(erfurt_network, 1)[0], {survey.questions.first(): 4})
    client.force_login(coordinator)
    page = _results(client, survey, "de").content.decode()
    assert '<th scope="col">Anzahl</th>' in page and "Nummer" not in page
    detail = client.get(reverse("surveys:detail", args=[erfurt_network.slug, survey.pk]).replace("/en/", "/de/"))
    assert '<span class="meta">Zahl' in detail.content.decode()
