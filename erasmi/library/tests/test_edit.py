import pytest

from erasmi.library.models import Resource, ResourceTranslation
from erasmi.library.tests.factories import make_resource


def _as_sent(form) -> dict:
    """The form as a browser sends it unchanged."""
    data = {}
    for name, field in form.fields.items():
        if name == "upload" or field.disabled:
            continue
        value = form[name].value()
        if value is None or value is False:
            continue
        data[name] = value
    return data


@pytest.mark.parametrize("language", ["de", "tr"])
def test_the_edit_form_saved_unchanged_changes_nothing(client, editor, network, language):
    resource = make_resource(
        "Netzwerkcafé",
        language=language,
        description="Zeile eins\nZeile zwei",
        tags="Café, Infotische",
        spoken=("de", "tr", "ar"),
        network=network,
        shared=True,
    )
    before = Resource.objects.filter(pk=resource.pk).values().get()
    version = ResourceTranslation.objects.filter(resource=resource).values().get()
    client.force_login(editor)
    url = f"/{language}/library/{resource.slug}/edit/{language}/"

    response = client.post(url, _as_sent(client.get(url).context["form"]))

    assert response.status_code == 302
    assert Resource.objects.filter(pk=resource.pk).values().get() == before
    assert ResourceTranslation.objects.filter(resource=resource).values().get() == version
    assert sorted(t.name for t in resource.tags.all()) == ["Café", "Infotische"]


def test_a_changed_field_is_saved(client, editor):
    resource = make_resource("Guide", country="DE")
    client.force_login(editor)
    url = f"/en/library/{resource.slug}/edit/en/"
    data = _as_sent(client.get(url).context["form"])
    data["country"] = "TR"

    client.post(url, data)

    resource.refresh_from_db()
    assert resource.country == "TR"


def test_a_translation_leaves_the_shared_fields_alone_and_is_outdated_when_the_original_changes(client, editor):
    resource = make_resource("Guide", description="Original text")
    client.force_login(editor)
    url = f"/de/library/{resource.slug}/edit/de/"
    data = _as_sent(client.get(url).context["form"])
    data.update(title="Leitfaden", description="Übersetzter Text", kind="tool")

    client.post(url, data)
    german = resource.translations.get(language="de")
    assert german.state == ResourceTranslation.State.TRANSLATED
    resource.refresh_from_db()
    assert resource.kind == Resource.Kind.METHOD

    original_url = f"/en/library/{resource.slug}/edit/en/"
    data = _as_sent(client.get(original_url).context["form"])
    data["description"] = "Original text, revised"
    client.post(original_url, data)
    german.refresh_from_db()
    assert german.state == ResourceTranslation.State.OUTDATED


def test_after_publishing_only_editors_edit(client, member):
    resource = make_resource("Guide", user=member)
    client.force_login(member)

    assert client.get(f"/en/library/{resource.slug}/edit/en/").status_code == 403


def test_a_new_file_replaces_the_link(client, editor):
    from erasmi.library.tests.factories import pdf_file

    resource = make_resource("Guide", link="https://example.org/guide")
    client.force_login(editor)
    url = f"/en/library/{resource.slug}/edit/en/"
    data = _as_sent(client.get(url).context["form"])
    data.update(link="", upload=pdf_file("guide-v2.pdf"))

    client.post(url, data)

    resource.refresh_from_db()
    assert resource.file_name == "guide-v2.pdf" and resource.link == ""
    assert client.get(f"{resource.get_absolute_url()}file/").status_code == 200
