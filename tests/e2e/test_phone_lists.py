"""On a 360 px phone the results come before the filters, the month calendar reads as a list, and a map without
a tile server is a plain ground without an alarm."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import make_user, sign_in

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def _offers():
    from erasmi.networks import demo as network_demo
    from erasmi.offers import demo as offer_demo
    from erasmi.offers import vocabulary as offer_vocabulary
    from erasmi.offers.models import Category, TargetGroup

    offer_vocabulary.load(Category, TargetGroup)
    coordinator, member = make_user("coordinator@example.org"), make_user("member@example.org")
    network = network_demo.load({"coordinator": coordinator, "member": member})
    offer_demo.load(network)
    return network


def _top(page, selector: str) -> float:
    return page.locator(selector).first.bounding_box()["y"]


def _phone(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_compendium_on_a_phone_shows_results_before_the_folded_filters(browser, live_server, demo):
    context, page = _phone(browser, live_server)
    page.goto("/de/compendium/")
    filters = page.locator("details.filters")
    expect(filters).not_to_have_attribute("open", "")
    expect(page.locator(".results .card").first).to_be_visible()
    assert _top(page, "#results-title") < _top(page, "details.filters")
    assert _top(page, ".results .card") < _top(page, "details.filters")
    assert _fits(page)
    page.get_by_text("Filter", exact=True).click()  # unfolds on a tap
    expect(filters.locator("fieldset").first).to_be_visible()
    context.close()


def test_compendium_on_a_desktop_shows_the_filters_open_beside_the_results(page, demo):
    page.set_viewport_size(DESKTOP)
    page.goto("/en/compendium/")
    expect(page.locator("details.filters")).to_have_attribute("open", "")
    expect(page.locator("details.filters fieldset").first).to_be_visible()
    assert page.locator("details.filters").bounding_box()["x"] < page.locator("#results-title").bounding_box()["x"]


def test_offers_on_a_phone_show_results_before_the_folded_filters(browser, live_server, transactional_db):
    _offers()
    context, page = _phone(browser, live_server)
    page.goto("/de/offers/")
    filters = page.locator("details.filters")
    expect(filters).not_to_have_attribute("open", "")
    expect(page.locator(".offer-list .card").first).to_be_visible()
    assert _top(page, "#offer-count") < _top(page, "details.filters")
    assert _top(page, ".offer-list .card") < _top(page, "details.filters")
    assert _fits(page)
    page.locator("details.filters > summary").click()
    page.get_by_label("Sprache des Angebots").select_option("tr")
    page.get_by_role("button", name="Filter anwenden").click()
    expect(page.locator("#offer-count")).not_to_have_text("0 Angebote")
    assert "language=tr" in page.url
    context.close()


def test_the_month_calendar_is_a_list_on_a_phone(browser, live_server, transactional_db):
    from erasmi.networks.tests.factories import make_event, make_network

    coordinator = make_user("coordinator@example.org")
    network = make_network("erfurt", coordinator)
    year = timezone.localdate().year + 1
    first = timezone.make_aware(datetime.datetime(year, 3, 10, 18))
    make_event(network, title="Plenum im März", start=first)
    make_event(network, title="AG Sprache", start=first + datetime.timedelta(days=7))
    context, page = _phone(browser, live_server)
    sign_in(page, "coordinator@example.org", language="de")
    page.goto(f"/de/networks/erfurt/calendar/?month={year}-03")
    plenum, group = page.get_by_role("link", name="Plenum im März"), page.get_by_role("link", name="AG Sprache")
    expect(plenum).to_be_visible()
    expect(group).to_be_visible()
    one, two = plenum.bounding_box(), group.bounding_box()
    assert one["x"] == two["x"] and one["y"] < two["y"]  # one below the other, not side by side in a grid
    expect(page.get_by_text(f"Mittwoch, 10. März {year}")).to_be_visible()
    expect(page.locator("table.month thead")).to_be_hidden()
    assert page.locator("table.month td:visible").count() == 2  # only the days with events
    assert _fits(page)
    page.goto(f"/de/networks/erfurt/calendar/?month={year}-04")
    expect(page.get_by_text("Keine Termine in diesem Monat.")).to_be_visible()
    context.close()


def test_a_map_without_a_tile_server_shows_a_plain_ground_and_no_alarm(page, transactional_db, settings):
    settings.ERASMI_TILE_URL = ""
    _offers()
    page.goto("/en/offers/")
    expect(page.locator(".leaflet-marker-icon").first).to_be_visible()
    expect(page.locator("#map")).to_have_class(re.compile(r"\bmap-plain\b"))
    page.wait_for_timeout(500)
    expect(page.locator(".map-notice")).to_have_count(0)
    expect(page.get_by_text("The map cannot be shown right now")).to_have_count(0)
