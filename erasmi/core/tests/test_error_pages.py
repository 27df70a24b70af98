"""Our own 403, 404 and 500 pages: in the user's language, with the site's layout."""

import pytest
from django.test import Client


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("de", "Seite nicht gefunden"),
        ("tr", "Sayfa bulunamadı"),
        ("it", "Pagina non trovata"),
        ("da", "Siden blev ikke fundet"),
    ],
)
def test_a_missing_page_answers_in_the_users_language_with_the_layout(client, db, settings, language, words):
    settings.DEBUG = False
    response = client.get(f"/{language}/compendium/no-such-practice/")
    assert response.status_code == 404
    assert words in response.text and 'class="site-header"' in response.text


def test_a_forbidden_page_answers_in_german(client, member, db, settings):
    settings.DEBUG = False
    client.force_login(member)
    response = client.get("/de/compendium/review/")
    assert response.status_code == 403 and "Sie dürfen diese Seite nicht sehen" in response.text


def test_a_server_error_answers_with_the_layout(db, settings):
    from django.urls import path

    settings.DEBUG = False
    from erasmi import urls

    def broken(request):
        raise RuntimeError("broken on purpose")

    urls.urlpatterns.append(path("broken-on-purpose/", broken))
    try:
        response = Client(raise_request_exception=False).get("/broken-on-purpose/")
    finally:
        urls.urlpatterns.pop()
    assert response.status_code == 500 and "Something went wrong" in response.text
