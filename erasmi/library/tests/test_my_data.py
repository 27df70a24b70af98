"""A person's export of their data holds what they did in the library, and nobody else's."""

from erasmi.library import services
from erasmi.library.tests.factories import make_resource


def test_my_data_holds_my_resources_comments_and_reports_but_not_others(client, member, other_member):
    mine = make_resource("My guide", user=member)
    services.add_comment(mine, author=member, body="My own remark")
    theirs = services.add_comment(mine, author=other_member, body="Someone else's remark")
    services.report(theirs, member)
    make_resource("Their guide", user=other_member)

    client.force_login(member)
    data = client.get("/en/accounts/me/data.json").json()["library"]

    assert [r["slug"] for r in data["submitted_resources"]] == [mine.slug]
    assert [c["text"] for c in data["comments"]] == ["My own remark"]
    assert [r["comment"] for r in data["reported_comments"]] == [theirs.pk]
