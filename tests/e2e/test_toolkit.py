"""A learner works through a unit of the toolkit on a phone, then keeps their progress in their account."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import make_user, sign_in, sign_out


@pytest.fixture
def toolkit(transactional_db):
    from erasmi.learning import services

    services.load_toolkit()


def test_a_learner_works_through_a_unit_on_a_phone_and_keeps_the_progress(browser, live_server, toolkit):
    from erasmi.learning.models import Progress

    learner = make_user("learner@example.org")
    context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))

    page.goto("/en/toolkit/")
    page.get_by_role("link", name="Working groups with concrete goals").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Working groups with concrete goals")
    page.get_by_role("link", name="Start the unit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Permanent and temporary working groups")
    page.get_by_role("link", name="Next page →").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Goals that can be checked")
    page.get_by_role("link", name="To the exercise →").click()

    page.get_by_label("By the end of March we compile a list").check()
    page.get_by_label("We want to strengthen integration").check()
    page.get_by_role("button", name="Check my answers").click()
    feedback = page.locator("#feedback")
    expect(feedback).to_contain_text("Not quite.")
    expect(feedback).to_contain_text("it has no result and no deadline")
    page.get_by_label("We want to strengthen integration").uncheck()
    page.get_by_label("Next year we win two migrant self-organisations").check()
    page.get_by_role("button", name="Check my answers").click()
    expect(feedback).to_contain_text("Right.")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.goto("/en/toolkit/progress/")
    row = page.get_by_role("row", name="Working groups with concrete goals")
    expect(row).to_contain_text("2 of 2 pages read, exercise answered")  # kept in the browser
    assert not Progress.objects.exists()

    sign_in(page, "learner@example.org")
    page.goto("/en/toolkit/progress/")  # the browser hands its progress to the account
    expect(row).to_contain_text("2 of 2 pages read, exercise answered")
    progress = Progress.objects.get(user=learner)
    assert progress.pages_seen == [1, 2] and progress.exercise_done

    sign_out(page)
    page.evaluate("window.localStorage.clear()")
    sign_in(page, "learner@example.org")
    page.goto("/en/toolkit/progress/")
    expect(row).to_contain_text("2 of 2 pages read, exercise answered")
    page.get_by_role("link", name="Working groups with concrete goals").click()
    expect(page.locator("#unit-progress")).to_have_attribute("value", "100")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert not errors
    context.close()


TOOLKIT_PAGES = [
    "/en/toolkit/",
    "/de/toolkit/founding-a-network/",
    "/tr/toolkit/founding-a-network/3/",
    "/it/toolkit/working-groups/exercise/",
    "/da/toolkit/methods/",
    "/de/toolkit/methods/world-cafe/",
    "/en/toolkit/progress/",
]


def test_the_toolkit_pages_have_no_serious_accessibility_violation(page, toolkit):
    from axe_playwright_python.sync_playwright import Axe

    found = []
    for url in TOOLKIT_PAGES:
        page.goto(url)
        results = Axe().run(page)
        found += [f"{url} {v['id']}" for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    page.goto("/en/toolkit/working-groups/exercise/")
    page.get_by_role("button", name="Check my answers").click()  # the errors of an empty answer
    results = Axe().run(page)
    found += [f"errors {v['id']}" for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not found


def test_the_exercise_is_answered_with_the_keyboard(page, toolkit):
    page.goto("/en/toolkit/founding-a-network/exercise/")
    page.get_by_label("So that it is clear what each organisation contributes").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Check my answers").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#feedback")).to_be_focused()
    expect(page.locator("#feedback")).to_contain_text("It makes contributions visible")
