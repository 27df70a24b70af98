"""Authors propose changes to their published practice; language versions are added from the practice's page."""

from django.urls import reverse

from erasmi.compendium.forms import PracticeForm
from erasmi.compendium.models import PracticeProposal
from erasmi.compendium.tests.factories import make_practice
from erasmi.core.tests.formdata import as_browser_sends


def edit_data(practice, language="en", **changes):
    form = PracticeForm(
        language=language, practice=practice, translation=practice.translations.filter(language=language).first()
    )
    return {**as_browser_sends(form), **changes}


def test_an_author_proposes_a_change_to_the_published_practice_and_the_public_text_stays(client, member):
    practice = make_practice("Open Network", submitted_by=member)
    client.force_login(member)
    url = reverse("compendium:edit", args=[practice.slug, "en"])
    assert client.get(url).status_code == 200
    response = client.post(url, edit_data(practice, short_description="A better description."), follow=True)
    assert "waits" in response.text or "until an editor accepts it" in response.text
    assert practice.translations.get(language="en").short_description != "A better description."
    assert PracticeProposal.objects.get(practice=practice).values["short_description"] == "A better description."


def test_another_member_may_not_change_a_published_practice(client, member, other_member):
    practice = make_practice("Open Network", submitted_by=member)
    client.force_login(other_member)
    assert client.get(reverse("compendium:edit", args=[practice.slug, "en"])).status_code == 403


def test_the_author_finds_links_to_add_the_missing_language_versions(client, member):
    practice = make_practice("Open Network", submitted_by=member)
    client.force_login(member)
    response = client.get(practice.get_absolute_url())
    for code in ("de", "tr", "it", "da"):
        assert reverse("compendium:edit", args=[practice.slug, code]) in response.text


def test_a_visitor_sees_no_link_to_add_a_language_version(client, db):
    practice = make_practice("Open Network")
    response = client.get(practice.get_absolute_url())
    assert reverse("compendium:edit", args=[practice.slug, "de"]) not in response.text
