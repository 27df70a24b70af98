import pytest

from erasmi.learning import services
from erasmi.learning.models import Status, Unit, UnitTranslation


@pytest.fixture
def toolkit(db):
    """The four units and their method cards from the content files."""
    services.load_toolkit()
    return Unit.objects.all()


@pytest.fixture
def german_only(db):
    """A published unit that exists only in German."""
    unit = Unit.objects.create(
        slug="nur-deutsch", status=Status.PUBLISHED, original_language="de", factors=["exchange"]
    )
    UnitTranslation.objects.create(
        unit=unit,
        language="de",
        title="Vertrauen aufbauen",
        summary="Kurz.",
        pages=[{"title": "Erste Seite", "body": "<p>Text</p>"}],
        questions=[
            {
                "text": "Frage?",
                "multiple": False,
                "answers": [
                    {"text": "Ja", "correct": True, "feedback": "Gut."},
                    {"text": "Nein", "correct": False, "feedback": "Leider nicht."},
                ],
            }
        ],
    )
    return unit
