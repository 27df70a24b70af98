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


def _visible_text(page: str, language: str = "") -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    # A text field for a version in another language (lang="en") holds a member's words, not the interface's.
    page = re.sub(
        r'<textarea\b[^>]*\blang="(?!' + re.escape(language) + r'")[^"]*"[^>]*>.*?</textarea>', " ", page, flags=re.S
    )
    page = re.sub(r"<[^>]+>", " ", page)
    return " ".join(html.unescape(page).split())


def notification_token(address: str) -> str:
    from erasmi.notifications.services import token

    return token(address)


def _survey_paths(network) -> list[str]:
    assessment = network.surveys.filter(kind="self_assessment").order_by("-year").first()
    survey = network.surveys.filter(kind="custom").first()
    question = survey.questions.first()
    base = "networks/demostadt/surveys/"
    return [
        base,
        f"{base}new/",
        f"{base}self-assessment/profile/",
        f"{base}{assessment.pk}/",
        f"{base}{assessment.pk}/results/",
        f"{base}{assessment.pk}/compare/",
        f"{base}{assessment.pk}/answer/",
        f"{base}{survey.pk}/",
        f"{base}{survey.pk}/edit/",
        f"{base}{survey.pk}/results/",
        f"{base}{survey.pk}/questions/{question.pk}/",
        f"{base}{survey.pk}/questions/{question.pk}/delete/",
        f"{base}{survey.pk}/translations/en/",
    ]


def _pages(network, event, coordinator_client) -> list[tuple[Client, str]]:
    public, group = Client(), network.working_groups.first()
    membership = network.memberships.first()
    someone = network.roles.exclude(kind="coordinator").first().person
    paths = [
        (public, ""),
        (public, "compendium/"),
        (public, "offers/"),
        (public, "offers/?near=Erfurt&radius=5"),
        (public, "offers/?near=Nirgendwo"),
        (public, "networks/"),
        (public, "networks/demostadt/"),
        (public, "accounts/login/"),
        (public, "accounts/signup/"),
        (public, "library/"),
        (public, "library/network-cafe-a-method-card/"),
        (public, f"notifications/{notification_token('someone@example.org')}/"),  # from the link in a mail
        (public, "toolkit/"),
        (public, "toolkit/founding-a-network/"),
        (public, "toolkit/founding-a-network/2/"),
        (public, "toolkit/founding-a-network/exercise/"),
        (public, "toolkit/methods/"),
        (public, "toolkit/methods/world-cafe/"),
        (public, "toolkit/progress/"),
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
        "networks/demostadt/edit/",
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
        "cooperation/demostadt/",
        "cooperation/demostadt/partnerships/",
        "cooperation/demostadt/partnerships/new/",
        "compendium/submit/",
        "accounts/me/",
        "library/submit/",
        "library/jahresbericht-2026-entwurf-der-zielzahlen/",
        "library/network-cafe-a-method-card/",
        "toolkit/progress/",
        "toolkit/working-groups/exercise/",
        *_plan_paths(network),
        *_survey_paths(network),
        "networks/demostadt/mail/",
        "networks/demostadt/mail/new/",
        "networks/demostadt/mail/news/new/",
        f"networks/demostadt/mail/{network.mailings.order_by('pk').last().pk}/",
    ]:
        paths.append((coordinator_client, path))
    return paths


def _plan_paths(network) -> list[str]:
    """The action plan's pages (the demo plan of this year, last year's report)."""
    from erasmi.plans.models import Indicator, Plan

    plan = Plan.objects.get(network=network)
    indicator = Indicator.objects.filter(plan=plan, measure__isnull=False).select_related("measure").first()
    measure, year = indicator.measure, plan.starts.year - 1
    return [
        "networks/demostadt/plans/",
        f"networks/demostadt/plans/{plan.pk}/",
        f"networks/demostadt/plans/{plan.pk}/timeline/",
        f"networks/demostadt/plans/{plan.pk}/edit/",
        f"networks/demostadt/plans/{plan.pk}/copy/",
        f"networks/demostadt/plans/{plan.pk}/goals/new/",
        f"networks/demostadt/plans/{plan.pk}/measures/new/",
        f"networks/demostadt/measures/{measure.pk}/",
        f"networks/demostadt/measures/{measure.pk}/edit/",
        f"networks/demostadt/indicators/{indicator.pk}/record/",
        f"networks/demostadt/indicators/{indicator.pk}/edit/",
        f"networks/demostadt/report/{year}/",
        f"networks/demostadt/report/{year}/edit/",
    ]


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_no_english_interface_sentence_on_a_page_in_another_language(db, settings, language):
    from erasmi.cooperation import demo as cooperation_demo
    from erasmi.events.models import Event
    from erasmi.learning import services as learning_services
    from erasmi.library import demo as library_demo
    from erasmi.mailings import demo as mailing_demo
    from erasmi.networks import demo as network_demo
    from erasmi.offers import demo as offer_demo
    from erasmi.plans import demo as plan_demo
    from erasmi.surveys import demo as survey_demo

    settings.DEBUG = True
    users = {name: User.objects.create_user(f"{name}@example.org", "x") for name in ("coordinator", "member")}
    network = network_demo.load(users)
    offer_demo.load(network)
    library_demo.load(network, users)
    learning_services.load_toolkit()
    plan_demo.load(network, users)
    survey_demo.load(network)
    mailing_demo.load(network, users)
    event = Event.objects.filter(network=network, working_group__isnull=True).first()
    cooperation_demo.load(network)  # after choosing the event: it adds a past meeting
    coordinator = Client()
    coordinator.force_login(users["coordinator"])
    phrases = _english_phrases(language)
    patterns = [(phrase, re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?![\w@])")) for phrase in phrases]
    found = {}
    for client, path in _pages(network, event, coordinator):
        response = client.get(f"/{language}/{path}")
        assert response.status_code == 200, path
        text = _visible_text(response.content.decode(), language)
        # As whole words: "a coordinator" is no left-over in Italian "a coordinatore" or "a coordinator@example.org".
        english = [phrase for phrase, pattern in patterns if phrase in text and pattern.search(text)]
        if english:
            found[path] = english[:5]
    assert not found
