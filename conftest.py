import pytest
from model_bakery import baker


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.ERASMI_CACHE_DIR = tmp_path / "cache"
    settings.PRIVATE_ROOT = tmp_path / "private"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Each test process has its own memory cache (fast, no database access needed); the database cache
    # that production uses without Redis is tested with the `database_cache` fixture.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture
def member(db):
    return baker.make("accounts.User", email="member@example.org", role="member")


@pytest.fixture
def other_member(db):
    return baker.make("accounts.User", email="other@example.org", role="member")


@pytest.fixture
def editor(db):
    return baker.make("accounts.User", email="editor@example.org", role="editor")


@pytest.fixture
def erfurt(db):
    """The seed profile, imported in German and Turkish."""
    from erasmi.compendium import services
    from erasmi.compendium.importers import read_file
    from erasmi.compendium.seeds import ERFURT_DE, ERFURT_TR

    services.import_profiles([read_file(ERFURT_DE), read_file(ERFURT_TR)])
    from erasmi.compendium.models import Practice

    return Practice.objects.get()


@pytest.fixture
def smtp_server(settings, db):
    """A real SMTP server on loopback; the platform sends to it through Django's SMTP backend."""
    import socket
    from email import message_from_bytes, policy

    from aiosmtpd.controller import Controller

    class Inbox:
        def __init__(self):
            self.messages = []

        async def handle_DATA(self, server, session, envelope):
            message = message_from_bytes(envelope.content, policy=policy.default)
            self.messages.append({"to": envelope.rcpt_tos, "message": message})
            return "250 OK"

        def body(self, index=-1) -> str:
            message = self.messages[index]["message"]
            part = message.get_body(preferencelist=("plain",))
            return part.get_content()

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = False
    yield inbox
    controller.stop()


@pytest.fixture
def database_cache(settings, transactional_db):
    """The cache production uses without Redis: the table the migrations create, shared by all processes."""
    from django.core.cache import cache

    settings.CACHES = {"default": settings.DATABASE_CACHE}
    cache.clear()
    yield cache
    cache.clear()
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture(autouse=True)
def _fresh_cache(_test_settings):
    """Rate limits and cached pages live in the cache; each test starts with none."""
    from django.core.cache import cache

    from erasmi.core import pagecache

    cache.clear()
    pagecache.forget()
    yield
    cache.clear()
    pagecache.forget()


@pytest.fixture(autouse=True)
def _english_by_default():
    """Requests activate their language in the thread; each test starts in English again."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


# -- networks and events ------------------------------------------------------


@pytest.fixture
def coordinator(db):
    from model_bakery import baker

    return baker.make("accounts.User", email="coordinator@example.org")


@pytest.fixture
def erfurt_network(coordinator, member):
    import datetime

    from erasmi.networks.models import Membership, Organisation, Person, WorkingGroup
    from erasmi.networks.tests.factories import make_network

    network = make_network("erfurt", coordinator, [member])
    for name, actor_type in [
        ("Stadt Erfurt", Organisation.ActorType.AUTHORITY),
        ("Caritas", Organisation.ActorType.WELFARE),
        ("Afrikanisch-Deutscher Verein", Organisation.ActorType.MIGRANT_ORGANISATION),
        ("VHS", Organisation.ActorType.EDUCATION),
    ]:
        Membership.objects.create(
            network=network,
            organisation=Organisation.objects.create(name=name, actor_type=actor_type, languages=["de"]),
            joined=datetime.date(2010, 1, 1),
        )
    left = Organisation.objects.create(name="Former Ltd", actor_type=Organisation.ActorType.COMPANY)
    Membership.objects.create(
        network=network, organisation=left, joined=datetime.date(2012, 1, 1), left=datetime.date(2020, 6, 30)
    )
    WorkingGroup.objects.create(network=network, slug="sprache", name="Sprache", lead=Person.for_user(member))
    return network


@pytest.fixture
def other_network(other_member):
    from erasmi.networks.tests.factories import make_network

    return make_network("halle", member_users=[other_member])


# -- background work -----------------------------------------------------------


@pytest.fixture
def background(transactional_db, settings):
    """Real `manage.py db_worker` / `manage.py scheduler` processes on the test database (see workers.py)."""
    from erasmi.core.tests.workers import Background

    processes = Background(settings)
    yield processes
    processes.stop_all()


@pytest.fixture
def immediate_tasks(settings):
    """Tasks run at once in the test process (when the transaction commits), for tests not about workers."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
