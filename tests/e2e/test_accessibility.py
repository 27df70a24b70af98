import pytest
from axe_playwright_python.sync_playwright import Axe

PAGES = [
    "/en/",
    "/en/compendium/",
    "/de/compendium/?country=germany",
    "/tr/compendium/netzwerk-fur-integration-der-landeshauptstadt-erfurt/",
    "/en/compendium/compare/?p=aarhus-jobs-bridge&p=netzwerk-fur-integration-der-landeshauptstadt-erfurt",
    "/en/accounts/login/",
    "/en/accounts/signup/",
    "/en/accounts/password/reset/",
]


@pytest.mark.parametrize("url", PAGES)
def test_public_page_has_no_serious_or_critical_violation(page, demo, url):
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
