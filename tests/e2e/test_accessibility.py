import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.conftest import make_user

PAGES = [
    "/en/",
    "/en/compendium/",
    "/de/compendium/?country=germany",
    "/tr/compendium/netzwerk-fur-integration-der-landeshauptstadt-erfurt/",
    "/en/compendium/compare/?p=aarhus-jobs-bridge&p=netzwerk-fur-integration-der-landeshauptstadt-erfurt",
    "/en/accounts/login/",
    "/en/accounts/signup/",
    "/en/accounts/password/reset/",
    "/en/networks/",
    "/de/networks/demostadt/",
    "/en/networks/demostadt/calendar/",
    "/tr/networks/demostadt/calendar/?view=list",
    "/en/offers/?near=99084&radius=5",
    "/tr/offers/?near=Erfurt&radius=5",
    "/en/compendium/?p=aarhus-jobs-bridge&country=germany",
    "/de/offers/",
]


@pytest.mark.parametrize("url", PAGES)
def test_public_page_has_no_serious_or_critical_violation(page, demo, url):
    from erasmi.networks import demo as network_demo

    coordinator, member = make_user("coordinator@example.org"), make_user("member@example.org")
    network = network_demo.load({"coordinator": coordinator, "member": member})
    _offers(network)
    page.goto(url)
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, "\n".join(f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in serious)


def test_keyboard_reaches_the_content_first(page, demo):
    page.goto("/en/compendium/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def _offers(network):
    from erasmi.offers import demo as offer_demo
    from erasmi.offers import vocabulary as offer_vocabulary
    from erasmi.offers.models import Category, TargetGroup

    offer_vocabulary.load(Category, TargetGroup)
    offer_demo.load(network)


def test_signed_in_workspace_pages_have_no_serious_or_critical_violation(page, demo):
    from erasmi.events.models import Event
    from erasmi.networks import demo as network_demo
    from tests.e2e.conftest import sign_in

    coordinator, member = make_user("coordinator@example.org"), make_user("member@example.org")
    network = network_demo.load({"coordinator": coordinator, "member": member})
    _offers(network)
    event = Event.objects.filter(working_group__isnull=True).first()
    membership = network.memberships.first()
    someone = network.roles.exclude(person__user=coordinator).first().person
    sign_in(page, "coordinator@example.org")
    for url in [
        "/en/networks/demostadt/people/",
        "/de/networks/demostadt/members/import/",
        f"/de/networks/demostadt/members/{membership.pk}/",
        f"/tr/networks/demostadt/people/{someone.pk}/remove/",
        "/de/networks/demostadt/groups/ag-1/edit/",
        f"/it/networks/demostadt/events/{event.pk}/edit/",
        f"/da/networks/demostadt/events/{event.pk}/minutes/",
        "/en/networks/demostadt/history/",
        "/en/networks/demostadt/members/",
        "/en/networks/demostadt/groups/ag-1/",
        "/en/networks/demostadt/groups/new/",
        "/en/networks/demostadt/events/new/",
        f"/en/networks/demostadt/events/{event.pk}/",
        "/en/compendium/submit/",
        "/en/accounts/me/",
        "/en/offers/report/demostadt/",
        "/en/offers/new/",
    ]:
        page.goto(url)
        results = Axe().run(page)
        serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        assert not serious, url + ": " + "; ".join(f"{v['id']}: {v['help']}" for v in serious)


def test_the_invitation_page_has_no_serious_or_critical_violation(page, demo):
    from erasmi.networks import demo as network_demo
    from erasmi.networks.models import Invitation, Person

    coordinator, member = make_user("coordinator@example.org"), make_user("member@example.org")
    network = network_demo.load({"coordinator": coordinator, "member": member})
    invited = Person.objects.create(first_name="Leyla", last_name="Demir", email="leyla@example.org")
    invitation = Invitation.objects.create(
        network=network, person=invited, email="leyla@example.org", invited_by=coordinator, language="tr"
    )
    for language in ("tr", "de"):
        page.goto(f"/{language}/networks/invitations/{invitation.token}/")
        results = Axe().run(page)
        serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        assert not serious, "; ".join(f"{v['id']}: {v['help']}" for v in serious)
