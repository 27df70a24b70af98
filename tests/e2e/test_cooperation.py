"""A member explores who cooperates with whom: filters ties by their source, moves through organisations by keyboard."""

from playwright.sync_api import expect

from tests.e2e.conftest import make_user, sign_in


def _network(member):
    import datetime

    from django.utils import timezone

    from erasmi.cooperation.models import Partnership
    from erasmi.cooperation.tests.conftest import add_member, add_person
    from erasmi.events.models import Registration
    from erasmi.networks.models import Network, WorkingGroup
    from erasmi.networks.tests.factories import make_event

    network = Network.objects.create(slug="erfurt", name="Netzwerk für Integration Erfurt")
    joined = datetime.date(2020, 1, 1)
    amt = add_member(network, "Amt für Integration", "authority", joined)
    caritas = add_member(network, "Caritas", "welfare", joined)
    verein = add_member(network, "Kulturverein", "migrant_org", joined)
    add_member(network, "Volkshochschule", "education", joined)
    people = {o: add_person(network, o) for o in (amt, caritas)}
    people[verein] = add_person(network, verein, user=member)
    group = WorkingGroup.objects.create(network=network, slug="sprache", name="Sprache", lead=people[amt])
    group.members.set([people[caritas]])
    event = make_event(network, start=timezone.now() - datetime.timedelta(days=10))
    for organisation in (caritas, verein):
        Registration.objects.create(event=event, person=people[organisation], status="confirmed")
    Partnership.objects.create(
        network=network, organisation=amt, partner=verein, since=datetime.date(2021, 1, 1), state="confirmed"
    )
    return network


def test_a_member_filters_ties_and_moves_through_organisations_by_keyboard(page, transactional_db):
    member = make_user("member@example.org")
    _network(member)
    sign_in(page, "member@example.org")
    page.goto("/en/networks/erfurt/")
    page.get_by_role("link", name="Who cooperates with whom").click()
    expect(page.get_by_role("heading", name="Who cooperates with whom")).to_be_visible()
    lines = page.locator(".coop-edges line")
    expect(lines).to_have_count(3)
    expect(page.locator(".coop-edges line:not(.is-hidden)")).to_have_count(3)

    # Only declared partnerships: the tie from the working group and the one from the meeting go.
    page.get_by_label("Shared working group").uncheck()
    page.get_by_label("Joint meeting").uncheck()
    expect(page.locator(".coop-edges line:not(.is-hidden)")).to_have_count(1)
    expect(page.locator("tr[data-sources]:visible")).to_have_count(1)
    page.get_by_label("Joint meeting").check()
    expect(page.locator(".coop-edges line:not(.is-hidden)")).to_have_count(2)

    # Keyboard: Tab from the filter into the graph, Enter shows the organisation's ties.
    page.get_by_label("Named in a survey").focus()  # the last of the filters
    page.keyboard.press("Tab")
    first = page.locator(".node:focus")
    expect(first).to_have_count(1)
    first_name = first.get_attribute("data-name")
    page.keyboard.press("Enter")
    details = page.locator("#coop-details")
    expect(details).to_contain_text(first_name)
    expect(details).to_contain_text("Cooperates with")
    expect(page.locator(".node.is-chosen")).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("Tab")
    second_name = page.locator(".node:focus").get_attribute("data-name")
    assert second_name != first_name
    page.keyboard.press("Enter")
    expect(details).to_contain_text(second_name)
    page.keyboard.press("Escape")
    expect(page.locator(".node.is-chosen")).to_have_count(0)
    expect(details).to_contain_text("Choose an organisation in the graph")


def test_the_graph_page_fits_a_phone_and_keeps_the_console_clean(browser, live_server, transactional_db):
    member = make_user("member@example.org")
    _network(member)
    context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740})
    page = context.new_page()
    console = []
    page.on("console", lambda message: message.type == "error" and console.append(message.text[:160]))
    page.on("pageerror", lambda error: console.append(str(error)[:160]))
    sign_in(page, "member@example.org")
    for path in ("cooperation/erfurt/", "cooperation/erfurt/partnerships/", "cooperation/erfurt/partnerships/new/"):
        for language in ("de", "tr"):
            page.goto(f"/{language}/{path}")
            assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
    page.goto("/en/cooperation/erfurt/")
    width = page.locator(".coop-svg").bounding_box()["width"]
    assert 300 <= width <= 360
    assert not console
    context.close()


def test_the_cooperation_pages_have_no_serious_or_critical_violation(page, transactional_db):
    from axe_playwright_python.sync_playwright import Axe

    member = make_user("member@example.org")
    _network(member)
    sign_in(page, "member@example.org")
    problems = []
    for url in (
        "/en/cooperation/erfurt/",
        "/de/cooperation/erfurt/partnerships/",
        "/tr/cooperation/erfurt/partnerships/new/",
    ):
        page.goto(url)
        violations = Axe().run(page).response["violations"]
        problems += [f"{url} {v['id']}: {v['help']}" for v in violations if v["impact"] in ("serious", "critical")]
    assert not problems, "\n".join(problems)
