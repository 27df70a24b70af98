"""The browser's progress sent to the account is the visitor's own JSON: any shape of it is a 4xx or ignored."""

import json

import pytest
from django.urls import reverse

from erasmi.learning.models import Progress


@pytest.mark.parametrize(
    "pages",
    [["²"], ["١"], ["٣٣"], [10**400], ["1" * 5000], [-1], [True], [{"a": 1}], [[1]], [None], [1.5], ["7"]],
    ids=lambda pages: repr(pages)[:20],
)
def test_odd_page_numbers_from_the_browser_are_ignored_not_a_server_error(client, german_only, member, pages):
    client.force_login(member)
    body = json.dumps({"nur-deutsch": {"pages": [*pages, 1]}})
    response = client.post(reverse("learning:carry_over"), body, content_type="application/json")
    assert response.status_code == 200
    assert Progress.objects.get(user=member).pages_seen == ([1, 7] if pages == ["7"] else [1])


def test_deeply_nested_json_is_a_bad_request(client, german_only, member):
    client.force_login(member)
    body = "[" * 100_000 + "]" * 100_000
    response = client.post(reverse("learning:carry_over"), body, content_type="application/json")
    assert response.status_code == 400


def test_a_nul_character_in_the_browsers_json_is_not_a_server_error(client, german_only, member):
    client.force_login(member)
    client.raise_request_exception = False
    body = '{"nur-deutsch\\u0000": {"pages": [1]}, "nur-deutsch": {"pages": ["1\\u0000"]}}'
    response = client.post(reverse("learning:carry_over"), body, content_type="application/json")
    assert response.status_code in (200, 400)
