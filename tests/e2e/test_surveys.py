"""The self-assessment in a real browser: a coordinator starts it with one click, three members answer on a
360 px phone in German, Turkish and Italian, and the coordinator reads the results (chart and table)."""

import re

from django.utils import timezone

from tests.e2e.conftest import make_user, sign_in

MEMBERS = [("de", "ada@example.org", 4), ("tr", "baris@example.org", 5), ("it", "chiara@example.org", 2)]


def _network():
    from erasmi.networks.models import Network, Person, Role

    network = Network.objects.create(slug="erfurt", name="Netzwerk für Integration Erfurt", city="Erfurt")
    coordinator = make_user("coordinator@example.org")
    Role.objects.create(network=network, person=Person.for_user(coordinator), kind=Role.Kind.COORDINATOR)
    for _language, email, _rating in MEMBERS:
        Role.objects.create(network=network, person=Person.for_user(make_user(email)), kind=Role.Kind.MEMBER)
    return network


def _fits(page, width, problems, console):
    scroll = page.evaluate("document.documentElement.scrollWidth")
    if scroll > width:
        problems.append(f"{page.url}: {scroll} px wide")
    if console:
        problems.append(f"{page.url}: console {console[:3]}")


def test_coordinator_runs_the_self_assessment_and_three_members_answer_on_a_phone(
    browser, live_server, transactional_db
):
    from erasmi.surveys.models import Participation, Response, Survey

    _network()
    year = timezone.localdate().year
    problems, console = [], []

    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    coordinator = context.new_page()
    coordinator.on("console", lambda message: message.type == "error" and console.append(message.text))
    sign_in(coordinator, "coordinator@example.org")
    coordinator.goto("/en/networks/erfurt/")
    coordinator.get_by_role("link", name="Surveys").click()
    coordinator.get_by_role("button", name=f"Start the self-assessment {year}").click()
    assert coordinator.get_by_role("heading", name=f"ERASMI self-assessment {year}").is_visible()
    survey = Survey.objects.get()

    for language, email, rating in MEMBERS:
        phone = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740}, is_mobile=True)
        page = phone.new_page()
        page.on("console", lambda message: message.type == "error" and console.append(message.text))
        sign_in(page, email, language=language)
        page.goto(f"/{language}/")
        title = survey.title(language)
        page.get_by_role("link", name=title).click()
        _fits(page, 360, problems, console)
        for group in page.locator("fieldset").all():
            group.locator(f"input[value='{rating}']").check()
        page.locator("form button[type=submit]").last.click()
        assert page.locator("[role=status]").is_visible()
        _fits(page, 360, problems, console)
        phone.close()

    assert Response.objects.count() == 3 and Participation.objects.count() == 3
    assert set(Response.objects.values_list("language", "date", "person")) == {("", None, None)}  # anonymous
    coordinator.goto(f"/en/networks/erfurt/surveys/{survey.pk}/results/")
    assert coordinator.get_by_text("3 people answered.").is_visible()
    assert coordinator.locator("svg.chart").count() == 11
    table = coordinator.locator("table").first.inner_text()
    assert re.search(r"5 – fully applies\s+1\s+33", table)
    assert not coordinator.get_by_text("State actors", exact=True).count()  # three answers: no breakdown
    _fits(coordinator, 1280, problems, console)
    context.close()
    assert not problems, "\n".join(problems)
