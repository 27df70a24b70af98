"""The production path: static files collected with the manifest storage that `make serve` uses."""

import os
import subprocess
import sys

from django.conf import settings


def test_collectstatic_with_the_production_storage_succeeds_and_hashes_every_file(tmp_path):
    env = {
        **os.environ,
        "DEBUG": "0",
        "STATIC_MANIFEST": "1",
        "ERASMI_VAR_DIR": str(tmp_path),
        "SECRET_KEY": "x" * 60 + "collectstatic-test-key",
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    manifest = (tmp_path / "static" / "staticfiles.json").read_text()
    assert "vendor/leaflet-1.9/leaflet.js" in manifest
    assert list((tmp_path / "static" / "vendor" / "leaflet-1.9").glob("leaflet.*.js.gz"))


def test_the_favicon_is_served_for_browsers_that_ask_for_favicon_ico(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.svg")
    assert b'rel="icon"' in client.get("/en/").content
