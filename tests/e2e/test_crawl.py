"""Every main page, in the five languages, on a 360 px phone and a 1280 px desktop: nothing scrolls sideways,
the browser console stays clean, and on the desktop the header keeps one line."""

import pytest

from tests.e2e.conftest import make_user, sign_in

LANGUAGES = ["de", "en", "tr", "it", "da"]
PUBLIC = [
    "",
    "compendium/",
    "offers/",
    "offers/?near=Erfurt&radius=5",
    "offers/?near=Nirgendwo",
    "networks/",
    "networks/demostadt/",
    "accounts/login/",
    "accounts/signup/",
    "library/",
    "library/network-cafe-a-method-card/",
    "toolkit/",
    "toolkit/founding-a-network/",
    "toolkit/founding-a-network/1/",
    "toolkit/founding-a-network/exercise/",
    "toolkit/methods/",
    "toolkit/methods/panel-discussion/",
    "toolkit/progress/",
    "networks/demostadt/mail/",
]


def _internal(network, event, membership, someone):
    group = network.working_groups.first()
    return [
        "",
        "networks/demostadt/",
        "networks/demostadt/members/",
        "networks/demostadt/members/import/",
        "networks/demostadt/members/new/",
        "networks/demostadt/edit/",
        f"networks/demostadt/members/{membership.pk}/",
        f"networks/demostadt/members/{membership.pk}/organisation/",
        "networks/demostadt/people/",
        f"networks/demostadt/people/{someone.pk}/edit/",
        "networks/demostadt/history/",
        "networks/demostadt/documents/",
        "networks/demostadt/calendar/",
        f"networks/demostadt/events/{event.pk}/",
        f"networks/demostadt/events/{event.pk}/edit/",
        f"networks/demostadt/events/{event.pk}/minutes/",
        f"networks/demostadt/groups/{group.slug}/",
        f"networks/demostadt/groups/{group.slug}/edit/",
        "offers/new/",
        "offers/report/demostadt/",
        "offers/districts/demostadt/",
        "cooperation/demostadt/",
        "cooperation/demostadt/partnerships/",
        "cooperation/demostadt/partnerships/new/",
        "compendium/submit/",
        "accounts/me/",
        "library/submit/",
        "library/jahresbericht-2026-entwurf-der-zielzahlen/",
        "toolkit/progress/",
        "toolkit/working-groups/2/",
        *_plan_paths(network),
    ]


def _plan_paths(network) -> list[str]:
    """The action plan's pages (the same list the no-English test reads) and the surveys' pages."""
    from erasmi.core.tests.test_no_english import _plan_paths as plan_pages

    return [*plan_pages(network), *_survey_paths(network)]


def _survey_paths(network):
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
        f"{base}{survey.pk}/results/",
        f"{base}{survey.pk}/questions/{question.pk}/",
        f"{base}{survey.pk}/translations/en/",
        "networks/demostadt/mail/",
        "networks/demostadt/mail/new/",
        f"networks/demostadt/mail/{network.mailings.order_by('pk').last().pk}/?preview=de",
    ]


@pytest.mark.parametrize("width", [360, 1280])
def test_pages_fit_and_the_console_stays_clean_in_every_language(browser, live_server, demo, width):
    from erasmi.cooperation import demo as cooperation_demo
    from erasmi.events.models import Event
    from erasmi.learning import services as learning_services
    from erasmi.library import demo as library_demo
    from erasmi.mailings import demo as mailing_demo
    from erasmi.networks import demo as network_demo
    from erasmi.offers import demo as offer_demo
    from erasmi.offers import vocabulary as offer_vocabulary
    from erasmi.offers.models import Category, TargetGroup
    from erasmi.plans import demo as plan_demo
    from erasmi.surveys import demo as survey_demo

    coordinator, member = make_user("coordinator@example.org"), make_user("member@example.org")
    network = network_demo.load({"coordinator": coordinator, "member": member})
    offer_vocabulary.load(Category, TargetGroup)
    offer_demo.load(network)
    library_demo.load(network, {"coordinator": coordinator, "member": member})
    learning_services.load_toolkit()
    plan_demo.load(network, {"coordinator": coordinator})
    survey_demo.load(network)
    mailing_demo.load(network, {"coordinator": coordinator, "member": member})
    event = Event.objects.filter(network=network, working_group__isnull=True).first()
    cooperation_demo.load(network)  # after choosing the event: it adds a past meeting
    membership = network.memberships.first()
    someone = network.roles.exclude(kind="coordinator").first().person
    problems, console = [], []
    for signed_in in (False, True):
        context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 800})
        page = context.new_page()
        page.on("console", lambda message: message.type == "error" and console.append(message.text[:160]))
        page.on("pageerror", lambda error: console.append(str(error)[:160]))
        if signed_in:
            sign_in(page, "coordinator@example.org")
        paths = _internal(network, event, membership, someone) if signed_in else PUBLIC
        for language in LANGUAGES:
            for path in paths:
                url = f"/{language}/{path}"
                console.clear()
                page.goto(url)
                scroll = page.evaluate("document.documentElement.scrollWidth")
                if scroll > width:
                    problems.append(f"{url}: {scroll} px wide")
                if console:
                    problems.append(f"{url}: console {console[:3]}")
                if width >= 1280:
                    tops = page.evaluate(
                        "[...document.querySelectorAll('.site-header a, .site-header button')]"
                        ".filter(e => e.checkVisibility()).map(e => Math.round(e.getBoundingClientRect().top))"
                    )
                    if tops and max(tops) - min(tops) > 12:
                        problems.append(f"{url}: the header takes more than one line")
        context.close()
    assert not problems, "\n".join(problems)
