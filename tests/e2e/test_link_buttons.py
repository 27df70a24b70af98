"""Buttons that look like links (Remove, Done, Reopen) can be seen: dark text on the page, not white on white."""

import re

from tests.e2e.conftest import make_user, sign_in


def test_the_remove_button_of_a_target_figure_is_visible_and_removes_it(browser, live_server, transactional_db):
    from erasmi.networks.models import Network, Person, Role
    from erasmi.plans.models import AnnualReport, Target

    network = Network.objects.create(slug="erfurt", name="Netzwerk für Integration Erfurt", city="Erfurt")
    coordinator = make_user("coordinator@example.org")
    Role.objects.create(network=network, person=Person.for_user(coordinator), kind=Role.Kind.COORDINATOR)
    report = AnnualReport.objects.create(network=network, year=2026)
    Target.objects.create(report=report, name="Neue Mitglieder", target=15)

    context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740})
    page = context.new_page()
    sign_in(page, "coordinator@example.org", language="de")
    response = page.goto("/de/networks/erfurt/report/2026/edit/")
    assert response.status == 200, page.content()[-3000:]
    remove = page.locator("main").get_by_role("button", name=re.compile(r"Entfernen\W+Neue Mitglieder"))
    colour = remove.evaluate("element => getComputedStyle(element).color")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert colour != "rgb(255, 255, 255)" and colour != background
    remove.hover()
    assert remove.evaluate("element => getComputedStyle(element).color") != "rgb(255, 255, 255)"
    remove.click()
    assert not Target.objects.exists()
    context.close()
