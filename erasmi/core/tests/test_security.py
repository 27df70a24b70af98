import os
import subprocess
import sys

from django.conf import settings


def test_security_headers_are_sent(client, db):
    response = client.get("/en/compendium/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_no_inline_script_in_pages(client, erfurt):
    for url in ["/en/", "/en/compendium/", f"/en/compendium/{erfurt.slug}/", "/en/accounts/login/"]:
        text = client.get(url).text
        assert "<script>" not in text, url
        assert " onclick=" not in text, url


def test_debug_is_off_unless_asked_for():
    assert settings.DEBUG is False


def test_deploy_check_is_clean_with_the_documented_production_settings(tmp_path):
    env = {
        **os.environ,
        "SECRET_KEY": "x" * 60 + "production-key-not-for-real-use-0123456789",
        "ALLOWED_HOSTS": "erasmi.example.org",
        "HTTPS": "1",
        "DEBUG": "0",
        "ERASMI_VAR_DIR": str(tmp_path),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
