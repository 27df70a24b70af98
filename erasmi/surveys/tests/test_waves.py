from django.urls import reverse

from erasmi.surveys import services
from erasmi.surveys.models import Question, Survey, SurveyTranslation
from erasmi.surveys.tests.factories import make_members, make_survey


def test_a_survey_copied_as_a_new_wave_is_compared_side_by_side(client, coordinator, erfurt_network):
    first = make_survey(erfurt_network, [(Question.Kind.SINGLE, "Satisfied?", "Yes", "No")], title="Members 2025")
    question = first.questions.get()
    services.save_translation(
        first,
        "de",
        title="Mitglieder",
        intro="",
        questions={str(question.pk): {"text": "Zufrieden?", "choices": ["Ja", "Nein"]}},
    )
    for person in make_members(erfurt_network, 2, prefix="a"):
        services.answer(first, person, {question: 0})
    client.force_login(coordinator)
    client.post(reverse("surveys:wave", args=["erfurt", first.pk]))
    second = Survey.objects.exclude(pk=first.pk).get()
    assert second.previous == first and second.wave == 2 and not second.responses.exists()
    assert second.translations.get(language="de").state == SurveyTranslation.State.TRANSLATED
    assert second.translation("de").wording(second.questions.get())["choices"] == ["Ja", "Nein"]
    services.answer(second, make_members(erfurt_network, 1, prefix="b")[0], {second.questions.get(): 1})
    page = client.get(reverse("surveys:compare", args=["erfurt", second.pk])).content.decode()
    assert "Previous wave" in page and "This wave" in page
    assert page.count("<svg") == 2
