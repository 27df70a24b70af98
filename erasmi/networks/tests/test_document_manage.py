"""Renaming and deleting documents, and a note with each version."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from erasmi.core.tests.formdata import as_browser_sends
from erasmi.networks.models import Document, DocumentVersion, HistoryEntry

PDF = b"%PDF-1.4\n% minutes\n"


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def document(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    client.post(
        url("networks:documents", "erfurt"),
        {"title": "Protokoll", "kind": "minutes", "note": "Erste Fassung", "file": SimpleUploadedFile("p.pdf", PDF)},
    )
    document = Document.objects.get()
    client.post(
        url("networks:document", "erfurt", document.pk),
        {"note": "Tippfehler korrigiert\nund Anhang ergänzt", "file": SimpleUploadedFile("p2.pdf", PDF)},
    )
    return document


def test_each_version_keeps_the_note_entered_with_its_upload(client, document):
    assert list(document.versions.values_list("number", "note")) == [
        (2, "Tippfehler korrigiert\nund Anhang ergänzt"),
        (1, "Erste Fassung"),
    ]
    page = client.get(url("networks:document", "erfurt", document.pk)).text
    assert "Tippfehler korrigiert<br>und Anhang ergänzt" in page and "Erste Fassung" in page


def test_a_coordinator_renames_a_document_and_the_history_says_so(client, document):
    client.post(url("networks:document_edit", "erfurt", document.pk), {"title": "Protokoll Mai", "kind": "minutes"})
    document.refresh_from_db()
    assert document.title == "Protokoll Mai"
    assert HistoryEntry.objects.filter(action=HistoryEntry.Action.CHANGED, object_repr="Protokoll Mai").exists()


@pytest.mark.parametrize("language", ["de", "tr"])
def test_a_document_saved_unchanged_changes_nothing(client, document, language):
    edit = url("networks:document_edit", "erfurt", document.pk, language=language)
    before = HistoryEntry.objects.count()
    client.post(edit, as_browser_sends(client.get(edit).context["form"]))
    document.refresh_from_db()
    assert document.title == "Protokoll"
    assert HistoryEntry.objects.count() == before


def test_deleting_a_document_asks_first_then_removes_its_files_and_leaves_a_history_line(
    client, document, django_capture_on_commit_callbacks
):
    files = [settings.PRIVATE_ROOT / v.file.name for v in document.versions.all()]
    assert all(path.exists() for path in files)
    delete = url("networks:document_delete", "erfurt", document.pk)
    assert "and its 2 versions are deleted for good" in client.get(delete).text
    assert Document.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(delete)
    assert not Document.objects.exists() and not DocumentVersion.objects.exists()
    assert not any(path.exists() for path in files)
    entry = HistoryEntry.objects.get(action=HistoryEntry.Action.DELETED)
    assert entry.object_repr == "Protokoll" and entry.changes == {"versions": 2}
    # The history, the network's page and the start page read it (in German too).
    for page in ("networks:history", "networks:detail"):
        response = client.get(url(page, "erfurt", language="de"))
        assert response.status_code == 200 and "Protokoll" in response.text
    assert "Versionen: 2" in client.get(url("networks:history", "erfurt", language="de")).text
    assert client.get(url("core:home", language="de")).status_code == 200


def test_members_cannot_rename_or_delete_and_other_networks_learn_nothing(client, document, member, other_member):
    client.force_login(member)
    assert client.post(url("networks:document_delete", "erfurt", document.pk)).status_code == 403
    assert client.post(url("networks:document_edit", "erfurt", document.pk), {"title": "x"}).status_code == 403
    client.force_login(other_member)
    assert client.post(url("networks:document_delete", "erfurt", document.pk)).status_code == 404
    assert Document.objects.get().title == "Protokoll"
