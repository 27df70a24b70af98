import datetime
import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from erasmi.core import languages, texts


class NamedInLanguages(models.Model):
    """A vocabulary value with its name in each language (country, category, target group, ...)."""

    names = models.JSONField(default=dict, help_text="Name per language code.")

    class Meta:
        abstract = True

    def __str__(self):
        return self.name()

    def name(self, language: str | None = None) -> str:
        """The name in the language, else in English, else in any language, else the slug."""
        language = language or languages.current()
        return self.names.get(language) or self.names.get("en") or next(iter(self.names.values()), self.slug)


class WrittenInLanguages(models.Model):
    """A record whose own texts (``translated_fields``) are written in one language, with versions in others.

    ``text_in(field, language)`` gives the field's text in the language where there is a version, else as
    written, with the language it is in; ``shown.<field>`` the same for a page, in the reader's language
    (see erasmi.core.texts). The versions are in the row itself: showing them needs no query.
    """

    translated_fields: tuple[str, ...] = ()

    language = models.CharField(_("language of the text"), max_length=10, blank=True)
    # {language: {field: text}}; written by the forms (core.forms.TranslationsForm), never typed as JSON.
    translations = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    def text_in(self, field: str, language: str | None = None) -> tuple[str, str]:
        """The field's text in the language (default: the reader's) if there is a version in it, else as
        written; with the language it is in ("" if the record does not say)."""
        return texts.text_in(
            getattr(self, field), self.language, self.translations, field, language or languages.current()
        )

    @property
    def shown(self) -> texts.Shown:
        return texts.Shown(self)

    def set_translations(self, versions: dict[str, dict[str, str]]) -> None:
        """Keep the versions, without empty texts and without languages left with none."""
        kept = {}
        for language, fields in versions.items():
            fields = {field: text.strip() for field, text in fields.items() if text and text.strip()}
            if fields:
                kept[language] = fields
        self.translations = kept


_held_tokens: ContextVar[dict | None] = ContextVar("held_content_versions", default=None)


class ContentVersion(models.Model):
    """A token that changes whenever a body of content changes.

    Processes that keep a derived structure in memory (e.g. the compendium's facet
    index) compare tokens with one cheap query and rebuild when it differs. A
    random token, not a counter: a rolled-back transaction cannot reuse one.
    """

    key = models.CharField(max_length=40, primary_key=True)
    token = models.UUIDField(default=uuid.uuid4)

    def __str__(self):
        return f"{self.key}: {self.token}"

    @classmethod
    def bump(cls, key: str) -> None:
        if cls.objects.filter(key=key).update(token=uuid.uuid4()):
            return
        if not cls.objects.get_or_create(key=key)[1]:
            # Another process created the row meanwhile (its current()), maybe keeping what this change
            # replaces under that token: a new one.
            cls.objects.filter(key=key).update(token=uuid.uuid4())

    @classmethod
    def tokens(cls, keys: list[str]) -> dict[str, uuid.UUID]:
        """The current tokens of these keys, read with one query."""
        found = dict(cls.objects.filter(key__in=keys).values_list("key", "token"))
        return {key: found[key] if key in found else cls.current(key) for key in keys}

    @classmethod
    @contextmanager
    def held(cls, tokens: dict[str, uuid.UUID]):
        """Within the block, current() answers these tokens without asking the database again: a page
        cached under them is built from the content they name (one query for them per request)."""
        reset = _held_tokens.set({**(_held_tokens.get() or {}), **tokens})
        try:
            yield
        finally:
            _held_tokens.reset(reset)

    @classmethod
    def current(cls, key: str) -> uuid.UUID:
        if (held := _held_tokens.get()) and key in held:
            return held[key]
        token = cls.objects.filter(key=key).values_list("token", flat=True).first()
        if token is None:
            token = cls.objects.get_or_create(key=key)[0].token
        return token


class Submission(models.Model):
    """A form submission already carried out: a double click or a resent form finds it here (see core.once)."""

    key = models.CharField(max_length=120, unique=True)
    result = models.CharField(max_length=300, blank=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return self.key


class LastVisit(models.Model):
    """When someone last looked at their start page: it shows what changed since."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, models.CASCADE, primary_key=True, related_name="+")
    seen = models.DateTimeField()

    def __str__(self):
        return f"{self.user_id}: {self.seen}"

    @classmethod
    def visit(cls, user) -> datetime.datetime | None:
        """Note this visit; returns the time of the one before (None on the first)."""
        now = timezone.now()
        previous = cls.objects.filter(user=user).values_list("seen", flat=True).first()
        if previous is None:
            cls.objects.get_or_create(user=user, defaults={"seen": now})
        else:
            cls.objects.filter(user=user).update(seen=now)
        return previous


class PeriodicJob(models.Model):
    """When a periodic job (registered in erasmi.core.tasks) runs next; the scheduler moves it on as it enqueues."""

    name = models.CharField(max_length=100, primary_key=True)
    next_run = models.DateTimeField()
    last_enqueued = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.name}: {self.next_run:%Y-%m-%d %H:%M}"
