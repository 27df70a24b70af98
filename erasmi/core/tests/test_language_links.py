"""The language switcher's links reverse the request's own match: the same addresses translate_url() gives,
with the query kept, for pages with arguments, odd parameters and pages that do not exist."""

import pytest
from django.urls import translate_url

from erasmi.core import languages as langs


def links(client, path):
    response = client.get(path)
    return response, {link["code"]: link["url"] for link in response.context["language_links"]}


@pytest.mark.parametrize(
    "path",
    [
        "/en/networks/erfurt/members/?former=1&type=welfare&page=2",
        "/en/networks/erfurt/groups/sprache/",
        "/en/networks/erfurt/calendar/?month=2027-03&kind=%3Cscript%3E",
        "/en/networks/erfurt/members/?type=%C3%BC%F0%9F%98%80&type=x",
        "/en/networks/invitations/abc%20d%C3%A9f/",
        "/en/networks/nowhere/groups/none/",
        "/en/no-such-page/?x=1",
    ],
)
def test_language_links_are_what_translate_url_gives(client, coordinator, erfurt_network, path):
    client.force_login(coordinator)
    response, urls = links(client, path)
    full = response.wsgi_request.get_full_path()
    for code, _name in langs.choices():
        assert urls[code] == translate_url(full, code)
