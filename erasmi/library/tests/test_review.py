from erasmi.library.models import Resource
from erasmi.library.tests.factories import make_resource


def test_an_editor_publishes_and_the_submitter_is_told_by_mail(
    client, editor, member, smtp_server, django_capture_on_commit_callbacks
):
    member.language = "de"
    member.save()
    resource = make_resource("Charter", status=Resource.Status.SUBMITTED, user=member)
    client.force_login(editor)

    queue = client.get("/en/library/review/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/library/{resource.slug}/review/", {"decision": "publish", "comment": ""})

    resource.refresh_from_db()
    assert "Charter" in queue
    assert resource.status == Resource.Status.PUBLISHED and resource.published_at
    assert smtp_server.messages[0]["to"] == ["member@example.org"]
    assert "veröffentlicht" in smtp_server.messages[0]["message"]["subject"]
    assert f"/de/library/{resource.slug}/" in smtp_server.body()


def test_asking_for_changes_needs_a_comment_that_the_submitter_receives(
    client, editor, member, smtp_server, django_capture_on_commit_callbacks
):
    resource = make_resource("Charter", status=Resource.Status.SUBMITTED, user=member)
    client.force_login(editor)

    client.post(f"/en/library/{resource.slug}/review/", {"decision": "request_changes", "comment": ""})
    resource.refresh_from_db()
    assert resource.status == Resource.Status.SUBMITTED and not smtp_server.messages

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/en/library/{resource.slug}/review/", {"decision": "request_changes", "comment": "Add the licence."}
        )
    resource.refresh_from_db()
    assert resource.status == Resource.Status.CHANGES_REQUESTED
    assert "Add the licence." in smtp_server.body()


def test_a_member_cannot_review(client, member):
    resource = make_resource("Charter", status=Resource.Status.SUBMITTED, user=member)
    client.force_login(member)

    assert client.get("/en/library/review/").status_code == 403
    assert client.post(f"/en/library/{resource.slug}/review/", {"decision": "publish"}).status_code == 403
    resource.refresh_from_db()
    assert resource.status == Resource.Status.SUBMITTED


def test_the_submitters_edit_after_a_request_for_changes_goes_back_to_review(client, member):
    resource = make_resource("Charter", status=Resource.Status.CHANGES_REQUESTED, user=member)
    client.force_login(member)
    form = client.get(f"/en/library/{resource.slug}/edit/en/").context["form"]
    data = {name: form[name].value() for name in form.fields if name != "upload"}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data["title"] = "Charter, with the licence"

    client.post(f"/en/library/{resource.slug}/edit/en/", data)

    resource.refresh_from_db()
    assert resource.status == Resource.Status.SUBMITTED
    assert resource.translation("en").title == "Charter, with the licence"
