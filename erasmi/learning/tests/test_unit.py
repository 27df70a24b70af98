"""A unit and its pages: objectives, method cards, paging on, the fallback notice, progress per learner."""

from django.urls import reverse
from django.utils import translation

from erasmi.learning.models import Progress


def get(client, name, args, language="en"):
    with translation.override(language):
        return client.get(reverse(name, args=args))


def test_the_unit_shows_objectives_pages_and_method_cards(client, toolkit):
    page = get(client, "learning:unit", ["founding-a-network"]).content.decode()
    assert "You know the instruments of binding cooperation" in page
    assert "Creating commitment" in page
    assert "Rules of procedure" in page and "Cooperation agreement and declaration of commitment" in page


def test_a_page_links_to_the_previous_and_next_page_and_the_last_one_to_the_exercise(client, toolkit):
    first = get(client, "learning:page", ["founding-a-network", 1]).content.decode()
    assert "Why a network?" in first and "/en/toolkit/founding-a-network/2/" in first
    last = get(client, "learning:page", ["founding-a-network", 3]).content.decode()
    assert "/en/toolkit/founding-a-network/2/" in last and "/en/toolkit/founding-a-network/exercise/" in last
    assert get(client, "learning:page", ["founding-a-network", 4]).status_code == 404


def test_a_unit_missing_in_the_readers_language_is_shown_in_the_original_with_a_notice(client, german_only):
    page = get(client, "learning:unit", ["nur-deutsch"], language="tr").content.decode()
    assert "Vertrauen aufbauen" in page
    assert 'role="note"' in page
    with translation.override("en"):
        english = get(client, "learning:page", ["nur-deutsch", 1]).content.decode()
    assert "This content is not available in your language. It is shown in German." in english


def test_a_translation_behind_its_original_says_so(client, toolkit):
    from erasmi.learning.models import UnitTranslation

    original = UnitTranslation.objects.get(unit__slug="working-groups", language="de")
    original.summary = "Geändert."
    original.save()
    page = get(client, "learning:unit", ["working-groups"]).content.decode()
    assert "This translation is older than the original version" in page


def test_reading_a_page_is_kept_for_the_signed_in_learner_only(client, toolkit, member, other_member):
    client.force_login(member)
    get(client, "learning:page", ["working-groups", 1])
    get(client, "learning:page", ["working-groups", 2])
    get(client, "learning:page", ["working-groups", 2])
    assert Progress.objects.get(user=member, unit__slug="working-groups").pages_seen == [1, 2]
    assert not Progress.objects.filter(user=other_member).exists()
    overview = get(client, "learning:unit", ["working-groups"]).content.decode()
    assert 'value="67"' in overview  # two pages of two read, the exercise not yet


def test_a_visitor_reading_pages_leaves_nothing_in_the_database(client, toolkit):
    get(client, "learning:page", ["working-groups", 1])
    assert not Progress.objects.exists()


def test_the_unit_and_page_make_a_fixed_number_of_queries(client, toolkit, member, django_assert_num_queries):
    client.force_login(member)
    get(client, "learning:unit", ["information-flow"])
    get(client, "learning:page", ["information-flow", 1])
    # session, user, unit, versions, cards, their versions, attachments, progress
    with django_assert_num_queries(8):
        get(client, "learning:unit", ["information-flow"])
    # session, user, unit, versions, progress (savepoint, locked read, release), attachments of the page
    with django_assert_num_queries(8):
        get(client, "learning:page", ["information-flow", 1])
