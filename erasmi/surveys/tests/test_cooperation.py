import pytest
from django.urls import reverse
from django.utils import timezone

from erasmi.surveys import services
from erasmi.surveys.models import Cooperation, Question
from erasmi.surveys.tests.factories import make_members, make_survey


@pytest.mark.parametrize("anonymous", [False, True])
def test_cooperations_are_kept_for_the_network_analysis_only_in_named_surveys(erfurt_network, anonymous):
    survey = make_survey(erfurt_network, [(Question.Kind.COOPERATION, "With whom?")], anonymous=anonymous)
    (person,) = make_members(erfurt_network, 1)
    caritas = erfurt_network.memberships.get(organisation__name="Caritas").organisation
    vhs = erfurt_network.memberships.get(organisation__name="VHS").organisation
    services.answer(survey, person, {survey.questions.get(): [caritas, vhs, person.organisation]})
    pairs = sorted(Cooperation.objects.for_network(erfurt_network))
    if anonymous:
        assert pairs == []
    else:
        assert [(a, b) for a, b, _date in pairs] == sorted(
            [(person.organisation.pk, caritas.pk), (person.organisation.pk, vhs.pk)]
        )
        assert all(day == survey.responses.get().date == timezone.localdate() for _a, _b, day in pairs)


def test_the_builder_says_cooperations_are_kept_only_in_named_surveys(client, coordinator, erfurt_network):
    survey = make_survey(erfurt_network)
    client.force_login(coordinator)
    assert "only in named surveys" in client.get(survey.get_absolute_url()).content.decode()


def test_the_answer_form_lists_the_current_member_organisations(client, member, erfurt_network):
    survey = make_survey(erfurt_network, [(Question.Kind.COOPERATION, "With whom?")])
    client.force_login(member)
    page = client.get(reverse("surveys:answer", args=["erfurt", survey.pk])).content.decode()
    assert "Caritas" in page and "Former Ltd" not in page
