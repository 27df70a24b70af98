"""The README's screenshots: the start page of the demo coordinator and the gap report, at 1280 px.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Builds the demo in a database of its own (a temporary ERASMI_VAR_DIR, SQLite), serves it on a free
local port, and takes the pages with Debian's chromium through Playwright. The pictures are reduced to
256 colours so that they stay small in the repository.
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PAGES = [
    ("start-page.png", "/en/"),
    ("gap-report.png", "/en/offers/report/demostadt/"),
]
WIDTH, HEIGHT = 1280, 900


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], cwd=ROOT, env=env, check=True)


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310  (our own local server)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"The server at {url} did not answer.")


def shrink(path: Path) -> None:
    """256 colours: a page of text and flat colours looks the same at a third of the size."""
    from PIL import Image

    with Image.open(path) as image:
        image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def take(base_url: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(base_url=base_url, viewport={"width": WIDTH, "height": HEIGHT}, locale="en-GB")
        page.goto("/en/accounts/login/")
        page.locator("input[name=login]").fill("coordinator@example.org")
        page.locator("input[name=password]").fill("erasmi-demo")
        page.locator("form button[type=submit]").last.click()
        page.wait_for_load_state()
        taken = []
        for name, path in PAGES:
            page.goto(path)
            page.wait_for_load_state("networkidle")
            target = out / name
            page.screenshot(path=str(target))  # the first screenful, as a visitor sees it
            shrink(target)
            taken.append(target)
        browser.close()
    return taken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    out = Path(parser.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="erasmi-screenshots-") as var:
        env = {**os.environ, "ERASMI_VAR_DIR": var, "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "erasmi.settings"}
        env.pop("DATABASE_URL", None)  # a database of its own, never the developer's
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "createcachetable", "-v0")
        manage(env, "load_demo")
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(f"http://127.0.0.1:{port}/en/")
            for path in take(f"http://127.0.0.1:{port}", out):
                print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KiB")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
