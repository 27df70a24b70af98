import datetime

import pytest
from django.test import Client
from django.urls import reverse

from erasmi.core.tests.parallel import at_once
from erasmi.networks.models import Person
from erasmi.surveys import services
from erasmi.surveys.models import Participation, Question, Response
from erasmi.surveys.tests.factories import make_survey, scale_survey


def _url(survey):
    return reverse("surveys:answer", args=[survey.network.slug, survey.pk])


def test_a_member_answers_once(client, member, erfurt_network):
    survey = scale_survey(erfurt_network)
    client.force_login(member)
    field = f"q{survey.questions.get().pk}"
    assert client.post(_url(survey), {field: "4"}).status_code == 200
    second = client.post(_url(survey), {field: "1"})
    assert "already answered" in second.content.decode()
    assert Response.objects.count() == 1
    assert survey.responses.get().answers.get().value == 4


def test_a_required_question_left_empty_is_asked_again_in_the_readers_language(client, member, erfurt_network):
    survey = make_survey(erfurt_network)
    services.save_question(survey, None, kind=Question.Kind.SCALE, required=True, text="Rate", choices=[])
    client.force_login(member)
    page = client.post(_url(survey).replace("/en/", "/de/"), {})
    assert page.status_code == 400
    assert "Dieses Feld ist zwingend erforderlich." in page.content.decode()
    assert not Response.objects.exists() and not Participation.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_five_submissions_at_once_count_once(member, erfurt_network):
    survey = scale_survey(erfurt_network)
    field = f"q{survey.questions.get().pk}"
    clients = []
    for _n in range(5):
        browser = Client()
        browser.force_login(member)
        browser.get(_url(survey))
        clients.append(browser)
    at_once(lambda b=browser: b.post(_url(survey), {field: "5"}).status_code for browser in clients)
    assert Response.objects.count() == 1
    assert Participation.objects.count() == 1


def test_a_member_of_another_network_can_neither_answer_nor_see(client, other_member, erfurt_network):
    survey = scale_survey(erfurt_network)
    client.force_login(other_member)
    assert client.get(_url(survey)).status_code == 404
    assert client.post(_url(survey), {f"q{survey.questions.get().pk}": "3"}).status_code == 404
    assert client.get(reverse("surveys:results", args=["erfurt", survey.pk])).status_code == 404
    assert client.get(reverse("surveys:list", args=["erfurt"])).status_code == 404
    assert not Response.objects.exists()


def test_a_member_does_not_see_the_results(client, member, erfurt_network):
    survey = scale_survey(erfurt_network)
    client.force_login(member)
    assert client.get(reverse("surveys:results", args=["erfurt", survey.pk])).status_code == 404
    assert client.get(reverse("surveys:results_xlsx", args=["erfurt", survey.pk])).status_code == 404


def test_a_closed_survey_takes_no_answers(client, member, erfurt_network):
    survey = scale_survey(erfurt_network)
    survey.closes = survey.opens = datetime.date(2020, 1, 1)
    survey.save()
    client.force_login(member)
    assert client.post(_url(survey), {f"q{survey.questions.get().pk}": "3"}).status_code == 403
    assert not Response.objects.exists()


def test_a_group_survey_is_for_the_groups_members_only(client, member, coordinator, erfurt_network):
    group = erfurt_network.working_groups.get()
    survey = scale_survey(erfurt_network, audience="group", group=group)
    client.force_login(coordinator)
    assert client.get(_url(survey)).status_code == 403
    client.force_login(member)  # the group's lead
    assert client.get(_url(survey)).status_code == 200


def test_open_surveys_are_on_the_start_page_until_answered(client, member, erfurt_network):
    survey = scale_survey(erfurt_network, title="Wie geht es?")
    client.force_login(member)
    assert "Wie geht es?" in client.get(reverse("core:home")).content.decode()
    services.answer(survey, Person.for_user(member), {survey.questions.get(): 3})
    assert "Wie geht es?" not in client.get(reverse("core:home")).content.decode()


