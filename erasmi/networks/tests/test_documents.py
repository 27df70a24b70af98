import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from erasmi.networks import uploads
from erasmi.networks.models import Document, DocumentVersion

PDF = b"%PDF-1.4\n% minutes\n"


def post_document(client, name, data, title="Minutes March"):
    return client.post(
        reverse("networks:documents", args=["erfurt"]),
        {"title": title, "kind": "minutes", "file": SimpleUploadedFile(name, data)},
    )


def test_member_uploads_a_document_and_a_new_version(client, member, erfurt_network, settings):
    client.force_login(member)
    assert post_document(client, "protokoll.pdf", PDF).status_code == 302
    document = Document.objects.get()
    client.post(
        reverse("networks:document", args=["erfurt", document.pk]),
        {"file": SimpleUploadedFile("protokoll-v2.pdf", PDF + b"v2")},
    )
    versions = list(document.versions.order_by("number"))
    assert [(v.number, v.original_name, v.uploaded_by) for v in versions] == [
        (1, "protokoll.pdf", member),
        (2, "protokoll-v2.pdf", member),
    ]
    # Stored outside the public media folder, under a name the uploader did not choose.
    path = versions[0].file.path
    assert path.startswith(str(settings.PRIVATE_ROOT / "documents" / str(erfurt_network.pk)))
    assert "protokoll" not in path
    response = client.get(reverse("networks:document_download", args=["erfurt", document.pk, 2]))
    assert b"".join(response.streaming_content) == PDF + b"v2"
    assert 'filename="protokoll-v2.pdf"' in response["Content-Disposition"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("tool.exe", b"MZ\x90\x00", "Files of type 'exe' cannot be uploaded"),
        ("fake.pdf", b"<html><script>alert(1)</script>", "The content of the file does not match its type 'pdf'."),
        ("image.png", b"GIF89a", "does not match its type 'png'"),
        ("notes.txt", b"\xff\xfe\x00\x00" * 100, "The file is not plain text."),
    ],
)
def test_wrong_types_are_refused_with_a_clear_message(client, member, erfurt_network, name, data, message):
    client.force_login(member)
    response = post_document(client, name, data)
    assert response.status_code == 400
    assert message in response.context["form"].errors["file"][0]
    assert not DocumentVersion.objects.exists()


def test_too_large_files_are_refused(client, member, erfurt_network, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_BYTES", 10)
    client.force_login(member)
    response = post_document(client, "big.pdf", PDF)
    assert response.context["form"].errors["file"] == ["The file is larger than 20 MB."]


def test_a_name_that_tries_to_leave_its_folder_is_refused():
    upload = File(io.BytesIO(PDF), name="../../etc/passwd.pdf")  # e.g. a path given to a command
    with pytest.raises(ValidationError, match="may not contain a path"):
        uploads.check(upload)


def test_through_the_web_a_path_in_the_name_never_reaches_the_disk(client, member, erfurt_network, settings):
    client.force_login(member)
    post_document(client, "../../../../tmp/evil.pdf", PDF)
    version = DocumentVersion.objects.get()
    assert version.original_name == "evil.pdf"  # Django keeps only the last part of the name
    assert version.file.path.startswith(str(settings.PRIVATE_ROOT))


def test_outsiders_get_nothing_of_the_archive(client, member, other_member, erfurt_network):
    client.force_login(member)
    post_document(client, "protokoll.pdf", PDF)
    document = Document.objects.get()
    client.force_login(other_member)
    for url in [
        reverse("networks:documents", args=["erfurt"]),
        reverse("networks:document", args=["erfurt", document.pk]),
        reverse("networks:document_download", args=["erfurt", document.pk, 1]),
    ]:
        assert client.get(url).status_code == 404, url
    client.logout()
    assert client.get(reverse("networks:document_download", args=["erfurt", document.pk, 1])).status_code == 302


def test_a_double_click_on_upload_and_on_add_task_does_it_once(client, coordinator, erfurt_network):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from erasmi.core.tests.formdata import as_browser_sends
    from erasmi.networks.models import Document, Task

    client.force_login(coordinator)
    url = reverse("networks:documents", args=["erfurt"])
    form = as_browser_sends(client.get(url).context["form"])
    for _ in range(2):
        upload = SimpleUploadedFile("minutes.txt", b"Protokoll", content_type="text/plain")
        response = client.post(url, {**form, "title": "Protokoll", "kind": "minutes", "file": upload})
        assert response.status_code == 302
    assert Document.objects.filter(title="Protokoll").count() == 1
    assert Document.objects.get(title="Protokoll").versions.count() == 1

    group = erfurt_network.working_groups.create(slug="ag", name="AG")
    page = reverse("networks:group", args=["erfurt", "ag"])
    form = as_browser_sends(client.get(page).context["task_form"])
    for _ in range(2):
        assert client.post(page, {**form, "title": "Raum buchen"}).status_code == 302
    assert Task.objects.filter(working_group=group, title="Raum buchen").count() == 1
