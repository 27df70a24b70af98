from django.urls import reverse

from erasmi.surveys.models import Question, Survey, SurveyTranslation
from erasmi.surveys.tests.factories import make_survey


def _url(name, survey, *args):
    return reverse(f"surveys:{name}", args=[survey.network.slug, survey.pk, *args])


def test_a_coordinator_builds_a_survey_without_javascript(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    data = {"title": "Jahresumfrage", "language": "de", "audience": "members", "opens": "2026-01-01"}
    response = client.post(reverse("surveys:create", args=["erfurt"]), {**data, "closes": "2026-02-01"})
    survey = Survey.objects.get()
    assert response.url == survey.get_absolute_url()
    client.post(_url("question_add", survey), {"text": "Wie zufrieden?", "kind": "scale", "required": "on"})
    client.post(_url("question_add", survey), {"text": "Welche Tage?", "kind": "multiple", "choices": "Mo\nFr\n\n"})
    first, second = survey.questions.all()
    client.post(_url("question_move", survey, second.pk), {"direction": "up"})
    assert list(survey.questions.values_list("pk", flat=True)) == [second.pk, first.pk]
    assert survey.translations.get().wording(second) == {"text": "Welche Tage?", "choices": ["Mo", "Fr"]}
    page = client.get(_url("delete_confirm" if False else "question_delete", survey, first.pk))
    assert "cannot be undone" in page.content.decode()
    client.post(_url("question_delete", survey, first.pk))
    assert list(survey.questions.all()) == [second]


def test_a_choice_question_needs_two_options(client, coordinator, erfurt_network):
    survey = make_survey(erfurt_network)
    client.force_login(coordinator)
    page = client.post(_url("question_add", survey).replace("/en/", "/tr/"), {"text": "?", "kind": "single"})
    assert page.status_code == 400
    assert not survey.questions.exists()


def test_a_question_saved_unchanged_changes_nothing(client, coordinator, erfurt_network):
    survey = make_survey(erfurt_network, [(Question.Kind.SINGLE, "Which?", "A", "B")])
    question = survey.questions.get()
    client.force_login(coordinator)
    for language in ("de", "tr"):
        url = _url("question_edit", survey, question.pk).replace("/en/", f"/{language}/")
        form = client.get(url).context["form"]
        data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
        data["required"] = "on" if data.get("required") else ""
        before = survey.translations.get().digest()
        client.post(url, data)
        assert survey.translations.get().digest() == before
    data["text"] = "Which one?"
    client.post(_url("question_edit", survey, question.pk), data)
    assert survey.translations.get().wording(question)["text"] == "Which one?"


def test_a_translation_becomes_outdated_when_the_original_changes(client, coordinator, erfurt_network):
    survey = make_survey(erfurt_network, [(Question.Kind.SINGLE, "Which?", "Yes", "No")])
    question = survey.questions.get()
    client.force_login(coordinator)
    data = {"title": "Welche?", "intro": "", f"q{question.pk}": "Welche?", f"q{question.pk}_choices": "Ja\nNein"}
    client.post(_url("translation", survey, "de"), data)
    german = survey.translations.get(language="de")
    assert german.state == SurveyTranslation.State.TRANSLATED
    client.post(_url("question_add", survey), {"text": "New", "kind": "text"})
    german.refresh_from_db()
    assert german.state == SurveyTranslation.State.OUTDATED


def test_members_answer_in_their_language(client, member, erfurt_network):
    survey = make_survey(erfurt_network, [(Question.Kind.TEXT, "Your idea?")])
    question = survey.questions.get()
    from erasmi.surveys import services

    services.save_translation(
        survey, "tr", title="Anket", intro="", questions={str(question.pk): {"text": "Fikriniz?"}}
    )
    client.force_login(member)
    page = client.get(_url("answer", survey).replace("/en/", "/tr/")).content.decode()
    assert "Fikriniz?" in page


def test_only_coordinators_build(client, member, erfurt_network):
    survey = make_survey(erfurt_network)
    client.force_login(member)
    assert client.get(reverse("surveys:create", args=["erfurt"])).status_code == 404
    assert client.get(survey.get_absolute_url()).status_code == 404
    assert client.post(_url("question_add", survey), {"text": "x", "kind": "text"}).status_code == 404


def test_the_survey_settings_saved_unchanged_change_nothing(client, coordinator, erfurt_network):
    survey = make_survey(erfurt_network, title="Umfrage")
    client.force_login(coordinator)
    for language in ("de", "tr"):
        url = _url("edit", survey).replace("/en/", f"/{language}/")
        form = client.get(url).context["form"]
        data = {name: form[name].value() for name in form.fields if form[name].value() not in (None, False)}
        before = (Survey.objects.values().get(), survey.translations.get().digest())
        response = client.post(url, data)
        assert response.status_code == 302
        assert (Survey.objects.values().get(), survey.translations.get().digest()) == before
    data["closes"] = "2031-01-31"
    client.post(_url("edit", survey), data)
    assert str(Survey.objects.get().closes) == "2031-01-31"


def test_a_question_with_answers_keeps_its_type(client, coordinator, member, erfurt_network):
    from erasmi.networks.models import Person
    from erasmi.surveys import services

    survey = make_survey(erfurt_network, [(Question.Kind.SCALE, "Rate")])
    question = survey.questions.get()
    services.answer(survey, Person.for_user(member), {question: 3})
    client.force_login(coordinator)
    data = {"text": "Rate", "kind": "number", "required": ""}
    assert client.post(_url("question_edit", survey, question.pk), data).status_code == 400
    assert survey.questions.get().kind == "scale"


def test_building_is_in_the_networks_history_in_the_readers_language(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    data = {"title": "Jahresumfrage", "language": "de", "audience": "members", "opens": "2026-01-01"}
    client.post(reverse("surveys:create", args=["erfurt"]), {**data, "closes": "2026-02-01"})
    page = client.get(reverse("networks:history", args=["erfurt"]).replace("/en/", "/de/")).content.decode()
    assert "Jahresumfrage" in page and "Umfrage" in page
