"""The toolkit's index: every published unit in the reader's language, for everyone."""

from django.urls import reverse
from django.utils import translation

from erasmi.learning.models import Status, Unit


def get(client, name="learning:index", args=(), language="de"):
    with translation.override(language):
        return client.get(reverse(name, args=args))


def test_a_visitor_sees_the_four_units_in_german(client, toolkit):
    page = get(client).content.decode()
    assert "Ein Netzwerk gründen und verbindlich zusammenarbeiten" in page
    assert "Auswerten mit Umfragen und Jahresbericht" in page
    assert "Founding a network" not in page


def test_a_turkish_reader_sees_the_turkish_titles(client, toolkit):
    assert "Somut hedefleri olan çalışma grupları" in get(client, language="tr").content.decode()


def test_a_draft_unit_is_hidden_from_visitors_and_shown_to_editors(client, toolkit, editor):
    Unit.objects.filter(slug="working-groups").update(status=Status.DRAFT)
    assert "Arbeitsgruppen mit konkreten Zielen" not in get(client).content.decode()
    assert get(client, "learning:unit", ["working-groups"]).status_code == 404
    client.force_login(editor)
    assert "Arbeitsgruppen mit konkreten Zielen" in get(client).content.decode()


def test_the_index_makes_the_same_number_of_queries_for_any_number_of_units(
    client, toolkit, member, django_assert_num_queries
):
    client.force_login(member)
    get(client)
    # session, user, units, their versions, the learner's progress
    with django_assert_num_queries(5):
        assert get(client).status_code == 200
    client.logout()
    with django_assert_num_queries(2):
        assert get(client).status_code == 200


def test_the_method_cards_index_lists_the_cards(client, toolkit, django_assert_num_queries):
    with django_assert_num_queries(2):
        page = get(client, "learning:cards", language="it").content.decode()
    assert "Tavoli informativi" in page and "Caffè della rete" in page
