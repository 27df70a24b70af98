"""Who may open which compendium page: every view, for each kind of user."""

import pytest
from django.urls import reverse

from erasmi.compendium.models import Practice
from erasmi.compendium.tests.factories import make_practice

# (url name, args key, method) -> expected status for visitor, author, other member, editor
CASES = [
    ("compendium:list", None, "get", {"visitor": 200, "author": 200, "other": 200, "editor": 200}),
    ("compendium:detail", "published", "get", {"visitor": 200, "author": 200, "other": 200, "editor": 200}),
    ("compendium:detail", "pending", "get", {"visitor": 404, "author": 200, "other": 404, "editor": 200}),
    ("compendium:history", "pending", "get", {"visitor": 302, "author": 200, "other": 404, "editor": 200}),
    ("compendium:history", "published", "get", {"visitor": 302, "author": 200, "other": 403, "editor": 200}),
    ("compendium:edit", "pending", "get", {"visitor": 302, "author": 200, "other": 404, "editor": 200}),
    ("compendium:edit", "published", "get", {"visitor": 302, "author": 200, "other": 403, "editor": 200}),
    ("compendium:review", "pending", "post", {"visitor": 302, "author": 403, "other": 404, "editor": 302}),
    ("compendium:review_queue", None, "get", {"visitor": 302, "author": 403, "other": 403, "editor": 200}),
    ("compendium:submit", None, "get", {"visitor": 302, "author": 200, "other": 200, "editor": 200}),
    ("compendium:mine", None, "get", {"visitor": 302, "author": 200, "other": 200, "editor": 200}),
    ("compendium:export", "json", "get", {"visitor": 200, "author": 200, "other": 200, "editor": 200}),
]


@pytest.fixture
def world(db, member, other_member, editor):
    return {
        "published": make_practice("Open Network", submitted_by=member),
        "pending": make_practice("Pending Network", status=Practice.Status.SUBMITTED, submitted_by=member),
        "users": {"visitor": None, "author": member, "other": other_member, "editor": editor},
    }


@pytest.mark.parametrize(("name", "target", "method", "expected"), CASES)
@pytest.mark.parametrize("who", ["visitor", "author", "other", "editor"])
def test_access(client, world, name, target, method, expected, who):
    if world["users"][who]:
        client.force_login(world["users"][who])
    if target in ("published", "pending"):
        args = [world[target].slug] + (["en"] if name == "compendium:edit" else [])
    else:
        args = [target] if target else []
    url = reverse(name, args=args)
    response = getattr(client, method)(url, {"decision": "publish"} if method == "post" else {})
    assert response.status_code == expected[who]


def test_nothing_unpublished_reaches_visitors_through_any_channel(client, world):
    slug = world["pending"].slug
    assert slug not in client.get(reverse("compendium:list")).text
    assert slug not in b"".join(client.get(reverse("compendium:export", args=["json"])).streaming_content).decode()
    assert slug not in client.get("/api/practices").text
    assert client.get(f"/api/practices/{slug}").status_code == 404
    assert client.get(reverse("compendium:compare"), {"p": [slug, world["published"].slug]}).status_code == 400
