"""Demo surveys: the demo network's self-assessment of last year and this year, answered by its demo people,
and a named member survey with the cooperation question."""

import datetime
import random

from django.utils import timezone

from erasmi.networks.models import Person
from erasmi.surveys import factors, services
from erasmi.surveys.models import Question, Survey

# The demo network rates itself a little better this year, except for the challenge of turnover.
LEANING = {"goals": 1, "information_flow": 1, "surveys": 1, "turnover": -1, "participation": 0.5}


def load(network) -> int:
    """Idempotent; the number of surveys made."""
    if network.surveys.exists():
        return 0
    rng = random.Random(12)
    people = list(Person.objects.filter(roles__network=network, user__isnull=True).select_related("organisation"))
    year = timezone.localdate().year
    for offset, survey_year in enumerate([year - 1, year]):
        survey, _ = services.start_self_assessment(network, survey_year)
        if survey_year < year:
            survey.opens, survey.closes = datetime.date(survey_year, 3, 1), datetime.date(survey_year, 3, 29)
            survey.save()
        questions = list(survey.questions.all())
        for person in people:
            answers = {}
            for question in questions:
                base = 3 + LEANING.get(question.key, 0) * offset - (question.key in factors.KEYS[-3:]) * 0.5
                answers[question] = max(1, min(5, round(base + rng.choice([-1, 0, 0, 1]))))
            services.answer(survey, person, answers, language="de")
    today = timezone.localdate()
    survey = services.create_survey(
        network=network,
        by=None,
        title="Zusammenarbeit im Netzwerk",
        intro="Eine kurze namentliche Umfrage: Mit wem arbeiten Sie zusammen, und was wünschen Sie sich?",
        language="de",
        anonymous=False,
        audience=Survey.Audience.MEMBERS,
        opens=today,
        closes=today + datetime.timedelta(days=21),
    )
    wording = [
        (Question.Kind.COOPERATION, "Mit welchen Mitgliedsorganisationen arbeiten Sie zusammen?", []),
        (
            Question.Kind.SINGLE,
            "Wie oft sollte das Netzwerk sich treffen?",
            ["Viermal im Jahr", "Fünfmal", "Monatlich"],
        ),
        (Question.Kind.TEXT, "Was wünschen Sie sich vom Netzwerk?", []),
    ]
    questions = [
        services.save_question(survey, None, kind=kind, required=False, text=text, choices=choices)
        for kind, text, choices in wording
    ]
    organisations = [person.organisation for person in people if person.organisation]
    wishes = ["Mehr Austausch zwischen den Arbeitsgruppen.", "Einen gemeinsamen Kalender für alle Angebote.", ""]
    for n, person in enumerate(people[:6]):
        partners = [org for org in rng.sample(organisations, 3) if org != person.organisation]
        services.answer(
            survey, person, {questions[0]: partners, questions[1]: n % 3, questions[2]: wishes[n % 3]}, language="de"
        )
    return 3
