from playwright.sync_api import expect

from tests.e2e.conftest import make_user, open_account_menu, sign_in, sign_out


def test_member_submits_a_practice_and_an_editor_publishes_it(page, demo):
    make_user("member@example.org")
    make_user("editor@example.org", role="editor")

    sign_in(page, "member@example.org")
    open_account_menu(page)
    page.get_by_role("link", name="Submit a practice").click()
    page.get_by_label("Language of this version").select_option("en")
    page.get_by_label("Name of the network *").fill("Limerick Newcomers Network")
    page.get_by_label("Founding year").fill("2019")
    page.get_by_label("Location (city / region / country)").fill("Limerick / Munster / Ireland")
    page.get_by_label("Network type").select_option(label="Civil society network")
    facets = page.get_by_role("group", name="Field(s) of action")
    facets.get_by_label("Housing").check()
    facets.get_by_label("Health").check()
    page.get_by_label("Other (one per line)").first.fill("Harbour life")
    page.get_by_label("Short description").fill("Neighbours help newcomers settle in Limerick.")
    page.get_by_label("Success factors").fill("Volunteers from the neighbourhood")
    page.get_by_role("button", name="Submit for review").click()
    assert page.get_by_text("Your practice was submitted and will be reviewed by an editor.").is_visible()
    assert page.get_by_text("Not public yet: Submitted for review.").is_visible()
    sign_out(page)

    page.goto("/en/compendium/?q=Limerick")
    expect(page.locator("#results-title")).to_have_text("0 practices")

    sign_in(page, "editor@example.org")
    open_account_menu(page)
    page.get_by_role("link", name="Review").click()
    page.get_by_role("link", name="Limerick Newcomers Network").click()
    page.get_by_label("Publish").check()
    page.get_by_role("button", name="Record decision").click()
    assert page.get_by_text("Your decision was recorded.").is_visible()
    assert page.get_by_text("Status: Published").is_visible()
    sign_out(page)

    page.goto("/en/compendium/?q=Limerick")
    expect(page.locator("#results-title")).to_have_text("1 practice")
    page.get_by_label("Ireland (1)").check()
    expect(page.locator("#results-title")).to_have_text("1 practice")
    page.get_by_role("link", name="Limerick Newcomers Network").click()
    assert page.get_by_text("Volunteers from the neighbourhood").is_visible()
