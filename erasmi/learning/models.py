"""The inclusion toolkit: learning units with pages, method cards and an exercise, in several languages,
and what each learner has done with them (progress, private reflection notes)."""

import hashlib
import json
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from erasmi.core import languages
from erasmi.core.html import sanitize
from erasmi.networks.models import private_storage


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class State(models.TextChoices):
    ORIGINAL = "original", _("Original")
    TRANSLATED = "translated", _("Translated")
    OUTDATED = "outdated", _("Outdated: the original has changed since")


class ToolkitQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def visible_to(self, user):
        return self if getattr(user, "is_editor", False) else self.published()


class Translatable(models.Model):
    """What units and method cards share: a slug, an order, an original language and per-language versions."""

    slug = models.SlugField(max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    original_language = models.CharField(max_length=10, default="de")
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(auto_now=True)

    objects = ToolkitQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["position", "slug"]

    def __str__(self):
        return self.slug

    def translation(self, language: str | None = None):
        """The version in the language, else the original, else any (uses prefetched rows)."""
        language = language or languages.current()
        by_language = {t.language: t for t in self.translations.all()}
        return (
            by_language.get(language)
            or by_language.get(self.original_language)
            or next(iter(by_language.values()), None)
        )

    def available_languages(self) -> list[str]:
        return sorted(t.language for t in self.translations.all())


class Version(models.Model):
    """One language version with its translation state (as the compendium's PracticeTranslation)."""

    CONTENT_FIELDS: tuple[str, ...] = ()

    language = models.CharField(max_length=10)
    state = models.CharField(max_length=12, choices=State.choices, default=State.ORIGINAL)
    source_digest = models.CharField(max_length=64, blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Set when an editor saves it: load_toolkit never overwrites it then.",
    )
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.state == State.ORIGINAL:
            # Versions translated from an earlier original are now behind.
            self.siblings().exclude(pk=self.pk).filter(state=State.TRANSLATED).exclude(
                source_digest=self.digest()
            ).update(state=State.OUTDATED)

    def content(self) -> dict:
        return {name: getattr(self, name) for name in self.CONTENT_FIELDS}

    def digest(self) -> str:
        return hashlib.sha256(json.dumps(self.content(), sort_keys=True).encode()).hexdigest()

    def siblings(self):
        raise NotImplementedError

    @classmethod
    def cleaned(cls, values: dict) -> dict:
        """The values as they are stored (user HTML sanitised)."""
        return values

    def mark_translated_from(self, original: "Version"):
        self.state = State.TRANSLATED
        self.source_digest = original.digest()


class Unit(Translatable):
    """A learning unit on building or consolidating a network."""

    factors = models.JSONField(
        default=list, blank=True, help_text="Keys of the self-assessment's success factors this unit helps with."
    )

    class Meta(Translatable.Meta):
        pass

    def get_absolute_url(self):
        return reverse("learning:unit", args=[self.slug])


def _clean_pages(pages) -> list[dict]:
    return [{"title": str(p.get("title", "")).strip(), "body": sanitize(p.get("body", ""))} for p in pages or []]


class UnitTranslation(Version):
    CONTENT_FIELDS = ("title", "summary", "objectives", "pages", "questions", "reflection_prompt")

    unit = models.ForeignKey(Unit, models.CASCADE, related_name="translations")
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    objectives = models.JSONField(_("objectives"), default=list, blank=True)
    # [{"title": str, "body": sanitised HTML}]
    pages = models.JSONField(default=list, blank=True)
    # [{"text": str, "multiple": bool, "answers": [{"text": str, "correct": bool, "feedback": str}]}]
    questions = models.JSONField(default=list, blank=True)
    reflection_prompt = models.TextField(_("question for reflection"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "language"], name="unique_unit_language")]
        ordering = ["unit_id", "language"]

    def __str__(self):
        return f"{self.title} [{self.language}]"

    def save(self, *args, **kwargs):
        self.pages = _clean_pages(self.pages)
        super().save(*args, **kwargs)

    def siblings(self):
        return self.unit.translations.all()

    @classmethod
    def cleaned(cls, values: dict) -> dict:
        return {**values, "pages": _clean_pages(values.get("pages"))}


