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
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


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
