"""No path from a person to an anonymous answer: not by a field, an id, the order of rows or a timestamp."""

import uuid

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse

from erasmi.networks.models import Person
from erasmi.surveys import services
from erasmi.surveys.models import Answer, Participation, Question, Response
from erasmi.surveys.tests.factories import make_members, make_survey

ANSWER_MODELS = [Response, Answer]


def test_answer_rows_have_no_time_of_day_and_no_sequential_id():
    for model in [*ANSWER_MODELS, Participation]:
        for field in model._meta.get_fields():
            assert not isinstance(field, models.DateTimeField | models.TimeField), f"{model.__name__}.{field.name}"
    for model in ANSWER_MODELS:
        assert isinstance(model._meta.pk, models.UUIDField), model.__name__
        assert model._meta.ordering == ["id"], "ordered by a random id, never by submission"


def _links(model):
    return {f.name: f.related_model for f in model._meta.get_fields() if f.is_relation and f.concrete}


def test_no_model_of_the_app_links_an_answer_to_a_participation():
    assert set(_links(Participation)) == {"survey", "person"}
    assert set(_links(Answer)) == {"response", "question"}
    # Person and organisation: filled in named surveys only (see the next test).
    assert set(_links(Response)) == {"survey", "person", "organisation"}
    for model in apps.get_app_config("surveys").get_models():
        targets = set(_links(model).values())
        assert not (Participation in targets and targets & {Response, Answer}), model.__name__
    assert {f.name for f in Participation._meta.concrete_fields} == {"id", "survey", "person", "date"}


def test_an_anonymous_response_keeps_neither_the_person_nor_the_organisation(client, erfurt_network):
    survey = make_survey(erfurt_network, [(Question.Kind.TEXT, "Tell us")])
    (person,) = make_members(erfurt_network, 1)
    client.force_login(person.user)
    client.post(reverse("surveys:answer", args=["erfurt", survey.pk]), {f"q{survey.questions.get().pk}": "Secret"})
    response = Response.objects.get()
    assert response.person is None and response.organisation is None
    assert response.date is None and response.language == ""  # no day, no language either
    assert isinstance(response.pk, uuid.UUID)
    assert Participation.objects.get().person == person  # that they answered, not what
    # Nothing in the answer rows names the person.
    values = list(Response.objects.values_list()) + list(Answer.objects.values_list())
    for needle in [person.pk, person.user.pk, person.user.email, person.organisation.pk, person.organisation.name]:
        assert all(needle not in row for row in values)


def test_a_named_survey_shows_who_answered(client, coordinator, erfurt_network):
    survey = make_survey(erfurt_network, [(Question.Kind.SCALE, "Rate")], anonymous=False)
    (person,) = make_members(erfurt_network, 1)
    services.answer(survey, person, {survey.questions.get(): 4})
    client.force_login(coordinator)
    page = client.get(reverse("surveys:results", args=["erfurt", survey.pk])).content.decode()
    assert "Who answered" in page and "m org 0" in page


def test_a_public_link_stores_no_address_and_asks_once_per_browser(client, erfurt_network):
    survey = make_survey(erfurt_network, [(Question.Kind.TEXT, "Your idea")], audience="public")
    url = reverse("surveys_public:public", args=[survey.token])
    answer = {f"q{survey.questions.get().pk}": "More courses"}
    first = client.post(url, answer, REMOTE_ADDR="203.0.113.9")
    assert "Thank you" in first.content.decode()
    again = client.post(url, answer, REMOTE_ADDR="203.0.113.9")
    assert "already answered" in again.content.decode()
    assert Response.objects.count() == 1 and not Participation.objects.exists()
    for model in ANSWER_MODELS:
        assert all("203.0.113.9" not in str(row) for row in model.objects.values_list())
    # Another browser (no cookie) answers too.
    client.cookies.clear()
    client.post(url, answer)
    assert Response.objects.count() == 2


def test_a_public_survey_is_always_anonymous(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    data = {"title": "Open call", "language": "en", "audience": "public", "opens": "2026-01-01", "closes": "2026-12-31"}
    client.post(reverse("surveys:create", args=["erfurt"]), data)
    assert erfurt_network.surveys.get().anonymous is True


@pytest.mark.parametrize("anonymous", [True, False])
def test_the_export_names_people_only_in_named_surveys(client, coordinator, erfurt_network, anonymous):
    survey = make_survey(erfurt_network, [(Question.Kind.SCALE, "Rate")], anonymous=anonymous)
    (person,) = make_members(erfurt_network, 1, prefix="Zora")
    services.answer(survey, person, {survey.questions.get(): 2})
    client.force_login(coordinator)
    text = client.get(reverse("surveys:results_csv", args=["erfurt", survey.pk]) + "?format=plain").content.decode()
    assert ("Zora" in text) is (not anonymous)
    assert Person.objects.filter(pk=person.pk).exists()