def test_every_kind_of_question_is_answered(client, member, erfurt_network):
    survey = make_survey(
        erfurt_network,
        [
            (Question.Kind.SINGLE, "Which?", "A", "B"),
            (Question.Kind.MULTIPLE, "Which ones?", "A", "B", "C"),
            (Question.Kind.NUMBER, "How many?"),
            (Question.Kind.DATE, "Since when?"),
            (Question.Kind.TEXT, "Anything else?"),
        ],
    )
    q = {question.kind: f"q{question.pk}" for question in survey.questions.all()}
    client.force_login(member)
    data = {q["single"]: "1", q["multiple"]: ["0", "2"], q["number"]: "12.5", q["date"]: "2024-03-01", q["text"]: "Hi"}
    assert client.post(_url(survey).replace("/en/", "/de/"), data).status_code == 200
    rows = sorted((a.question.kind, a.value, a.number, a.date, a.text) for a in survey.responses.get().answers.all())
    assert [row[0] for row in rows] == ["date", "multiple", "multiple", "number", "single", "text"]
    assert rows[3][2] == 12.5 and str(rows[0][3]) == "2024-03-01"


@pytest.mark.django_db(transaction=True)
def test_five_people_answering_at_once_are_all_counted(erfurt_network):
    from erasmi.surveys.models import Tally
    from erasmi.surveys.tests.factories import make_members

    survey = scale_survey(erfurt_network)
    field = f"q{survey.questions.get().pk}"
    clients = []
    for person in make_members(erfurt_network, 5):
        browser = Client()
        browser.force_login(person.user)
        clients.append(browser)
    at_once(lambda b=browser: b.post(_url(survey), {field: "4"}).status_code for browser in clients)
    assert Response.objects.count() == 5
    counted = dict(Tally.objects.filter(group="").values_list("value", "count"))
    assert counted == {Tally.ANSWERED: 5, 4: 5}
    # The tallies agree with the answers counted anew.
    Tally.rebuild(survey)
    assert dict(Tally.objects.filter(group="").values_list("value", "count")) == counted


def test_a_survey_not_yet_translated_says_so_and_marks_the_language_of_its_wording(client, member, erfurt_network):
    survey = make_survey(erfurt_network, [(Question.Kind.TEXT, "What do you wish for?")], title="Our network")
    client.force_login(member)
    english_url = _url(survey)
    page = client.get(english_url.replace("/en/", "/tr/")).content.decode()
    assert "Bu anket sizin dilinizde mevcut değil. Şu dilde gösteriliyor: İngilizce." in page
    assert '<h1 lang="en">Our network</h1>' in page and '<span lang="en">What do you wish for?</span>' in page
    english = client.get(english_url).content.decode()
    assert "not available in your language" not in english and '<h1 lang="en">' not in english


def test_sending_the_form_without_any_answer_records_nothing_and_asks_again(client, member, erfurt_network):
    survey = make_survey(erfurt_network, [(Question.Kind.SCALE, "Rate"), (Question.Kind.TEXT, "Wishes")])
    client.force_login(member)
    page = client.post(_url(survey).replace("/en/", "/de/"), {})
    assert page.status_code == 400
    assert "Bitte beantworten Sie mindestens eine Frage." in page.content.decode()
    assert "Bitte korrigieren Sie die unten markierten Felder." not in page.content.decode()  # none is marked
    assert not Response.objects.exists() and not Participation.objects.exists()
    assert client.post(_url(survey), {f"q{survey.questions.last().pk}": "Mehr Treffen"}).status_code == 200
    assert Response.objects.count() == 1


def test_the_list_invites_to_answer_with_a_verb(client, member, erfurt_network):
    make_survey(erfurt_network, [(Question.Kind.SCALE, "Rate")])
    client.force_login(member)
    url = reverse("surveys:list", args=[erfurt_network.slug])
    assert ">Beantworten</a>" in client.get(url.replace("/en/", "/de/")).content.decode()
    assert ">Yanıtla</a>" in client.get(url.replace("/en/", "/tr/")).content.decode()


def test_a_survey_without_questions_yet_is_neither_listed_nor_answerable_for_members(client, member, erfurt_network):
    survey = make_survey(erfurt_network, title="Still being written")
    client.force_login(member)
    listing = client.get(reverse("surveys:list", args=[erfurt_network.slug])).content.decode()
    assert "Still being written" not in listing
    assert client.get(_url(survey)).status_code == 404
    assert client.post(_url(survey), {}).status_code == 404
    assert not Participation.objects.exists()
