"""The discussion of a network's internal resource reaches only those who may read it, by page and by mail."""

from django.test import Client

from erasmi.library import services
from erasmi.library.models import Comment
from erasmi.library.tests.factories import make_resource
from erasmi.networks.models import Role
from erasmi.notifications.models import Notice


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_resource_made_internal_again_no_longer_mails_its_discussion_to_other_networks(
    coordinator, member, outsider, network
):
    resource = make_resource("Our referral list", network=network, shared=True, user=member)
    services.add_comment(resource, author=outsider, body="Useful, thanks!")
    services.share(resource, False)  # internal to the network again

    services.add_comment(resource, author=coordinator, body="Internal: the new phone number of the clinic")

    assert not Notice.objects.filter(address=outsider.email).exists()
    assert Notice.objects.filter(address=member.email).count() == 2  # the submitter still hears of both


def test_a_person_who_left_the_network_no_longer_hears_of_its_internal_discussion(coordinator, member, network):
    resource = make_resource("Our referral list", network=network, user=coordinator)
    services.add_comment(resource, author=member, body="I will update it.")
    Role.objects.filter(network=network, person__user=member).delete()  # the role was removed

    services.add_comment(resource, author=coordinator, body="Internal: new numbers")

    assert not Notice.objects.filter(address=member.email).exists()


def test_a_double_click_on_comment_posts_the_comment_once(member, db):
    resource = make_resource()
    client = _signed_in(member)
    page = client.get(resource.get_absolute_url()).content.decode()
    key = page.split('name="once" value="', 1)[1].split('"', 1)[0]

    for _click in range(2):
        response = client.post(f"/en/library/{resource.slug}/comments/", {"body": "Hello", "once": key})
        assert response.status_code == 302

    assert Comment.objects.count() == 1


def test_a_double_click_on_publish_tells_the_submitter_once(
    editor, member, smtp_server, django_capture_on_commit_callbacks
):
    from erasmi.library.models import Resource

    resource = make_resource("Charter", status=Resource.Status.SUBMITTED, user=member)
    client = _signed_in(editor)
    page = client.get(resource.get_absolute_url()).content.decode()
    key = page.split('class="review-form">', 1)[1].split('name="once" value="', 1)[1].split('"', 1)[0]

    for _click in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            data = {"decision": "publish", "comment": "", "once": key}
            assert client.post(f"/en/library/{resource.slug}/review/", data).status_code == 302

    assert len(smtp_server.messages) == 1


def test_a_flood_of_comments_is_stopped_before_it_floods_the_participants_mailboxes(member, other_member, db):
    resource = make_resource(user=other_member)  # the submitter hears of every comment
    client = _signed_in(member)
    statuses = [
        client.post(f"/de/library/{resource.slug}/comments/", {"body": f"Comment {n}"}).status_code for n in range(15)
    ]

    assert statuses[:10] == [302] * 10
    assert set(statuses[10:]) == {429}
    assert Comment.objects.count() == 10
    assert Notice.objects.filter(address=other_member.email).count() == 10
    page = client.post(f"/de/library/{resource.slug}/comments/", {"body": "More"}).content.decode()
    assert "Bitte haben Sie etwas Geduld" in page
