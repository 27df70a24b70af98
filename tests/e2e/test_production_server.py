"""The production path: gunicorn started as `make serve` starts it, with the documented production settings.

Static files are collected with the manifest storage and served by WhiteNoise; DEBUG is off. HTTPS stays
off because the browser talks to the server on loopback (README: HTTPS=1 behind the TLS proxy).
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from django.conf import settings

from erasmi.core.tests.test_upload_limit import send_headers_only


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    var = tmp_path_factory.mktemp("production") / "var"  # not there yet, as in a fresh clone
    env = {
        **os.environ,
        "SECRET_KEY": "e2e-" + "k" * 60,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DEBUG": "0",
        "ERASMI_VAR_DIR": str(var),
        "DATABASE_URL": f"sqlite:///{var / 'erasmi.sqlite3'}",
    }
    for name in ("DJANGO_ALLOW_ASYNC_UNSAFE", "HTTPS", "STATIC_MANIFEST", "REDIS_URL", "DJANGO_SETTINGS_MODULE"):
        env.pop(name, None)
    manage = [sys.executable, "manage.py"]

    def run(*args, **extra):
        subprocess.run([*manage, *args], cwd=settings.BASE_DIR, env={**env, **extra}, check=True, timeout=600)

    # As `make install` and `make serve` do, plus the demo data (with DEBUG on only for loading it).
    run("migrate", "--noinput", "-v0")
    run("createcachetable")
    run("load_demo", DEBUG="1")
    run("collectstatic", "--noinput", "-v0")
    port = _free_port()
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    server = subprocess.Popen(
        [gunicorn, "erasmi.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/en/", timeout=5)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail("gunicorn did not start: " + server.stderr.read().decode()[-2000:])
            time.sleep(0.3)
    yield url
    server.terminate()
    server.wait(timeout=20)


MAIN_PAGES = ["/en/", "/en/compendium/", "/en/offers/", "/en/networks/demostadt/", "/en/accounts/login/"]


@pytest.mark.parametrize("path", MAIN_PAGES)
def test_the_main_pages_load_from_the_production_server_with_their_styles_and_scripts(browser, production_server, path):
    context = browser.new_context(base_url=production_server, locale="en-GB")
    page = context.new_page()
    failed = []
    page.on("response", lambda r: failed.append((r.url, r.status)) if r.status >= 400 else None)
    page.on("requestfailed", lambda r: failed.append((r.url, r.failure)))
    response = page.goto(path)
    page.wait_for_load_state("load")
    assert response.status == 200
    assert failed == []
    stylesheet = page.locator("link[rel=stylesheet]").first.get_attribute("href")
    assert stylesheet.startswith("/static/css/erasmi.") and stylesheet != "/static/css/erasmi.css"  # hashed
    # The stylesheet applies (the skip link is moved off screen) and htmx runs.
    assert page.evaluate("getComputedStyle(document.querySelector('.skip-link')).position") == "absolute"
    assert page.evaluate("typeof window.htmx") == "object"
    if path == "/en/offers/":
        assert page.evaluate("typeof window.L") == "object"  # Leaflet, from the collected files
    context.close()


def test_the_production_server_refuses_a_huge_upload_before_reading_it(production_server):
    answer, seconds = send_headers_only(production_server, "/en/networks/demostadt/documents/", 300 * 1024 * 1024)
    assert b" 413 " in answer.split(b"\r\n", 1)[0]
    assert seconds < 5
