from django.core.files.uploadedfile import SimpleUploadedFile

from erasmi.library.models import Resource
from erasmi.library.tests.factories import PDF


def _form(**extra) -> dict:
    return {
        "title": "Working-group charter",
        "description": "A template.\nWith two lines.",
        "kind": "teaching_material",
        "licence": "CC-BY-SA-4.0",
        "author": "Anna Weber",
        "organisation": "City of Erfurt",
        "country": "DE",
        "spoken": ["de", "en"],
        "tags": "charter, working groups, charter",
        "network": "",
        "link": "",
        **extra,
    }


def test_a_member_submits_a_resource_with_a_file_that_waits_for_review(client, member):
    client.force_login(member)

    response = client.post(
        "/en/library/submit/", _form(upload=SimpleUploadedFile("charter.pdf", PDF, content_type="application/pdf"))
    )

    resource = Resource.objects.get()
    assert response.status_code == 302
    assert resource.status == Resource.Status.SUBMITTED
    assert resource.submitted_by == member
    assert resource.languages == ["de", "en"]
    assert resource.file_name == "charter.pdf"
    assert not resource.file.name.endswith("charter.pdf")  # stored under a name of our own
    assert sorted(t.name for t in resource.tags.all()) == ["charter", "working groups"]
    assert resource.translation("en").title == "Working-group charter"


def test_a_visitor_is_sent_to_sign_in(client, db):
    assert client.get("/en/library/submit/").status_code == 302


def test_a_file_whose_content_is_not_its_type_is_refused(client, member):
    client.force_login(member)

    response = client.post(
        "/en/library/submit/", _form(upload=SimpleUploadedFile("charter.pdf", b"MZ\x90\x00 not a pdf"))
    )

    assert response.status_code == 400
    assert "does not match its type" in response.content.decode()
    assert not Resource.objects.exists()


def test_a_program_cannot_be_uploaded(client, member):
    client.force_login(member)

    response = client.post("/en/library/submit/", _form(upload=SimpleUploadedFile("setup.exe", b"MZ\x90\x00")))

    assert response.status_code == 400
    assert "cannot be uploaded" in response.content.decode()


def test_a_link_must_be_http_or_https(client, member):
    client.force_login(member)

    refused = client.post("/en/library/submit/", _form(link="javascript:alert(1)"))
    ftp = client.post("/en/library/submit/", _form(link="ftp://example.org/file"))
    accepted = client.post("/en/library/submit/", _form(link="https://example.org/charter"))

    assert refused.status_code == 400 and ftp.status_code == 400
    assert accepted.status_code == 302
    assert Resource.objects.get().link == "https://example.org/charter"


def test_a_file_or_a_link_is_needed(client, member):
    client.force_login(member)

    response = client.post("/en/library/submit/", _form())

    assert response.status_code == 400
    assert "Upload a file or give a link." in response.content.decode()


def test_a_member_can_choose_only_their_own_network(client, member, network, outsider):
    from erasmi.networks.models import Network

    elsewhere = Network.objects.get(slug="elsewhere")
    client.force_login(member)

    refused = client.post("/en/library/submit/", _form(link="https://example.org/a", network=elsewhere.pk))
    accepted = client.post("/en/library/submit/", _form(link="https://example.org/a", network=network.pk))

    assert refused.status_code == 400
    assert accepted.status_code == 302
    assert Resource.objects.get().network == network


def test_sending_the_form_twice_creates_one_resource(client, member):
    client.force_login(member)
    data = _form(link="https://example.org/a", once="abc123")

    client.post("/en/library/submit/", data)
    client.post("/en/library/submit/", data)

    assert Resource.objects.count() == 1
