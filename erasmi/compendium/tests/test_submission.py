from django.urls import reverse

from erasmi.compendium.models import Practice, PracticeRevision
from erasmi.compendium.tests.factories import make_practice

FORM = {
    "language": "it",
    "status_as_of": "2024-05",
    "name": "Rete Accoglienza Trento",
    "founding_year": "2017",
    "location": "Trento / Trentino / Italia",
    "coordinating_organisation": "Comune di Trento",
    "formalisation": "formal-cooperation-agreement",
    "members": "Circa 40 organizzazioni",
    "fields_of_action": ["housing", "health"],
    "target_groups": ["migrants-refugees"],
    "network_type": "civil-society-network",
    "short_description": "Una rete di accoglienza.",
    "resources": "Volontari\nSale del comune",
    "success_factors": "• Fiducia",
    "website": "www.accoglienza-trento.example",
    "email": "info@accoglienza-trento.example",
}


def test_visitor_is_sent_to_sign_in(client, db):
    response = client.get(reverse("compendium:submit"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_member_submits_a_practice_in_italian(client, member):
    client.force_login(member)
    response = client.post(reverse("compendium:submit"), FORM)
    practice = Practice.objects.get()
    assert response.status_code == 302
    assert practice.status == Practice.Status.SUBMITTED
    assert practice.submitted_by == member
    assert practice.original_language == "it"
    t = practice.translations.get()
    assert t.fields_of_action == ["Abitazione", "Salute"]
    assert t.success_factors == ["Fiducia"]
    assert practice.country.slug == "italy"
    assert sorted(practice.fields_of_action.values_list("slug", flat=True)) == ["health", "housing"]
    assert practice.member_count == 40
    assert practice.revisions.get().action == PracticeRevision.Action.SUBMITTED
    # Not public until an editor publishes it.
    client.logout()
    assert client.get(practice.get_absolute_url()).status_code == 404


def test_a_submission_without_a_name_shows_the_error_and_saves_nothing(client, member):
    client.force_login(member)
    response = client.post(reverse("compendium:submit"), {**FORM, "name": "", "founding_year": "3000"})
    assert response.status_code == 200
    assert Practice.objects.count() == 0
    assert response.context["form"].errors.keys() == {"name", "founding_year"}
    assert "Please correct the fields marked below." in response.text


def test_editor_publishes_a_submission(client, member, editor):
    practice = make_practice("Waiting Network", status=Practice.Status.SUBMITTED, submitted_by=member)
    client.force_login(editor)
    assert "Waiting Network" in client.get(reverse("compendium:review_queue")).text
    client.post(reverse("compendium:review", args=[practice.slug]), {"decision": "publish"})
    practice.refresh_from_db()
    assert practice.status == Practice.Status.PUBLISHED
    assert practice.published_at is not None
    client.logout()
    assert client.get(practice.get_absolute_url()).status_code == 200


def test_editor_asks_for_changes_and_the_author_resubmits(client, member, editor):
    practice = make_practice("Waiting Network", status=Practice.Status.SUBMITTED, submitted_by=member)
    client.force_login(editor)
    response = client.post(reverse("compendium:review", args=[practice.slug]), {"decision": "request_changes"})
    practice.refresh_from_db()
    assert practice.status == Practice.Status.SUBMITTED  # a request for changes needs a comment
    client.post(
        reverse("compendium:review", args=[practice.slug]),
        {"decision": "request_changes", "comment": "Please add the founding year."},
    )
    practice.refresh_from_db()
    assert practice.status == Practice.Status.CHANGES_REQUESTED

    client.force_login(member)
    history = client.get(reverse("compendium:history", args=[practice.slug]))
    assert "Please add the founding year." in history.text
    edit_url = reverse("compendium:edit", args=[practice.slug, "en"])
    form = {**FORM, "language": "en", "name": "Waiting Network", "founding_year": "1999"}
    response = client.post(edit_url, form)
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.founding_year == 1999
    assert practice.status == Practice.Status.SUBMITTED
    actions = list(practice.revisions.order_by("created", "id").values_list("action", flat=True))
    assert actions == ["changes_requested", "edited"]


def test_history_keeps_every_change_with_its_content(client, member, editor):
    practice = make_practice("Waiting Network", status=Practice.Status.SUBMITTED, submitted_by=member)
    client.force_login(editor)
    form = {**FORM, "language": "en", "name": "Waiting Network", "short_description": "New text"}
    client.post(reverse("compendium:edit", args=[practice.slug, "en"]), form)
    client.post(reverse("compendium:review", args=[practice.slug]), {"decision": "publish"})
    revisions = list(practice.revisions.order_by("created", "id"))
    assert [r.action for r in revisions] == ["edited", "published"]
    assert revisions[0].author == editor
    assert revisions[0].snapshot["translations"]["en"]["short_description"] == "New text"
    form["short_description"] = "Newer text"
    client.post(reverse("compendium:edit", args=[practice.slug, "en"]), form)
    history = client.get(reverse("compendium:history", args=[practice.slug]))
    assert "Changed: Short description</span>" in history.text, history.text[history.text.find("<ol") :][:1500]


def test_editor_adds_a_translation_which_is_marked_translated(client, erfurt, editor):
    client.force_login(editor)
    form = {**FORM, "language": "en", "name": "Network for Integration of the State Capital Erfurt"}
    client.post(reverse("compendium:edit", args=[erfurt.slug, "en"]), form)
    assert erfurt.translations.get(language="en").state == "translated"
    assert erfurt.translations.get(language="de").state == "original"


def test_members_cannot_review_or_edit_others_practices(client, member, other_member, erfurt):
    pending = make_practice("Pending", status=Practice.Status.SUBMITTED, submitted_by=other_member)
    client.force_login(member)
    assert client.get(reverse("compendium:review_queue")).status_code == 403
    assert client.post(reverse("compendium:review", args=[pending.slug]), {"decision": "publish"}).status_code == 404
    assert client.post(reverse("compendium:review", args=[erfurt.slug]), {"decision": "unpublish"}).status_code == 403
    assert client.get(reverse("compendium:edit", args=[erfurt.slug, "de"])).status_code == 403
    assert client.get(reverse("compendium:history", args=[erfurt.slug])).status_code == 403
    erfurt.refresh_from_db()
    assert erfurt.status == Practice.Status.PUBLISHED


def test_my_submissions_lists_only_mine(client, member, other_member):
    make_practice("Mine", status=Practice.Status.SUBMITTED, submitted_by=member)
    make_practice("Theirs", status=Practice.Status.SUBMITTED, submitted_by=other_member)
    client.force_login(member)
    response = client.get(reverse("compendium:mine"))
    assert "Mine" in response.text
    assert "Theirs" not in response.text


def test_submitted_text_cannot_inject_html(client, member, editor):
    client.force_login(member)
    client.post(reverse("compendium:submit"), {**FORM, "short_description": "<script>alert(1)</script>Hello"})
    practice = Practice.objects.get()
    client.force_login(editor)
    response = client.get(practice.get_absolute_url())
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;" in response.text


def test_facets_are_chosen_from_the_shared_vocabularies_in_the_readers_language(client, member):
    client.force_login(member)
    form = client.get("/de/compendium/submit/").text
    assert 'value="housing"' in form and ">Wohnen</label>" in form  # the term's German name
    assert 'name="fields_of_action_other"' in form
    assert '<option value="civil-society-network">Zivilgesellschaftliches Netzwerk</option>' in form


def test_another_wording_waits_for_an_editor_and_is_no_public_filter(client, member, editor):
    from erasmi.compendium.models import TermProposal

    client.force_login(member)
    data = {**FORM, "fields_of_action": ["housing"], "fields_of_action_other": "Sport e tempo libero"}
    assert client.post(reverse("compendium:submit"), data).status_code == 302
    practice = Practice.objects.get()
    assert practice.translations.get().fields_of_action == ["Abitazione", "Sport e tempo libero"]
    assert list(practice.fields_of_action.values_list("slug", flat=True)) == ["housing"]
    proposal = TermProposal.objects.get()
    assert (proposal.text, proposal.language) == ("Sport e tempo libero", "it")
    client.force_login(editor)
    assert "Sport e tempo libero" in client.get(reverse("compendium:vocabulary")).text


def test_one_term_or_another_wording_not_both(client, member):
    client.force_login(member)
    data = {**FORM, "network_type_other": "Rete di quartiere"}
    response = client.post(reverse("compendium:submit"), data)
    assert response.status_code == 200 and Practice.objects.count() == 0
    assert "network_type_other" in response.context["form"].errors


def test_an_author_edits_the_facets_of_a_version_as_chosen_before(client, member):
    practice = make_practice("Harbour Network", fields_of_action=["Housing", "Harbour life"], submitted_by=member)
    client.force_login(member)
    form = client.get(reverse("compendium:edit", args=[practice.slug, "en"])).context["form"]
    assert form.initial["fields_of_action"] == ["housing"]
    assert form.initial["fields_of_action_other"] == "Harbour life"
