"""Login throttling protects the account without locking its owner out (issue 9)."""

import os
import subprocess
import sys
import time

from allauth.core.internal.ratelimit import parse_rates
from django.conf import settings
from django.db import connection

from erasmi.accounts.models import User

PASSWORD = "a-long-Passphrase-42"
LOGIN = "/en/accounts/login/"
REFUSED = "Too many failed login attempts"


def owner():
    user = User.objects.create_user("owner@example.org", PASSWORD)
    user.emailaddress_set.create(email="owner@example.org", verified=True, primary=True)
    return user


def attempt(client, password, **headers):
    response = client.post(LOGIN, {"login": "owner@example.org", "password": password}, **headers)
    signed_in = "_auth_user_id" in client.session
    client.logout()
    return signed_in, REFUSED in response.text or response.status_code == 429


def test_guessing_from_one_client_does_not_lock_the_owner_out_of_another(client, database_cache):
    owner()
    attacker = {"REMOTE_ADDR": "203.0.113.5"}
    outcomes = [attempt(client, "wrong", **attacker) for _ in range(8)]
    assert outcomes[:5] == [(False, False)] * 5
    assert outcomes[5:] == [(False, True)] * 3  # the attacker's client is stopped
    assert attempt(client, PASSWORD, **attacker) == (False, True)  # even with the right password, there
    assert attempt(client, PASSWORD, REMOTE_ADDR="198.51.100.7") == (True, False)  # the owner, elsewhere


def test_a_locked_client_waits_only_the_documented_short_time(client, database_cache, settings):
    for rate in parse_rates(settings.ACCOUNT_RATE_LIMITS["login_failed"]):
        assert rate.duration <= 5 * 60  # README: a client waits at most five minutes
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "30/5m/ip,5/2s/key"}  # the same rule, with a shorter wait
    owner()
    for _ in range(5):
        attempt(client, "wrong")
    assert attempt(client, PASSWORD) == (False, True)
    time.sleep(2.1)
    assert attempt(client, PASSWORD) == (True, False)


def test_forwarded_addresses_are_ignored_without_a_configured_proxy(client, database_cache, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    owner()
    outcomes = [attempt(client, "wrong", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}") for n in range(6)]
    assert outcomes[-1] == (False, True)  # a forged header does not give the guesser fresh counters


def test_behind_a_configured_proxy_users_do_not_share_the_proxy_address(client, database_cache, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    owner()
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(6):
        attempt(client, "wrong", HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)
    assert attempt(client, "wrong", HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy) == (False, True)
    # The last entry is the one our proxy added; what the client put before it is not believed.
    assert attempt(client, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.5, 198.51.100.7", **proxy) == (True, False)


def test_many_failures_from_one_address_stop_only_that_address(client, database_cache):
    owner()
    for n in range(30):
        client.post(LOGIN, {"login": f"someone{n}@example.org", "password": "wrong"}, REMOTE_ADDR="203.0.113.5")
    assert attempt(client, PASSWORD, REMOTE_ADDR="203.0.113.5") == (False, True)
    assert attempt(client, PASSWORD, REMOTE_ADDR="198.51.100.7") == (True, False)


WORKER = """
import sys, django
django.setup()
from django.test.utils import override_settings, setup_test_environment
setup_test_environment()
override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]).enable()
from django.test import Client
client = Client(REMOTE_ADDR="203.0.113.5")
for password in sys.argv[1:]:
    response = client.post("/en/accounts/login/", {"login": "owner@example.org", "password": password})
    print("signed-in" if "_auth_user_id" in client.session else "refused" if "Too many" in response.text else "wrong")
"""


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def worker(*passwords) -> list[str]:
    """A separate Python process, as a second gunicorn worker is, with the production cache settings."""
    env = {**os.environ, "DATABASE_URL": database_url(), "DJANGO_SETTINGS_MODULE": "erasmi.settings"}
    env["STATIC_MANIFEST"] = "0"
    env.pop("REDIS_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", WORKER, *passwords],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_worker_processes_share_the_failed_login_counters(database_cache):
    owner()
    assert worker("wrong", "wrong", "wrong") == ["wrong"] * 3
    # A second process sees the first one's failures: five in all, then this client is stopped.
    assert worker("wrong", "wrong", "wrong", PASSWORD) == ["wrong", "wrong", "refused", "refused"]
