from django.test import Client

from erasmi.library import services
from erasmi.library.models import Comment, Report
from erasmi.library.tests.factories import make_resource


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_signed_in_user_comments_and_line_breaks_are_kept_as_plain_text(member, db):
    resource = make_resource()
    client = _signed_in(member)

    client.post(f"/en/library/{resource.slug}/comments/", {"body": "First line\r\n<b>second</b> line"})
    page = client.get(resource.get_absolute_url()).content.decode()

    assert Comment.objects.get().body == "First line\n<b>second</b> line"
    assert "First line<br>&lt;b&gt;second&lt;/b&gt; line" in page


def test_a_visitor_cannot_comment(client, db):
    resource = make_resource()

    response = client.post(f"/en/library/{resource.slug}/comments/", {"body": "Hello"})

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Comment.objects.exists()


def test_the_commenters_address_is_never_shown(member, db):
    resource = make_resource()
    services.add_comment(resource, author=member, body="Hello")

    page = Client().get(resource.get_absolute_url()).content.decode()

    assert "member@example.org" not in page


def test_those_taking_part_hear_of_a_new_comment_in_their_language_but_not_its_author(
    member, other_member, editor, db, smtp_server, immediate_tasks, django_capture_on_commit_callbacks
):
    resource = make_resource()
    resource.submitted_by = editor
    resource.save()
    other_member.language = "de"
    other_member.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.add_comment(resource, author=other_member, body="Gute Methode.")
        services.add_comment(resource, author=member, body="Thanks,\nwe used it too.")
    told = [(m["to"][0], m["message"]["Subject"]) for m in smtp_server.messages]
    assert ("member@example.org", told[0][1]) not in told  # nobody hears of their own comment
    assert sorted(address for address, _subject in told) == ["editor@example.org"] * 2 + ["other@example.org"]
    (german,) = [m["message"] for m in smtp_server.messages if m["to"] == ["other@example.org"]]
    assert german["Subject"].startswith("Neuer Kommentar: ")
    assert "Thanks,\r\nwe used it too." in german.get_body().get_content()  # its line break kept


def test_anyone_signed_in_reports_a_comment_once_and_an_editor_hides_it(member, other_member, editor, db):
    resource = make_resource()
    comment = services.add_comment(resource, author=member, body="Buy cheap pills")
    reporter = _signed_in(other_member)

    reporter.post(f"/en/library/{resource.slug}/comments/{comment.pk}/report/")
    reporter.post(f"/en/library/{resource.slug}/comments/{comment.pk}/report/")
    assert Report.objects.count() == 1
    queue = _signed_in(editor).get("/en/library/review/").content.decode()
    assert "Buy cheap pills" in queue

    _signed_in(editor).post(f"/en/library/{resource.slug}/comments/{comment.pk}/hide/")

    assert "Buy cheap pills" not in Client().get(resource.get_absolute_url()).content.decode()
    assert "Buy cheap pills" not in reporter.get(resource.get_absolute_url()).content.decode()
    assert "Buy cheap pills" in _signed_in(editor).get(resource.get_absolute_url()).content.decode()
    assert "Hidden by a moderator" in _signed_in(member).get(resource.get_absolute_url()).content.decode()


def test_a_member_cannot_hide_a_comment(member, other_member, db):
    resource = make_resource()
    comment = services.add_comment(resource, author=member, body="Hello")

    response = _signed_in(other_member).post(f"/en/library/{resource.slug}/comments/{comment.pk}/hide/")

    assert response.status_code == 403
    comment.refresh_from_db()
    assert not comment.hidden


def test_a_coordinator_moderates_the_discussion_of_the_networks_internal_resource(coordinator, member, network):
    internal = make_resource("Internal", network=network)
    shared = make_resource("Shared", network=network, shared=True)
    on_internal = services.add_comment(internal, author=member, body="Off topic")
    on_shared = services.add_comment(shared, author=member, body="Off topic")
    client = _signed_in(coordinator)

    client.post(f"/en/library/{internal.slug}/comments/{on_internal.pk}/hide/")
    refused = client.post(f"/en/library/{shared.slug}/comments/{on_shared.pk}/hide/")

    on_internal.refresh_from_db()
    assert on_internal.hidden
    assert refused.status_code == 403


def test_a_moderator_shows_a_hidden_comment_again(member, editor, db):
    resource = make_resource()
    comment = services.add_comment(resource, author=member, body="Fine after all")
    services.hide(comment, by=editor)

    _signed_in(editor).post(f"/en/library/{resource.slug}/comments/{comment.pk}/unhide/")

    assert "Fine after all" in Client().get(resource.get_absolute_url()).content.decode()


def test_a_hidden_comment_cannot_be_reported(member, other_member, editor, db):
    resource = make_resource()
    comment = services.add_comment(resource, author=member, body="Hidden")
    services.hide(comment, by=editor)

    response = _signed_in(other_member).post(f"/en/library/{resource.slug}/comments/{comment.pk}/report/")

    assert response.status_code == 404


def test_the_commenter_is_told_in_their_language_that_the_comment_is_published(member, db):
    resource = make_resource()
    client = _signed_in(member)

    response = client.post(f"/de/library/{resource.slug}/comments/", {"body": "Danke für die Liste"}, follow=True)

    page = response.content.decode()
    assert "Ihr Kommentar ist veröffentlicht." in page and "Danke für die Liste" in page
    assert page.count("Ihr Kommentar ist veröffentlicht.") == 1
    assert "Ihr Kommentar ist veröffentlicht." not in client.get(f"/de/library/{resource.slug}/").content.decode()
