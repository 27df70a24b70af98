"""load_toolkit brings the units of the content files, in five languages, and never undoes an editor's work."""

from django.core.management import call_command

from erasmi.learning import services
from erasmi.learning.models import MethodCard, MethodCardTranslation, State, Unit, UnitTranslation

LANGUAGES = {"de", "en", "tr", "it", "da"}


def test_four_units_each_in_five_languages_with_two_method_cards_and_an_exercise(toolkit):
    assert Unit.objects.published().count() == 4
    for unit in Unit.objects.prefetch_related("translations", "cards__translations"):
        assert set(unit.available_languages()) == LANGUAGES
        assert unit.cards.count() >= 2
        for t in unit.translations.all():
            assert t.questions and t.reflection_prompt and t.objectives and len(t.pages) >= 2
            assert all(any(a["correct"] for a in q["answers"]) for q in t.questions)
        for card in unit.cards.all():
            assert set(card.available_languages()) == LANGUAGES


def test_german_is_the_original_and_the_others_are_translated_from_it(toolkit):
    unit = Unit.objects.get(slug="founding-a-network")
    states = dict(unit.translations.values_list("language", "state"))
    assert states == {"de": "original", "en": "translated", "tr": "translated", "it": "translated", "da": "translated"}


def test_running_it_twice_changes_nothing(toolkit, capsys):
    before = list(UnitTranslation.objects.order_by("pk").values_list("pk", "updated", "state"))
    cards_before = list(MethodCardTranslation.objects.order_by("pk").values_list("pk", "updated"))
    call_command("load_toolkit")
    assert "0 new units, 0 new method cards, 0 language versions written" in capsys.readouterr().out
    assert list(UnitTranslation.objects.order_by("pk").values_list("pk", "updated", "state")) == before
    assert list(MethodCardTranslation.objects.order_by("pk").values_list("pk", "updated")) == cards_before
    assert MethodCard.objects.count() == 9


def test_an_editors_edit_is_never_overwritten(toolkit, editor):
    version = UnitTranslation.objects.get(unit__slug="working-groups", language="tr")
    version.title = "Bir editörün başlığı"
    version.edited_by = editor
    version.save()
    card = MethodCardTranslation.objects.get(card__slug="world-cafe", language="it")
    card.summary = "Testo di una redattrice."
    card.edited_by = editor
    card.save()
    services.load_toolkit()
    assert UnitTranslation.objects.get(pk=version.pk).title == "Bir editörün başlığı"
    assert MethodCardTranslation.objects.get(pk=card.pk).summary == "Testo di una redattrice."


def test_a_deleted_version_comes_back_and_a_changed_original_marks_translations_outdated(toolkit):
    UnitTranslation.objects.filter(unit__slug="information-flow", language="da").delete()
    assert services.load_toolkit()["versions"] == 1
    assert UnitTranslation.objects.get(unit__slug="information-flow", language="da").state == State.TRANSLATED
    original = UnitTranslation.objects.get(unit__slug="information-flow", language="de")
    original.summary = "Neu."
    original.save()
    assert UnitTranslation.objects.get(unit__slug="information-flow", language="en").state == State.OUTDATED
