"""A published practice changes only through review; parallel and repeated submissions do no harm."""

import pytest
from django.test import Client
from django.urls import reverse

from erasmi.compendium import vocabulary
from erasmi.compendium.models import Practice, PracticeProposal, Term
from erasmi.compendium.tests.factories import make_practice
from erasmi.compendium.tests.test_submission import FORM
from erasmi.core.tests.formdata import as_browser_sends
from erasmi.core.tests.parallel import at_once
from erasmi.networks.models import Network


def test_an_edit_opened_before_an_unpublish_does_not_publish_again(client, editor, erfurt):
    edit = reverse("compendium:edit", args=[erfurt.slug, "de"])
    client.force_login(editor)
    stale = as_browser_sends(client.get(edit).context["form"])
    other = Client()
    other.force_login(editor)
    other.post(reverse("compendium:review", args=[erfurt.slug]), {"decision": "unpublish"})
    client.post(edit, {**stale, "short_description": "Ein neuer Text."})
    erfurt.refresh_from_db()
    assert erfurt.status == Practice.Status.DRAFT
    assert erfurt.translation("de").short_description == "Ein neuer Text."


def test_a_coordinators_update_of_a_published_profile_waits_for_an_editor(client, coordinator, editor, erfurt):
    network = Network.objects.create(slug="erfurt-net", name="Netzwerk Erfurt", practice=erfurt, city="Erfurt")
    from erasmi.networks.models import Person, Role

    Role.objects.create(network=network, person=Person.for_user(coordinator), kind=Role.Kind.COORDINATOR)
    public_before = erfurt.translation("de").members
    client.force_login(coordinator)
    response = client.post(reverse("networks:to_compendium", args=["erfurt-net"]).replace("/en/", "/de/"))
    assert response.status_code == 302 and response["Location"] == erfurt.get_absolute_url().replace("/en/", "/de/")
    erfurt.refresh_from_db()
    assert erfurt.status == Practice.Status.PUBLISHED
    assert erfurt.translation("de").members == public_before  # the public version stays
    proposal = PracticeProposal.objects.get(practice=erfurt, language="de")
    assert proposal.values["name"] == "Netzwerk Erfurt"
    # The editor sees it in the queue and on the review page, and publishing applies it.
    client.force_login(editor)
    assert erfurt.slug in client.get(reverse("compendium:review_queue")).text
    history = client.get(reverse("compendium:history", args=[erfurt.slug]))
    assert 'class="proposal"' in history.text and "Netzwerk Erfurt" in history.text
    client.post(reverse("compendium:review", args=[erfurt.slug]), {"decision": "publish"})
    erfurt.refresh_from_db()
    assert erfurt.translation("de").name == "Netzwerk Erfurt"
    assert not PracticeProposal.objects.exists()


def test_a_practice_saved_unchanged_records_no_revision(client, editor, erfurt):
    edit = reverse("compendium:edit", args=[erfurt.slug, "tr"]).replace("/en/", "/tr/")
    client.force_login(editor)
    before = erfurt.revisions.count()
    assert client.post(edit, as_browser_sends(client.get(edit).context["form"])).status_code == 302
    assert erfurt.revisions.count() == before


def _in_parallel(clients_and_data, url):
    return at_once(lambda c=client, d=data: c.post(url, d).status_code for client, data in clients_and_data)


@pytest.mark.django_db(transaction=True)
def test_five_clicks_on_submit_create_one_practice(member):
    vocabulary.load(Term)  # the facets are chosen from the vocabulary (emptied by an earlier transactional test)
    client = Client()
    client.force_login(member)
    form = as_browser_sends(client.get(reverse("compendium:submit")).context["form"])
    data = {**form, **FORM}
    statuses = _in_parallel([(client, data)] * 5, reverse("compendium:submit"))
    assert statuses == [302] * 5
    assert Practice.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_five_people_submitting_the_same_name_at_once_get_five_practices(member):
    vocabulary.load(Term)  # a transactional test starts without the migrations' vocabularies
    pairs = []
    for _ in range(5):
        client = Client()
        client.force_login(member)
        form = as_browser_sends(client.get(reverse("compendium:submit")).context["form"])
        pairs.append((client, {**form, **FORM}))
    statuses = _in_parallel(pairs, reverse("compendium:submit"))
    assert statuses == [302] * 5
    slugs = sorted(Practice.objects.values_list("slug", flat=True))
    assert len(set(slugs)) == 5 and slugs[0] == "rete-accoglienza-trento"


def test_an_author_still_editing_before_review_keeps_both_language_versions(client, member):
    practice = make_practice("Waiting Network", status=Practice.Status.SUBMITTED, submitted_by=member)
    client.force_login(member)
    edit = reverse("compendium:edit", args=[practice.slug, "en"])
    data = as_browser_sends(client.get(edit).context["form"])
    assert client.post(edit, {**data, "short_description": "Changed"}).status_code == 302
    assert practice.translations.get(language="en").short_description == "Changed"


def test_a_submission_with_a_published_practices_address_does_not_change_that_practice(client, member, erfurt):
    client.force_login(member)
    published = erfurt.translation("de").short_description
    client.post(reverse("compendium:submit"), {**FORM, "email": erfurt.email, "language": "de"})
    erfurt.refresh_from_db()
    assert erfurt.translation("de").short_description == published
    assert Practice.objects.count() == 2