class MethodCard(Translatable):
    """A method a network uses (network café, working-group charter, member survey, ...)."""

    units = models.ManyToManyField(Unit, blank=True, related_name="cards")

    class Meta(Translatable.Meta):
        pass

    def get_absolute_url(self):
        return reverse("learning:card", args=[self.slug])


class MethodCardTranslation(Version):
    CONTENT_FIELDS = ("title", "summary", "body")

    card = models.ForeignKey(MethodCard, models.CASCADE, related_name="translations")
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("description"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["card", "language"], name="unique_card_language")]
        ordering = ["card_id", "language"]

    def __str__(self):
        return f"{self.title} [{self.language}]"

    def save(self, *args, **kwargs):
        self.body = sanitize(self.body)
        super().save(*args, **kwargs)

    def siblings(self):
        return self.card.translations.all()

    @classmethod
    def cleaned(cls, values: dict) -> dict:
        return {**values, "body": sanitize(values.get("body", ""))}


def attachment_path(attachment, filename: str) -> str:
    # Never the uploader's file name: it cannot choose where the file goes.
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"toolkit/{attachment.unit_id}/{uuid.uuid4().hex}.{extension}"


class Attachment(models.Model):
    """An image shown on a page of a unit, or a file to download with it (checked like network documents)."""

    IMAGE_TYPES = {"png", "jpg", "jpeg"}

    unit = models.ForeignKey(Unit, models.CASCADE, related_name="attachments")
    page = models.PositiveSmallIntegerField(
        _("shown on page"), null=True, blank=True, help_text=_("Images only; leave empty for a file to download.")
    )
    title = models.CharField(_("title or description of the image"), max_length=200)
    file = models.FileField(upload_to=attachment_path, storage=private_storage, max_length=300)
    original_name = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    uploaded = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["unit_id", "page", "id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("learning:attachment", args=[self.unit.slug, self.pk])

    @property
    def extension(self) -> str:
        return self.original_name.rsplit(".", 1)[-1].lower()

    @property
    def is_image(self) -> bool:
        return self.extension in self.IMAGE_TYPES and self.page is not None


def page_number(value) -> int | None:
    """A page number (1 to 99) as the browser sent it, a number or its ASCII digits; anything else None."""
    if isinstance(value, str) and value.isascii() and value.isdecimal() and len(value) <= 2:
        value = int(value)
    if type(value) is not int:  # not True, not 1.5, not "²"
        return None
    return value if 0 < value < 100 else None


class Progress(models.Model):
    """What a signed-in learner has done in a unit: pages read, exercise answered."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="toolkit_progress")
    unit = models.ForeignKey(Unit, models.CASCADE, related_name="progress")
    pages_seen = models.JSONField(default=list)
    exercise_done = models.BooleanField(default=False)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "unit"], name="unique_progress")]

    def __str__(self):
        return f"{self.user_id} {self.unit_id}"

    def merge(self, pages=(), exercise_done=False) -> bool:
        """Add pages read and the exercise; True if something new was added."""
        seen = sorted(set(self.pages_seen) | {n for n in map(page_number, pages) if n is not None})
        new = seen != sorted(self.pages_seen) or (exercise_done and not self.exercise_done)
        self.pages_seen = seen
        self.exercise_done = self.exercise_done or bool(exercise_done)
        return new

    def share(self, page_count: int) -> int:
        """Per cent done: every page read and the exercise answered."""
        total = page_count + 1
        done = len([p for p in self.pages_seen if p <= page_count]) + int(self.exercise_done)
        return round(100 * min(done, total) / total)


class ReflectionNote(models.Model):
    """A learner's own notes on a unit's question for reflection: nobody else reads them."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="toolkit_notes")
    unit = models.ForeignKey(Unit, models.CASCADE, related_name="notes")
    text = models.TextField(_("your notes"), blank=True, max_length=10000)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "unit"], name="unique_reflection_note")]

    def __str__(self):
        return f"{self.user_id} {self.unit_id}"
