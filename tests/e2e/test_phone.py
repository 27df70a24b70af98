"""The workspace pages fit a 360 px phone: nothing scrolls sideways, in German and Turkish."""

import pytest

from tests.e2e.conftest import make_user, sign_in


@pytest.mark.parametrize("language", ["de", "tr"])
def test_workspace_pages_fit_a_phone(browser, live_server, demo, language):
    from erasmi.events.models import Event
    from erasmi.networks import demo as network_demo
    from erasmi.offers import demo as offer_demo
    from erasmi.offers import vocabulary as offer_vocabulary
    from erasmi.offers.models import Category, TargetGroup

    coordinator, member = make_user("coordinator@example.org"), make_user("member@example.org")
    network = network_demo.load({"coordinator": coordinator, "member": member})
    offer_vocabulary.load(Category, TargetGroup)
    offer_demo.load(network)
    event = Event.objects.filter(working_group__isnull=True).first()
    membership = network.memberships.first()
    someone = network.roles.exclude(person__user=coordinator).first().person
    context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740})
    page = context.new_page()
    sign_in(page, "coordinator@example.org", language=language)
    too_wide = []
    for path in [
        "networks/demostadt/",
        "networks/demostadt/people/",
        "networks/demostadt/members/",
        "networks/demostadt/members/import/",
        f"networks/demostadt/members/{membership.pk}/",
        f"networks/demostadt/people/{someone.pk}/erase/",
        "networks/demostadt/calendar/",
        f"networks/demostadt/events/{event.pk}/",
        f"networks/demostadt/events/{event.pk}/edit/",
        "networks/demostadt/groups/ag-1/",
        "networks/demostadt/documents/",
        "networks/demostadt/history/",
    ]:
        page.goto(f"/{language}/{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            too_wide.append((path, width))
    context.close()
    assert not too_wide
