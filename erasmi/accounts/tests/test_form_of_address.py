"""The sign-in pages and their mails address the reader as the rest of the site does (German "Sie", Turkish
"siz", Italian impersonal), though django-allauth's own catalogues say "du" and "tu"."""

import re

import pytest

PASSWORD = "a-long-Passphrase-42"
GERMAN_INFORMAL = re.compile(r"\b(du|dich|dir|dein|deine|deinen|deinem|deiner|hast|bist|kannst|musst)\b", re.I)
ITALIAN_INFORMAL = re.compile(r"\b(tu|tuo|tua|tuoi|tue|hai|sei|puoi|devi|vuoi)\b", re.I)
# Turkish second person singular: "sen", "senin", "sana", verbs in -sin/-sın/-sun/-sün without the plural -iz.
TURKISH_INFORMAL = re.compile(r"\b(sen|senin|sana|seni)\b|\w+(?:sin|sın|sun|sün)\b", re.I)
INFORMAL = {"de": GERMAN_INFORMAL, "it": ITALIAN_INFORMAL, "tr": TURKISH_INFORMAL}


def _visible_text(html: str) -> str:
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def _main(html: str) -> str:
    return _visible_text(html[html.index("<main") : html.index("</main>")])


def _sign_up(client, language: str, email: str):
    return client.post(
        f"/{language}/accounts/signup/",
        {"email": email, "password1": PASSWORD, "password2": PASSWORD},
        follow=True,
    )


@pytest.mark.parametrize("language", ["de", "it", "tr"])
def test_sign_in_sign_up_and_confirmation_pages_use_the_formal_address(client, smtp_server, language):
    pages = {
        "sign in": client.get(f"/{language}/accounts/login/").text,
        "sign up": client.get(f"/{language}/accounts/signup/").text,
        "password reset": client.get(f"/{language}/accounts/password/reset/").text,
        "confirmation sent": _sign_up(client, language, f"new-{language}@example.org").text,
    }
    for page, html in pages.items():
        found = INFORMAL[language].findall(_main(html))
        assert not found, (page, found, _main(html))


def test_german_sign_up_confirmation_page_and_mail_say_sie(client, smtp_server):
    sent = _main(_sign_up(client, "de", "neu@example.org").text)
    assert "Wir haben Ihnen eine E-Mail zur Bestätigung gesendet" in sent
    mail = smtp_server.messages[0]["message"]
    assert str(mail["Subject"]).strip() == "[Erasmi] Bitte bestätigen Sie Ihre E-Mail-Adresse"
    body = smtp_server.body()
    assert not GERMAN_INFORMAL.findall(body), body
    assert "Sie erhalten diese E-Mail" in body
    confirm = re.search(r"https?://[^/\s]+(/\S+)", body).group(1)
    page = _main(client.get(confirm).text)
    assert "Bitte bestätigen Sie, dass neu@example.org eine E-Mail-Adresse von" in page
    assert not GERMAN_INFORMAL.findall(page), page


def test_german_wrong_password_and_sign_out_speak_formally(client, member):
    wrong = _main(client.post("/de/accounts/login/", {"login": member.email, "password": "wrong"}).text)
    assert not GERMAN_INFORMAL.findall(wrong), wrong
    client.force_login(member)
    sign_out = _main(client.get("/de/accounts/logout/").text)
    assert "Möchten Sie sich wirklich abmelden?" in sign_out


@pytest.mark.parametrize("language", ["de", "it", "tr"])
def test_confirmation_mail_uses_the_formal_address(client, smtp_server, language):
    _sign_up(client, language, f"mail-{language}@example.org")
    message = smtp_server.messages[0]["message"]
    text = f"{message['Subject']}\n{smtp_server.body()}"
    assert not INFORMAL[language].findall(text), text
