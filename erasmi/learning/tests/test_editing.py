"""Editors write units and method cards on Erasmi's own pages, in every language."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from erasmi.learning.models import Attachment, MethodCardTranslation, State, UnitTranslation


def edit_url(name, *args):
    return reverse(f"learning:{name}", args=args)


def post_unchanged(client, url):
    form = client.get(url).context["form"]
    data = {name: field.field.prepare_value(field.initial) for name, field in ((n, form[n]) for n in form.fields)}
    data = {k: v for k, v in data.items() if v is not None}
    return client.post(url, data)


def test_members_cannot_edit(client, toolkit, member):
    client.force_login(member)
    assert client.get(edit_url("unit_edit", "working-groups", "de")).status_code == 403
    assert client.get(edit_url("card_edit", "world-cafe", "de")).status_code == 403
    assert client.get(edit_url("page_edit", "working-groups", 1, "de")).status_code == 403


@pytest.mark.parametrize("language", ["de", "tr"])
def test_a_unit_saved_unchanged_changes_nothing(client, toolkit, editor, language):
    client.force_login(editor)
    before = UnitTranslation.objects.get(unit__slug="working-groups", language=language)
    response = post_unchanged(client, f"/{language}/toolkit/working-groups/edit/{language}/")
    assert response.status_code == 302
    after = UnitTranslation.objects.get(pk=before.pk)
    assert (after.updated, after.edited_by_id, after.state) == (before.updated, None, before.state)


@pytest.mark.parametrize("language", ["de", "tr"])
def test_a_page_and_a_card_saved_unchanged_change_nothing(client, toolkit, editor, language):
    client.force_login(editor)
    unit = UnitTranslation.objects.get(unit__slug="working-groups", language=language)
    card = MethodCardTranslation.objects.get(card__slug="world-cafe", language=language)
    post_unchanged(client, f"/{language}/toolkit/working-groups/2/edit/{language}/")
    post_unchanged(client, f"/{language}/toolkit/methods/world-cafe/edit/{language}/")
    assert UnitTranslation.objects.get(pk=unit.pk).updated == unit.updated
    assert MethodCardTranslation.objects.get(pk=card.pk).updated == card.updated


def test_editing_the_original_marks_the_translations_outdated(client, toolkit, editor):
    client.force_login(editor)
    url = "/de/toolkit/working-groups/edit/de/"
    form = client.get(url).context["form"]
    data = {"title": "Arbeitsgruppen mit Zielen", "summary": "Neu.", "objectives": "Eins\nZwei"}
    client.post(url, {**data, "reflection_prompt": "?", "version_token": form.token})
    version = UnitTranslation.objects.get(unit__slug="working-groups", language="de")
    assert version.objectives == ["Eins", "Zwei"] and version.edited_by == editor
    assert UnitTranslation.objects.get(unit__slug="working-groups", language="it").state == State.OUTDATED


def test_an_editor_adds_a_language_version_of_a_unit_that_lacks_it(client, german_only, editor):
    client.force_login(editor)
    url = "/en/toolkit/nur-deutsch/edit/en/"
    form = client.get(url).context["form"]
    data = {"title": "Building trust", "summary": "Short.", "objectives": "", "reflection_prompt": ""}
    assert client.post(url, {**data, "version_token": form.token}).status_code == 302
    version = UnitTranslation.objects.get(unit=german_only, language="en")
    assert version.state == State.TRANSLATED and version.pages[0]["title"] == "Erste Seite"
    assert "Building trust" in client.get("/en/toolkit/nur-deutsch/").content.decode()


def test_an_image_is_checked_like_a_document(client, toolkit, editor):
    client.force_login(editor)
    url = "/en/toolkit/working-groups/files/new/"
    fake = SimpleUploadedFile("photo.png", b"<html>not an image</html>", content_type="image/png")
    response = client.post(url, {"title": "A world café", "page": "1", "file": fake})
    assert response.status_code == 400 and not Attachment.objects.exists()
    png = SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n" + b"0" * 64, content_type="image/png")
    assert client.post(url, {"title": "A world café", "page": "1", "file": png}).status_code == 302
    item = Attachment.objects.get()
    page = client.get("/en/toolkit/working-groups/1/").content.decode()
    assert f'src="/en/toolkit/working-groups/files/{item.pk}/"' in page and 'alt="A world café"' in page
    client.logout()
    assert client.get(item.get_absolute_url()).status_code == 200


def test_an_editor_creates_a_draft_unit_once_and_publishes_it(client, toolkit, editor):
    from erasmi.learning.models import Unit

    client.force_login(editor)
    form = client.get("/de/toolkit/new/").context["form"]
    data = {"slug": "vertrauen", "title": "Vertrauen aufbauen", "summary": "", "once": form.initial["once"]}
    assert client.post("/de/toolkit/new/", data).status_code == 302
    assert client.post("/de/toolkit/new/", data).status_code == 302  # a double click
    unit = Unit.objects.get(slug="vertrauen")
    assert unit.status == "draft" and unit.translation("de").title == "Vertrauen aufbauen"
    client.logout()
    assert client.get("/de/toolkit/vertrauen/").status_code == 404
    client.force_login(editor)
    settings = client.get("/de/toolkit/vertrauen/settings/").context["form"]
    client.post(
        "/de/toolkit/vertrauen/settings/",
        {"status": "published", "position": "9", "factors": ["exchange"], "version_token": settings.token},
    )
    client.logout()
    assert "Vertrauen aufbauen" in client.get("/de/toolkit/").content.decode()
    assert client.post("/de/toolkit/new/", data).status_code == 302 and Unit.objects.count() == 5


def test_a_reserved_or_taken_short_name_is_refused(client, toolkit, editor):
    client.force_login(editor)
    for slug in ("methods", "working-groups"):
        form = client.get("/en/toolkit/new/").context["form"]
        response = client.post("/en/toolkit/new/", {"slug": slug, "title": "X", "once": form.initial["once"]})
        assert response.status_code == 400


def test_an_editor_writes_the_exercise_as_plain_text(client, toolkit, editor):
    client.force_login(editor)
    url = "/it/toolkit/working-groups/questions/it/"
    form = client.get(url).context["form"]
    assert "* Entro fine marzo redigiamo" in form["questions"].value()
    text = "? Domanda nuova\n* Sì | Esatto.\n- No | Purtroppo no.\n\n? Seconda\n* A | Bene\n* B | Bene anche"
    assert client.post(url, {"questions": text, "version_token": form.token}).status_code == 302
    questions = UnitTranslation.objects.get(unit__slug="working-groups", language="it").questions
    assert [q["multiple"] for q in questions] == [False, True]
    assert questions[0]["answers"][1] == {"text": "No", "correct": False, "feedback": "Purtroppo no."}
    broken = client.post(url, {"questions": "? Only one\n* A", "version_token": form.token})
    assert broken.status_code == 400


@pytest.mark.parametrize("language", ["de", "tr"])
def test_the_exercise_and_settings_saved_unchanged_change_nothing(client, toolkit, editor, language):
    from erasmi.learning.models import MethodCard, Unit

    client.force_login(editor)
    version = UnitTranslation.objects.get(unit__slug="information-flow", language=language)
    unit, card = Unit.objects.get(slug="information-flow"), MethodCard.objects.get(slug="info-tables")
    post_unchanged(client, f"/{language}/toolkit/information-flow/questions/{language}/")
    post_unchanged(client, f"/{language}/toolkit/information-flow/settings/")
    post_unchanged(client, f"/{language}/toolkit/methods/info-tables/settings/")
    assert UnitTranslation.objects.get(pk=version.pk).updated == version.updated
    assert Unit.objects.get(pk=unit.pk).updated == unit.updated
    assert MethodCard.objects.get(pk=card.pk).updated == card.updated
