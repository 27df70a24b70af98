from playwright.sync_api import expect
from pypdf import PdfReader


def test_visitor_searches_filters_opens_switches_language_compares_and_downloads(page, demo, tmp_path):
    page.goto("/en/")
    page.get_by_role("link", name="Compendium", exact=True).click()
    assert page.get_by_role("heading", name="Compendium of good practice").is_visible()
    expect(page.locator("#results-title")).to_have_text("9 practices")

    page.get_by_label("Search", exact=True).fill("Arbeitsgruppe")
    page.get_by_label("Search", exact=True).press("Enter")
    expect(page.locator("#results-title")).to_have_text("1 practice")

    page.get_by_role("link", name="Clear search and filters").click()
    page.get_by_label("Germany (2)").check()  # htmx reloads the results on change
    expect(page.locator("#results-title")).to_have_text("2 practices")
    assert "country=germany" in page.url

    page.get_by_role("link", name="Netzwerk für Integration der Landeshauptstadt Erfurt").click()
    assert page.get_by_text("This profile is not available in your language. It is shown in German.").is_visible()
    assert page.get_by_text("Thematische Treffen der acht Arbeitsgruppen").is_visible()

    page.get_by_role("navigation", name="Language", exact=True).get_by_role("link", name="Türkçe").click()
    page.wait_for_url("**/tr/compendium/netzwerk-fur-integration-der-landeshauptstadt-erfurt/")
    assert page.locator("html").get_attribute("lang") == "tr"
    assert page.get_by_role("heading", name="1. Genel bilgi").is_visible()
    assert page.get_by_text("Devlet entegrasyon ağı").first.is_visible()

    page.goto("/en/compendium/")
    page.get_by_label("Compare: Aarhus Jobs Bridge").check()
    page.get_by_label("Compare: Netzwerk für Integration der Landeshauptstadt Erfurt").check()
    page.get_by_role("button", name="Compare selected").click()
    table = page.get_by_role("table")
    assert table.get_by_role("columnheader", name="Aarhus Jobs Bridge").is_visible()
    assert table.get_by_text("Employers take part from the start").is_visible()
    assert table.get_by_text("Klarer und gut strukturierter Informationsfluss").is_visible()

    page.goto("/tr/compendium/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="PDF derleme").click()
    path = tmp_path / "compendium.pdf"
    download_info.value.save_as(path)
    reader = PdfReader(str(path))
    assert len(reader.outline) == 9
    assert "Devlet entegrasyon ağı" in "".join(p.extract_text() for p in reader.pages)


def test_visitor_on_a_phone_reaches_the_filters_and_results(browser, live_server, demo):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto("/da/compendium/")
    assert page.get_by_role("heading", name="Kompendium over god praksis").is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "the page scrolls sideways on a phone"
    assert page.get_by_label("Danmark (2)").is_hidden()  # the filters are folded below the results
    page.locator("details.filters > summary").click()
    page.get_by_label("Danmark (2)").check()
    expect(page.locator("#results-title")).to_have_text("2 eksempler")
    expect(page.get_by_label("Danmark (2)")).to_be_checked()  # still unfolded after the results changed
    context.close()


def test_visitor_chooses_a_practice_filters_and_chooses_a_second_to_compare(page, demo):
    page.goto("/en/compendium/")
    page.get_by_label("Compare: Aarhus Jobs Bridge").check()
    page.get_by_role("button", name="Compare selected").click()  # one is no comparison: explained, still chosen
    expect(page.get_by_text("Tick at least two practices to compare them side by side.")).to_be_visible()
    expect(page.get_by_label("Compare: Aarhus Jobs Bridge")).to_be_checked()

    page.get_by_label("Germany (2)").check()  # htmx reloads the results; Aarhus is no longer among them
    expect(page.locator("#results-title")).to_have_text("2 practices")
    expect(
        page.get_by_role("group", name="Chosen for the comparison").get_by_label("Aarhus Jobs Bridge")
    ).to_be_checked()
    page.get_by_label("Compare: Netzwerk für Integration der Landeshauptstadt Erfurt").check()
    page.get_by_role("button", name="Compare selected").click()
    table = page.get_by_role("table")
    expect(table.get_by_role("columnheader", name="Aarhus Jobs Bridge")).to_be_visible()
    expect(
        table.get_by_role("columnheader", name="Netzwerk für Integration der Landeshauptstadt Erfurt")
    ).to_be_visible()
