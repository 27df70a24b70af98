"""Erasmi settings: one file, read from environment variables with safe defaults.

Production needs at least SECRET_KEY, ALLOWED_HOSTS and HTTPS=1 (see README).
"""

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("ERASMI_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)  # the SQLite file, static files and uploads; absent in a fresh clone


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once and kept in var/."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "erasmi.core",
    "erasmi.accounts",
    "erasmi.compendium",
    "erasmi.networks",
    "erasmi.events",
    "erasmi.offers",
    "erasmi.api",
    "erasmi.library",
    "erasmi.notifications",
    "erasmi.learning",
    "erasmi.cooperation",
    "erasmi.plans",
    "erasmi.surveys",
    "erasmi.mailings",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "csp",
    "ninja",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "erasmi.core.middleware.remember_language",
    "erasmi.core.middleware.limit_request_size",
    "erasmi.core.middleware.refuse_nul_bytes",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "erasmi.accounts.middleware.account_language",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "erasmi.urls"
WSGI_APPLICATION = "erasmi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "erasmi" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "erasmi.core.context_processors.languages",
            ],
        },
    },
]

# Database: SQLite file by default, DATABASE_URL (e.g. postgres://...) otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'erasmi.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let concurrent requests wait for the write lock.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Tests use a file too: concurrent registrations need real locking between connections.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-erasmi.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds the login throttling counters and cached pages, so every worker process must share it:
# the database (table erasmi_cache, created by the migrations) unless REDIS_URL names a Redis server.
# The database cache keeps whole public pages and parts of workspace pages: Django's default of 300 entries
# would cull a third of them on nearly every write of a site with more pages than that.
DATABASE_CACHE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "erasmi_cache",
    "OPTIONS": {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 100_000)},
}
CACHES = {"default": DATABASE_CACHE}
if redis_url := env_str("REDIS_URL"):
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "core:home"
LOGIN_URL = "account_login"

# django-allauth: e-mail as login, confirmed before the first login, throttled failures.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
# Failed logins (see erasmi/accounts/adapter.py): 5 per account and client address in 5 minutes, and 30 per
# client address in 5 minutes. A client that reaches a limit waits at most 5 minutes; the owner signing in
# from another address is never held up by someone guessing elsewhere.
ACCOUNT_ADAPTER = "erasmi.accounts.adapter.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    "login_failed": env_str("LOGIN_FAILED_LIMIT", "30/5m/ip,5/5m/key"),
}
# The client address: REMOTE_ADDR, unless TRUSTED_PROXY_COUNT proxies of ours add X-Forwarded-For (then the
# entry the outermost of them added), or TRUSTED_CLIENT_IP_HEADER names a header the proxy sets (X-Real-IP).
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env_str("TRUSTED_CLIENT_IP_HEADER") or None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Erasmi] "

# Languages: the five of the ERASMI partners, more (RTL too) by ERASMI_LANGUAGES=de,en,tr,it,da,ar
LANGUAGE_CODE = env_str("LANGUAGE_CODE", "en")
FORMAT_MODULE_PATH = ["erasmi.formats"]  # a few of Django's date formats adjusted per language
_language_codes = env_list("ERASMI_LANGUAGES", "de,en,tr,it,da")
for _code in _language_codes:
    if _code not in LANG_INFO:
        raise ImproperlyConfigured(f"ERASMI_LANGUAGES: unknown language code {_code!r}")
LANGUAGES = [(code, LANG_INFO[code]["name_local"]) for code in _language_codes]
if LANGUAGE_CODE not in _language_codes:
    LANGUAGE_CODE = _language_codes[0]
LOCALE_PATHS = [BASE_DIR / "erasmi" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("TIME_ZONE", "Europe/Berlin")
LANGUAGE_COOKIE_NAME = "erasmi_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "erasmi" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
PRIVATE_ROOT = Path(
    os.environ.get("ERASMI_PRIVATE_ROOT", VAR_DIR / "private")
)  # network uploads, never served directly
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Mail
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
# A worker that claimed a notice and died: after this long another worker may send it.
NOTICE_CLAIM_SECONDS = env_int("NOTICE_CLAIM_SECONDS", 600)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Erasmi <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The info mail: messages per second in all (0: as fast as the server takes them), messages per SMTP
# connection, and connections used side by side by one worker.
ERASMI_MAIL_RATE = env_int("MAIL_RATE", 0)
ERASMI_MAIL_BATCH = env_int("MAIL_BATCH", 100)
ERASMI_MAIL_CONNECTIONS = env_int("MAIL_CONNECTIONS", 4)

# Security. HTTPS=1 in production turns on the transport settings.
HTTPS = env_bool("HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", HTTPS)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY") else None
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Map tiles: an XYZ tile server such as https://tile.openstreetmap.org/{z}/{x}/{y}.png (its origin is
# allowed for images). None by default: pins on a blank map, and the list works without it.
ERASMI_TILE_URL = env_str("ERASMI_TILE_URL", "")
_tiles = urlsplit(ERASMI_TILE_URL)
TILE_ORIGIN = f"{_tiles.scheme}://{_tiles.netloc}" if _tiles.netloc else None
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *([TILE_ORIGIN] if TILE_ORIGIN else [])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Request sizes. A request body larger than ERASMI_MAX_REQUEST_SIZE is refused (413) before it is read; the
# largest upload (a network document) is 20 MB. The front server should refuse such bodies first
# (nginx: client_max_body_size 25m, see README). Form fields without files: DATA_UPLOAD_MAX_MEMORY_SIZE;
# an uploaded file above FILE_UPLOAD_MAX_MEMORY_SIZE goes to a temporary file instead of memory.
ERASMI_MAX_REQUEST_SIZE = env_int("MAX_REQUEST_MB", 25) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 20
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

ERASMI_PAGE_SIZE = 20
# The floor view of `make bench`'s load phase (/bench/floor): on for the bench's server only.
ERASMI_BENCH_FLOOR = env_bool("BENCH_FLOOR", False)
ERASMI_CACHE_DIR = Path(os.environ.get("ERASMI_CACHE_DIR", VAR_DIR / "cache"))
# Generated files (the compendium exports): how long a request waits for a generation that
# another process is running, and how long a failed generation is answered as failed.
ERASMI_GENERATION_WAIT = env_int("ERASMI_GENERATION_WAIT", 10)
ERASMI_GENERATION_RETRY = env_int("ERASMI_GENERATION_RETRY", 600)

# Background work (django-tasks with its database backend: SQLite and PostgreSQL, no broker). Workers run
# `manage.py db_worker` (any number, on any machine that reaches the database); one `manage.py scheduler`
# enqueues the periodic jobs. A task still running after ERASMI_TASK_LEASE seconds counts as abandoned (its
# worker was killed) and runs again, at most ERASMI_TASK_ATTEMPTS times in all: tasks do their work in
# per-item claims, so a second run finishes what the first left and does nothing twice, and a long job
# hands over to a follow-up task well before the lease ends.
TASKS = {"default": {"BACKEND": env_str("TASK_BACKEND", "django_tasks_db.DatabaseBackend")}}
ERASMI_TASK_LEASE = env_int("TASK_LEASE_SECONDS", 600)
ERASMI_TASK_ATTEMPTS = env_int("TASK_ATTEMPTS", 5)
ERASMI_SCHEDULER_INTERVAL = env_int("SCHEDULER_INTERVAL_SECONDS", 20)
