from playwright.sync_api import expect

from tests.e2e.conftest import make_user, sign_in, sign_out


def _setup():
    from erasmi.compendium import vocabulary
    from erasmi.compendium.models import Term
    from erasmi.networks import demo as network_demo
    from erasmi.offers import demo as offer_demo
    from erasmi.offers import vocabulary as offer_vocabulary
    from erasmi.offers.models import Category, TargetGroup

    vocabulary.load(Term)  # transactional tests start without the migrations' data
    offer_vocabulary.load(Category, TargetGroup)
    coordinator, member = make_user("coordinator@example.org"), make_user("member@example.org")
    network = network_demo.load({"coordinator": coordinator, "member": member})
    offer_demo.load(network)
    return network


def test_visitor_finds_turkish_counselling_near_a_postcode_on_list_and_map(page, transactional_db, settings):
    settings.ERASMI_TILE_URL = "http://127.0.0.1:9/{z}/{x}/{y}.png"  # a tile server that cannot be reached
    _setup()
    page.goto("/en/offers/")
    page.get_by_label("Near (postcode or place)").fill("99084")
    page.get_by_label("Radius").select_option("2")
    page.get_by_label("Language of the offer").select_option("tr")
    page.get_by_label("Category").select_option("counselling")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#offer-count")).to_have_text("3 offers")
    expect(page.get_by_role("link", name="Migration counselling for adults")).to_be_visible()
    expect(page.locator(".leaflet-marker-icon")).to_have_count(3)
    expect(page.get_by_text("The map cannot be shown right now; the list has every offer.")).to_be_visible()
    page.get_by_role("link", name="Migration counselling for adults").click()
    expect(page.get_by_role("link", name="Route to this place")).to_be_visible()


def test_member_updates_an_offer_and_coordinator_opens_the_report(page, transactional_db):
    network = _setup()
    from erasmi.networks.models import Person
    from erasmi.offers.models import Offer

    offer = Offer.objects.get(titles__de="Integrationskurs A1")
    person = Person.objects.get(user__email="member@example.org")
    person.organisation = offer.organisation
    person.save()
    sign_in(page, "member@example.org", language="de")
    page.goto(f"/de/offers/{offer.pk}/edit/")
    page.get_by_label("Titel").fill("Integrationskurs A1 am Vormittag")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("heading", name="Integrationskurs A1 am Vormittag")).to_be_visible()
    sign_out(page, "Abmelden")

    sign_in(page, "coordinator@example.org")
    page.goto(f"/en/offers/report/{network.slug}/")
    expect(page.get_by_role("heading", name="Overlaps")).to_be_visible()
    expect(page.get_by_role("link", name="Evening migration counselling")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as PDF").click()
    assert download.value.suggested_filename == "demostadt-coordination.pdf"
    assert open(download.value.path(), "rb").read(4) == b"%PDF"


def test_a_click_on_the_map_sets_the_pin(page, transactional_db, settings):
    settings.ERASMI_TILE_URL = "http://127.0.0.1:9/{z}/{x}/{y}.png"  # a tile server (here unreachable) lets one pick
    network = _setup()
    from erasmi.networks.models import Person
    from erasmi.offers.models import Offer

    offer = Offer.objects.filter(network=network, online=False).first()
    person = Person.objects.get(user__email="member@example.org")
    person.organisation = offer.organisation
    person.save()
    sign_in(page, "member@example.org")
    page.goto(f"/en/offers/{offer.pk}/edit/")
    before = page.locator("#id_latitude").input_value()
    page.locator("#pick-map").click(position={"x": 200, "y": 60})
    after = page.locator("#id_latitude").input_value()
    assert after != before and float(after) > float(before)  # above the old pin: further north


def test_visitor_on_a_phone_finds_turkish_counselling_near_a_town_or_postcode(browser, live_server, transactional_db):
    """The gazetteer knows Erfurt and 99084 out of the box, not only the places an admin entered."""
    from erasmi.offers import gazetteer
    from erasmi.offers.models import Place

    _setup()
    Place.objects.all().delete()  # only what `load_places --country DE` brings
    gazetteer.load("DE")
    context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740})
    page = context.new_page()
    for near in ("Erfurt", "99084"):
        page.goto("/tr/offers/")
        page.locator("details.filters > summary").click()
        page.get_by_label("Yakınında (posta kodu veya yer)").fill(near)
        page.get_by_label("Yarıçap").select_option("5")
        page.get_by_label("Hizmetin dili").select_option("tr")
        page.get_by_label("Kategori").select_option("counselling")
        page.get_by_role("button", name="Filtreleri uygula").click()
        expect(page.get_by_role("link", name="Yetişkinler için göç danışmanlığı")).to_be_visible()
        expect(page.get_by_text("Weimar'da göç danışmanlığı")).to_have_count(0)  # 20 km away
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.goto("/tr/offers/?near=Nirgendwo")
    expect(page.locator("#offer-count")).to_have_text("0 hizmet")
    expect(page.get_by_text("Hiçbir hizmet listelenmiyor: yer bilinmiyor.")).to_be_visible()
    context.close()
