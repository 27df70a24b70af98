"""Two app servers behind one load balancer behave as one (issue 14, README "More than one server").

Two gunicorn instances on two ports share the test database and one Redis (a private redis-server, or
REDIS_URL): what a person changes through one is seen at once through the other: the cached pages and
facets of the compendium and the offers, the calendar and its feed, the session, the failed sign-ins.
The cookie jar does not tell the ports apart, and every request names the one host the load balancer
answers for (allauth counts failed sign-ins per host, as it counts them per site).
"""

import datetime
import http.cookiejar
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from erasmi.accounts.tests.test_throttling import database_url

PASSWORD = "a-long-Passphrase-42"
HOST = "erasmi.test"  # the name the load balancer answers to, passed on to every app server
DJANGO_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # what the servers check with


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail(f"the server on port {port} did not start")
            time.sleep(0.2)


@pytest.fixture
def redis_url():
    if shutil.which("redis-server"):
        port = _free_port()
        server = subprocess.Popen(
            ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        _wait(port, server)
        yield f"redis://127.0.0.1:{port}/0"
        server.terminate()
        server.wait(timeout=20)
    elif url := os.environ.get("REDIS_URL"):
        import redis

        try:
            redis.Redis.from_url(url).ping()
        except redis.RedisError:
            pytest.skip("Redis is not reachable at REDIS_URL")
        yield url
    else:
        pytest.skip("no Redis: neither redis-server nor REDIS_URL")


@pytest.fixture
def servers(transactional_db, redis_url, tmp_path):
    """Two gunicorn instances with the production settings, sharing the database and Redis."""
    env = {
        **os.environ,
        "SECRET_KEY": "two-servers-" + "k" * 50,  # the same on every server, as in production
        "ALLOWED_HOSTS": HOST,
        "DEBUG": "0",
        "STATIC_MANIFEST": "0",
        "DATABASE_URL": database_url(),
        "REDIS_URL": redis_url,
        "ERASMI_VAR_DIR": str(tmp_path / "var"),
        "LOG_LEVEL": "ERROR",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    processes, urls = [], []
    for _ in range(2):
        port = _free_port()
        process = subprocess.Popen(
            [gunicorn, "erasmi.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        processes.append(process)
        urls.append(f"http://127.0.0.1:{port}")
    for process, url in zip(processes, urls, strict=True):
        _wait(int(url.rsplit(":", 1)[1]), process)
    yield urls
    for process in processes:
        process.terminate()
    for process in processes:
        process.wait(timeout=20)
    connection.close()


class Browser:
    """A visitor with cookies (or none), talking to whichever server a URL names."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, url: str) -> str:
        return self.opener.open(urllib.request.Request(url, headers={"Host": HOST}), timeout=60).read().decode()

    def submit(self, url: str, changes: dict) -> str:
        """Fill in the page's form as it is, change some fields, send it; the page it leads to."""
        reader = _FormReader()
        reader.feed(self.get(url))
        form = max(reader.forms, key=lambda fields: (bool({name for name, _v in fields} & set(changes)), len(fields)))
        fields = [(name, value) for name, value in form if name not in changes] + list(changes.items())
        request = urllib.request.Request(url, urllib.parse.urlencode(fields).encode(), headers={"Host": HOST})
        try:
            return self.opener.open(request, timeout=60).read().decode()
        except urllib.error.HTTPError as error:
            return error.read().decode()


class _FormReader(HTMLParser):
    """The fields of the page's forms that post, as a browser would send them."""

    def __init__(self):
        super().__init__()
        self.forms, self.inside, self.select, self.textarea = [], False, None, None

    @property
    def fields(self) -> list:
        return self.forms[-1]

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("method", "").lower() == "post":
            self.inside = True
            self.forms.append([])
        if not self.inside:
            return
        if tag == "input" and a.get("name") and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                self.fields.append((a["name"], a.get("value") or ("on" if a.get("type") == "checkbox" else "")))
        elif tag == "select":
            self.select = a.get("name")
        elif tag == "option" and self.select and "selected" in a:
            self.fields.append((self.select, a.get("value", "")))
        elif tag == "textarea":
            self.textarea = [a.get("name"), ""]

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.fields.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "form" and self.inside:
            self.inside = False


def _sign_in(browser: Browser, server: str, email: str, password: str) -> str:
    return browser.submit(f"{server}/en/accounts/login/", {"login": email, "password": password})


@pytest.fixture
def data(servers, settings):
    from model_bakery import baker

    from erasmi.accounts.models import User
    from erasmi.compendium.models import Practice, PracticeTranslation, Term
    from erasmi.events.models import Event
    from erasmi.networks.models import Network, Organisation
    from erasmi.offers.models import Category, Offer

    settings.PASSWORD_HASHERS = DJANGO_HASHERS
    admin = User.objects.create_superuser("admin@example.org", PASSWORD)
    admin.emailaddress_set.create(email="admin@example.org", verified=True, primary=True)
    owner = User.objects.create_user("owner@example.org", PASSWORD)
    owner.emailaddress_set.create(email="owner@example.org", verified=True, primary=True)
    country = Term.objects.create(kind=Term.Kind.COUNTRY, slug="atlantis", names={"en": "Atlantis"})
    practice = Practice.objects.create(
        slug="harbour-network", status=Practice.Status.PUBLISHED, original_language="en", country=country
    )
    PracticeTranslation.objects.create(practice=practice, language="en", state="original", name="Harbour network")
    category = Category.objects.create(slug="sailing", names={"en": "Sailing lessons"})
    organisation = Organisation.objects.create(name="Harbour club", actor_type="ngo", sector="non_state")
    Offer.objects.create(organisation=organisation, category=category, titles={"en": "Sailing for newcomers"})
    network = Network.objects.create(slug="harbour", name="Harbour network", city="Port")
    starts = timezone.now().replace(day=15, hour=10, minute=0, second=0, microsecond=0)
    event = baker.make(
        Event,
        network=network,
        title="Quay meeting",
        starts=starts,
        ends=starts + datetime.timedelta(hours=2),
        visibility=Event.Visibility.PUBLIC,
        formats=[],
    )
    return {"country": country, "category": category, "event": event, "network": network}


def test_a_change_through_one_server_is_seen_at_once_through_the_other(servers, data):
    a, b = servers
    visitor, admin = Browser(), Browser()
    month = data["event"].starts.strftime("%Y-%m")
    pages = {
        "facet": f"{b}/en/compendium/",
        "offers": f"{b}/en/offers/",
        "api": f"{b}/api/offers",
        "calendar": f"{b}/en/networks/harbour/calendar/?month={month}",
        "feed": f"{b}/feeds/networks/harbour.ics",
    }
    before = {name: visitor.get(url) for name, url in pages.items()}  # now in the shared cache
    assert "Atlantis" in before["facet"]
    assert "Sailing lessons" in before["offers"] and "Quay meeting" in before["calendar"]
    assert "Quay meeting" in before["feed"]
    assert visitor.get(pages["offers"]) == before["offers"]  # served again alike, from the cache

    _sign_in(admin, a, "admin@example.org", PASSWORD)
    country, category, event = data["country"], data["category"], data["event"]
    admin.submit(f"{a}/en/admin/compendium/term/{country.pk}/change/", {"names": '{"en": "New Atlantis"}'})
    admin.submit(f"{a}/en/admin/offers/category/{category.pk}/change/", {"names": '{"en": "Rowing lessons"}'})
    admin.submit(f"{a}/en/admin/events/event/{event.pk}/change/", {"title": "Pier meeting"})

    after = {name: visitor.get(url) for name, url in pages.items()}
    assert "New Atlantis" in after["facet"]
    assert "Rowing lessons" in after["offers"] and "Sailing lessons" not in after["offers"]
    assert '"category":"sailing"' in after["api"]  # the slug is unchanged; the answer was built anew
    assert "Pier meeting" in after["calendar"] and "Quay meeting" not in after["calendar"]
    assert "Pier meeting" in after["feed"]


def test_a_session_started_on_one_server_is_valid_on_the_other(servers, data):
    a, b = servers
    admin = Browser()
    _sign_in(admin, a, "admin@example.org", PASSWORD)
    page = admin.get(f"{b}/en/admin/")  # the admin index; signed out, it would be the admin's login form
    assert "Site administration" in page and 'name="password"' not in page


def test_failed_sign_ins_on_one_server_count_on_the_other(servers, data):
    a, b = servers
    guesser = Browser()
    for _ in range(5):
        _sign_in(guesser, a, "owner@example.org", "wrong")
    page = _sign_in(guesser, b, "owner@example.org", PASSWORD)
    assert "Too many failed login attempts" in page


def test_a_coordinators_change_through_one_server_shows_in_the_kept_member_list_of_the_other(servers, data):
    from erasmi.accounts.models import User
    from erasmi.networks.models import Membership, Organisation, Person, Role

    a, b = servers
    network = data["network"]
    Role.objects.create(
        network=network, person=Person.for_user(User.objects.get(email="owner@example.org")), kind="coordinator"
    )
    club = Organisation.objects.create(name="Harbour club", actor_type="ngo", sector="non_state")
    membership = Membership.objects.create(network=network, organisation=club, joined=datetime.date(2020, 1, 1))
    coordinator = Browser()
    _sign_in(coordinator, a, "owner@example.org", PASSWORD)
    members = f"{b}/en/networks/harbour/members/"
    assert "Harbour club" in coordinator.get(members)  # kept in the shared cache by server b

    edit = f"{a}/en/networks/harbour/members/{membership.pk}/organisation/"
    coordinator.submit(edit, {"name": "Harbour rowing club"})
    assert "Harbour rowing club" in coordinator.get(members)
