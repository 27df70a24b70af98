"""Bad input is a 4xx, never a 500: every URL pattern of the platform, crawled with hostile values."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from erasmi.core.paging import page_number
from erasmi.core.params import finite_float, month

HOSTILE = ["\x00", "a\x00b", "9" * 30, "-1", "0", "nan", "inf", "-1e309", "0001-01", "9999-12", "abc", "'\"<"]
# Every parameter name any view reads from the query string.
PARAMETERS = [
    "page", "month", "distance", "near", "category", "target", "language", "q", "day", "radius", "kind", "view",
    "type", "group", "format", "former", "p", "sort", "decade", "size", "country", "network_type", "field",
    "formalisation", "page_size", "event", "done",
]  # fmt: skip


def leaf_patterns(patterns=None, namespace=""):
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if entry.namespace else namespace
            yield from leaf_patterns(entry.url_patterns, inner.strip(":"))
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}:{entry.name}".strip(":"), entry


@pytest.fixture
def world(erfurt_network, coordinator, erfurt):
    """A network with an event, a group, a document, a membership and an offer: every page has something to show."""
    from erasmi.events.models import Event
    from erasmi.networks import services
    from erasmi.networks.models import Document, Person
    from erasmi.networks.tests.factories import make_event
    from erasmi.offers import demo

    coordinator.is_staff = coordinator.is_superuser = True
    coordinator.save()
    demo.load(erfurt_network)
    event = make_event(erfurt_network, visibility=Event.Visibility.PUBLIC)
    document = Document.objects.create(network=erfurt_network, title="Minutes", kind="minutes")
    services.add_version(document, SimpleUploadedFile("minutes.pdf", b"%PDF-1.4\n"), coordinator)
    person = Person.for_user(coordinator)
    values = {
        "slug": erfurt_network.slug,
        "group": "sprache",
        "number": 1,
        "language": "de",
        "token": person.feed_token,
        "fmt": "csv",
    }
    by_namespace_pk = {
        "events": event.pk,
        "networks:document": document.pk,
        "networks:document_download": document.pk,
        "networks:membership": erfurt_network.memberships.first().pk,
        "networks:person_erase": person.pk,
        "offers": erfurt_network.offers.first().pk,
    }
    return values, by_namespace_pk, erfurt


def concrete_urls(values, by_namespace_pk, practice) -> list[str]:
    from django.contrib.admin.sites import site  # noqa: F401 (admin URLs need their models registered)

    urls = []
    for name, pattern in leaf_patterns():
        if name.startswith("admin:") or name.startswith("api:"):
            continue  # the admin is Django's own; the API is crawled through its schema below
        wanted = set(re.compile(str(pattern.pattern.regex.pattern)).groupindex) | set(
            getattr(pattern.pattern, "converters", {})
        )
        kwargs = {}
        for key in wanted:
            if key == "pk":
                kwargs[key] = by_namespace_pk.get(name) or by_namespace_pk.get(name.split(":")[0], 1)
            elif key == "slug" and name.startswith("compendium:"):
                kwargs[key] = practice.slug
            elif key in values:
                kwargs[key] = values[key]
            else:
                kwargs[key] = "x"
        try:
            urls.append(reverse(name, kwargs=kwargs))
        except Exception:  # noqa: BLE001 (a pattern that takes values we do not know, e.g. allauth's keys)
            continue
    return urls


def test_no_url_of_the_platform_answers_hostile_query_values_with_a_server_error(client, world, coordinator):
    urls = concrete_urls(*world)
    assert len(urls) > 50  # the pages of every app and allauth's
    client.force_login(coordinator)
    client.raise_request_exception = False
    failures = []
    for url in urls:
        for value in HOSTILE:
            response = client.get(url, dict.fromkeys(PARAMETERS, value))
            if response.status_code >= 500:
                failures.append((url, value, response.status_code))
    assert failures == []


def test_forms_with_non_numeric_ids_are_refused_with_400_not_500(client, world, coordinator):
    client.force_login(coordinator)
    client.raise_request_exception = False
    group = reverse("networks:group", args=["erfurt", "sprache"])
    assert client.post(group, {"done": "abc"}).status_code == 400
    documents = reverse("networks:documents", args=["erfurt"])
    upload = SimpleUploadedFile("minutes.pdf", b"%PDF-1.4\n")
    response = client.post(documents, {"title": "Minutes", "kind": "minutes", "file": upload, "event": "abc"})
    assert response.status_code == 400
    assert "not a valid number" in response.content.decode()


def test_nul_bytes_in_any_field_are_one_clear_400(client, world, coordinator):
    client.force_login(coordinator)
    response = client.get("/de/offers/", {"near": "99084\x00"})
    assert response.status_code == 400
    assert "NUL" in response.content.decode()
    assert "Zeichen" in response.content.decode()  # in the language of the page
    assert client.post(reverse("networks:people", args=["erfurt"]), {"first_name": "A\x00"}).status_code == 400
    assert client.get("/feeds/personal/a%00b.ics").status_code == 400
    assert client.get("/api/offers", {"category": "\x00"}).status_code == 400


def test_the_calendar_shows_the_current_month_for_months_it_cannot_show(client, world, coordinator):
    client.force_login(coordinator)
    for value in ["0001-01", "9999-12", "0000-00", "2027-13"]:
        response = client.get(reverse("events:network_calendar", args=["erfurt"]), {"month": value})
        assert response.status_code == 200, value
    response = client.get(reverse("events:network_calendar", args=["erfurt"]), {"month": "2027-03"})
    assert response.context["month"].isoformat() == "2027-03-01"


def test_one_page_parser_bounds_every_page_number():
    assert [page_number(v) for v in ["", "abc", "0", "-3", "7", "9" * 30, "²"]] == [1, 1, 1, 1, 7, 10_000, 1]


def test_numbers_from_requests_are_finite_and_bounded():
    assert [finite_float(v, 2.0, 0.1, 50) for v in ["nan", "inf", "-inf", "1e309", "x", None, "3", "-5", "99"]] == [
        2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 3.0, 0.1, 50.0,
    ]  # fmt: skip
    today = month("", __import__("datetime").date(2027, 1, 1))
    assert today.isoformat() == "2027-01-01"


def test_an_id_too_large_for_the_database_is_not_found(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    huge = "9" * 30
    for path in (
        f"/en/networks/erfurt/people/{huge}/remove/",
        f"/en/networks/erfurt/members/{huge}/",
        f"/en/offers/{huge}/",
    ):
        assert client.get(path).status_code == 404
        assert client.post(path).status_code in (404, 405)
