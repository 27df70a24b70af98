"""A large cached body (a network's feed) is kept unpacked in the worker too, and still follows every change."""

from django.http import HttpResponse
from django.test import RequestFactory

from erasmi.core import pagecache
from erasmi.core.models import ContentVersion


def test_a_large_body_is_served_from_memory_until_its_content_changes(database_cache, django_assert_num_queries):
    built = []

    def build():
        built.append(1)
        return HttpResponse(f"BEGIN:VCALENDAR {len(built)} ".encode() + b"x" * 200_000, content_type="text/calendar")

    request = RequestFactory().get("/feeds/networks/erfurt.ics")
    first = pagecache.cached(request, ["events:1"], build)
    assert first.content.startswith(b"BEGIN:VCALENDAR 1 ")
    pagecache.cached(request, ["events:1"], build)  # from the shared cache, unpacked and remembered
    with django_assert_num_queries(1):  # the content version only: neither the cache row nor a build
        again = pagecache.cached(request, ["events:1"], build)
    assert again.content == first.content and again["Content-Type"] == "text/calendar"

    ContentVersion.bump("events:1")  # e.g. through another server
    changed = pagecache.cached(request, ["events:1"], build)
    assert changed.content.startswith(b"BEGIN:VCALENDAR 2 ") and len(built) == 2
