"""A page a user of one language sees holds no English sentence of the interface."""

import html
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from erasmi.accounts.models import User

LOCALE = Path(settings.BASE_DIR) / "erasmi" / "locale"
OTHER_LANGUAGES = ["de", "tr", "it", "da"]


def _english_phrases(language: str) -> list[str]:
    """Interface strings of two words or more that the language translates (so English there is a left-over)."""
    text = (LOCALE / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    phrases = []
    for msgid, msgstr in re.findall(r'^msgid "(.+)"\nmsgstr "(.*)"$', text, re.MULTILINE):
        msgid = msgid.replace('\\"', '"')
        if msgstr and msgstr != msgid and " " in msgid and len(msgid) >= 12 and "%" not in msgid and "<" not in msgid:
            phrases.append(msgid)
    return phrases


def _visible_text(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<[^>]+>", " ", page)
    return " ".join(html.unescape(page).split())


def _pages(network, event, coordinator_client) -> list[tuple[Client, str]]:
    public, group = Client(), network.working_groups.first()
    membership = network.memberships.first()
    someone = network.roles.exclude(kind="coordinator").first().person
    paths = [
        (public, ""),
        (public, "compendium/"),
        (public, "offers/"),
        (public, "networks/"),
        (public, "networks/demostadt/"),
        (public, "accounts/login/"),
        (public, "accounts/signup/"),
        (public, "networks/demostadt/mail/"),
        (public, "networks/demostadt/mail/archive/"),
    ]
    for path in [
        "",
        "networks/demostadt/",
        "networks/demostadt/members/",
        "networks/demostadt/members/import/",
        f"networks/demostadt/members/{membership.pk}/",
        "networks/demostadt/people/",
        "networks/demostadt/history/",
        "networks/demostadt/documents/",
        "networks/demostadt/calendar/",
        f"networks/demostadt/events/{event.pk}/",
        f"networks/demostadt/events/{event.pk}/edit/",
        f"networks/demostadt/events/{event.pk}/minutes/",
        f"networks/demostadt/groups/{group.slug}/",
        f"networks/demostadt/groups/{group.slug}/edit/",
        "networks/demostadt/groups/new/",
        "networks/demostadt/events/new/",
        "networks/demostadt/members/new/",
        f"networks/demostadt/members/{membership.pk}/organisation/",
        f"networks/demostadt/members/{membership.pk}/end/",
        f"networks/demostadt/people/{someone.pk}/edit/",
        f"networks/demostadt/people/{someone.pk}/remove/",
        f"networks/demostadt/people/{someone.pk}/erase/",
        f"networks/demostadt/groups/{group.slug}/close/",
        f"networks/demostadt/events/{event.pk}/cancel-meeting/",
        "offers/districts/demostadt/",
        "offers/new/",
        "offers/report/demostadt/",
        "compendium/submit/",
        "accounts/me/",
        "networks/demostadt/mail/",
        "networks/demostadt/mail/new/",
        "networks/demostadt/mail/news/new/",
        f"networks/demostadt/mail/{network.mailings.order_by('pk').last().pk}/",
    ]:
        paths.append((coordinator_client, path))
    return paths


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_no_english_interface_sentence_on_a_page_in_another_language(db, settings, language):
    from erasmi.events.models import Event
    from erasmi.mailings import demo as mailing_demo
    from erasmi.networks import demo as network_demo
    from erasmi.offers import demo as offer_demo

    settings.DEBUG = True
    users = {name: User.objects.create_user(f"{name}@example.org", "x") for name in ("coordinator", "member")}
    network = network_demo.load(users)
    offer_demo.load(network)
    mailing_demo.load(network, users)
    event = Event.objects.filter(network=network, working_group__isnull=True).first()
    coordinator = Client()
    coordinator.force_login(users["coordinator"])
    phrases = _english_phrases(language)
    found = {}
    for client, path in _pages(network, event, coordinator):
        response = client.get(f"/{language}/{path}")
        assert response.status_code == 200, path
        text = _visible_text(response.content.decode())
        english = [phrase for phrase in phrases if phrase in text]
        if english:
            found[path] = english[:5]
    assert not found
