"""Browser tests: Debian's chromium driven by Playwright against the live test server."""

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (scripts/ensure-chromium installs it)")
        pytest.skip("chromium is not installed")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls of the
    # tests themselves (creating data) are still synchronous and safe here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, accept_downloads=True, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def demo(transactional_db):
    """The Erfurt seed profile and the example practices, as after `make run`."""
    from erasmi.compendium import demo, services, vocabulary
    from erasmi.compendium.importers import read_file
    from erasmi.compendium.models import Term
    from erasmi.compendium.seeds import ERFURT_DE, ERFURT_TR

    vocabulary.load(Term)  # a transactional test empties the tables the migrations filled
    services.import_profiles([read_file(ERFURT_DE), read_file(ERFURT_TR)])
    demo.load_examples()


def make_user(email: str, role: str = "member", password: str = "a-long-Passphrase-42"):
    from erasmi.accounts.models import User

    user = User.objects.create_user(email, password, role=role)
    user.emailaddress_set.create(email=email, verified=True, primary=True)
    return user


def sign_in(page, email: str, password: str = "a-long-Passphrase-42", language: str = "en"):
    page.goto(f"/{language}/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(f"**/{language}/")


def open_account_menu(page):
    """The signed-in entries sit in the folded "My account" menu of the header."""
    menu = page.locator(".account-menu details")
    if not menu.evaluate("element => element.open"):
        page.locator(".account-menu summary").click()


def sign_out(page, name: str = "Sign out"):
    open_account_menu(page)
    page.get_by_role("button", name=name).click()
