import datetime
import hashlib
import json

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from erasmi.compendium.template import LIST_FIELDS, TRANSLATED_FIELDS
from erasmi.core import languages, search
from erasmi.core.html import to_text
from erasmi.core.models import NamedInLanguages


class TermQuerySet(models.QuerySet):
    def of_kind(self, kind):
        return self.filter(kind=kind)


class Term(NamedInLanguages):
    """A value of a shared, translatable vocabulary (country, network type, ...).

    Facets filter on terms, so a filter works whatever the language of the profile.
    """

    class Kind(models.TextChoices):
        COUNTRY = "country", _("Country")
        NETWORK_TYPE = "network_type", _("Network type")
        FIELD_OF_ACTION = "field_of_action", _("Field of action")
        TARGET_GROUP = "target_group", _("Target group")
        FORMALISATION = "formalisation", _("Degree of formalisation")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    slug = models.SlugField(max_length=80)
    aliases = models.JSONField(default=list, blank=True, help_text="Other spellings the importer recognises.")

    objects = TermQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "slug"], name="unique_term_slug")]
        ordering = ["kind", "slug"]


class PracticeQuerySet(models.QuerySet):
    SUBMISSIONS_PER_HOUR = 5

    def published(self):
        return self.filter(status=Practice.Status.PUBLISHED)

    def many_submitted_lately(self, user) -> bool:
        """The person submitted as many practices in the last hour as one may (editors: no limit)."""
        if getattr(user, "is_editor", False):
            return False
        since = timezone.now() - datetime.timedelta(hours=1)
        return self.filter(submitted_by=user, created__gte=since).count() >= self.SUBMISSIONS_PER_HOUR

    def with_listing(self):
        return self.select_related("country", "network_type").prefetch_related("translations")


class Practice(models.Model):
    """A good-practice profile of a network, following the ERASMI template."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        PUBLISHED = "published", _("Published")

    class Size(models.TextChoices):
        SMALL = "small", _("up to 20 members")
        MEDIUM = "medium", _("21 to 50 members")
        LARGE = "large", _("51 to 100 members")
        VERY_LARGE = "very_large", _("more than 100 members")

    SIZE_RANGES = {
        Size.SMALL: (1, 20),
        Size.MEDIUM: (21, 50),
        Size.LARGE: (51, 100),
        Size.VERY_LARGE: (101, None),
    }

    slug = models.SlugField(max_length=120, unique=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    is_example = models.BooleanField(
        _("demonstration example"), default=False, help_text=_("Invented for demonstration, not a real network.")
    )
    original_language = models.CharField(max_length=10)

    founding_year = models.PositiveSmallIntegerField(_("founding year"), null=True, blank=True, db_index=True)
    member_count = models.PositiveIntegerField(_("approximate number of members"), null=True, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.ForeignKey(
        Term, models.PROTECT, null=True, blank=True, related_name="+", limit_choices_to={"kind": Term.Kind.COUNTRY}
    )
    network_type = models.ForeignKey(
        Term, models.PROTECT, null=True, blank=True, related_name="+", limit_choices_to={"kind": Term.Kind.NETWORK_TYPE}
    )
    formalisation = models.ForeignKey(
        Term,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": Term.Kind.FORMALISATION},
    )
    fields_of_action = models.ManyToManyField(
        Term, blank=True, related_name="+", limit_choices_to={"kind": Term.Kind.FIELD_OF_ACTION}
    )
    target_groups = models.ManyToManyField(
        Term,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": Term.Kind.TARGET_GROUP},
        db_table="compendium_practice_target_groups",
    )

    website = models.CharField(_("website"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    status_as_of = models.DateField(_("information as of"), null=True, blank=True)
    licence = models.CharField(_("licence"), max_length=60, default="CC BY 4.0")
    source = models.CharField(_("source"), max_length=300, blank=True)

    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="submitted_practices"
    )
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        indexes = [models.Index(fields=["status", "slug"]), models.Index(fields=["member_count"])]

    def __str__(self):
        return self.slug

    STATUS_FIELDS = {"status", "published_at"}

    def save(self, *args, **kwargs):
        # An edit writes back the practice it read; its status may have changed meanwhile (an editor
        # withdrew it). So an existing practice's status changes only through change_status().
        if self.pk and not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                f.name for f in self._meta.concrete_fields if not f.primary_key and f.name not in self.STATUS_FIELDS
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("compendium:detail", args=[self.slug])

    def translation(self, language: str | None = None) -> "PracticeTranslation | None":
        """The version in the language, else the original, else any (uses prefetched rows)."""
        language = language or languages.current()
        by_language = {t.language: t for t in self.translations.all()}
        return (
            by_language.get(language)
            or by_language.get(self.original_language)
            or next(iter(by_language.values()), None)
        )

    # The profile's fields whose values the practice's facet terms name (shared vocabularies).
    VOCABULARY_FIELDS = {
        "network_type": "network_type",
        "formalisation": "formalisation",
        "fields_of_action": "fields_of_action",
        "target_groups": "target_groups",
    }

    def in_words_of(self, key: str, value, language: str):
        """A field's value for a reader of `language` when the version is in another language: a value that names
        one of the practice's facet terms ("Staatliches Integrationsnetzwerk") is given in the reader's language,
        like the badges; other text stays as written. Uses the prefetched terms."""
        if key not in self.VOCABULARY_FIELDS or not value:
            return value
        from erasmi.compendium.services import term_key  # noqa: PLC0415 (services imports the models)

        related = getattr(self, self.VOCABULARY_FIELDS[key])
        terms = list(related.all()) if hasattr(related, "all") else [related] if related else []
        names = {term_key(name): term for term in terms for name in [*term.names.values(), *term.aliases]}

        def reader(text: str) -> str:
            term = names.get(term_key(text))
            return term.name(language) if term else text

        return [reader(item) for item in value] if isinstance(value, list) else reader(value)

    def original(self) -> "PracticeTranslation | None":
        return self.translation(self.original_language)

    def available_languages(self) -> list[str]:
        return sorted(t.language for t in self.translations.all())

    @classmethod
    def size_of(cls, member_count: int | None) -> str | None:
        if not member_count:
            return None
        for size, (low, high) in cls.SIZE_RANGES.items():
            if member_count >= low and (high is None or member_count <= high):
                return size
        return None

    def change_status(self, status: str, *, expected: str | None = None) -> bool:
        """Set the status in one atomic update (only from ``expected``, if given); False if it was not."""
        now = timezone.now()
        rows = Practice.objects.filter(pk=self.pk)
        if expected is not None:
            rows = rows.filter(status=expected)
        changed = rows.update(status=status, updated=now)
        if changed and status == self.Status.PUBLISHED:
            Practice.objects.filter(pk=self.pk, published_at__isnull=True).update(published_at=now)
        if changed:
            from erasmi.compendium import index

            index.changed(sender=Practice)  # an update() sends no signal
        self.refresh_from_db(fields=["status", "published_at", "updated"])
        return bool(changed)

    def publish(self, by=None):
        self.change_status(self.Status.PUBLISHED)


class PracticeTranslation(models.Model):
    """One language version of a practice, with its translation state."""

    class State(models.TextChoices):
        ORIGINAL = "original", _("Original")
        TRANSLATED = "translated", _("Translated")
        OUTDATED = "outdated", _("Outdated: the original has changed since")

    practice = models.ForeignKey(Practice, models.CASCADE, related_name="translations")
    language = models.CharField(max_length=10)
    state = models.CharField(max_length=12, choices=State.choices, default=State.ORIGINAL)
    source_digest = models.CharField(
        max_length=64, blank=True, help_text="Digest of the original this version was translated from."
    )

    name = models.CharField(_("name of the network"), max_length=300)
    location = models.CharField(_("location"), max_length=300, blank=True)
    coordinating_organisation = models.TextField(_("coordinating organisation"), blank=True)
    formalisation = models.CharField(_("degree of formalisation"), max_length=300, blank=True)
    members = models.TextField(_("members"), blank=True)
    fields_of_action = models.JSONField(_("field(s) of action"), default=list, blank=True)
    target_groups = models.JSONField(_("target group(s)"), default=list, blank=True)
    network_type = models.CharField(_("network type"), max_length=300, blank=True)
    short_description = models.TextField(_("short description"), blank=True)
    resources = models.JSONField(_("resources"), default=list, blank=True)
    internal_communication = models.JSONField(default=list, blank=True)
    external_communication = models.JSONField(default=list, blank=True)
    success_factors = models.JSONField(default=list, blank=True)
    challenges = models.JSONField(default=list, blank=True)
    evaluation = models.JSONField(default=list, blank=True)
    impact = models.TextField(blank=True)

    search_text = models.TextField(blank=True, editable=False)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["practice", "language"], name="unique_practice_language")]
        ordering = ["practice_id", "language"]

    def __str__(self):
        return f"{self.name} [{self.language}]"

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        super().save(*args, **kwargs)
        search.index(PracticeTranslation, [self])
        if self.state == self.State.ORIGINAL:
            # Versions translated from an earlier original are now behind.
            self.practice.translations.exclude(pk=self.pk).filter(state=self.State.TRANSLATED).exclude(
                source_digest=self.digest()
            ).update(state=self.State.OUTDATED)

    def content(self) -> dict:
        return {f.key: getattr(self, f.key) for f in TRANSLATED_FIELDS}

    def digest(self) -> str:
        return hashlib.sha256(json.dumps(self.content(), sort_keys=True).encode()).hexdigest()

    def build_search_text(self) -> str:
        parts = []
        for f in TRANSLATED_FIELDS:
            value = getattr(self, f.key)
            parts.extend(value if f.key in LIST_FIELDS else [value])
        return "\n".join(to_text(part) for part in parts if part)

    def mark_translated_from(self, original: "PracticeTranslation"):
        self.state = self.State.TRANSLATED
        self.source_digest = original.digest()


class PracticeProposal(models.Model):
    """A change to a published practice that waits for an editor; the public version stays until then."""

    practice = models.ForeignKey(Practice, models.CASCADE, related_name="proposals")
    language = models.CharField(max_length=10)
    values = models.JSONField(default=dict)
    status_as_of = models.DateField(null=True, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["practice", "language"], name="one_proposal_per_language")]
        ordering = ["practice_id", "language"]

    def __str__(self):
        return f"{self.practice} [{self.language}]: proposed change"

    def changes(self) -> list[tuple[str, str, str]]:
        """(field label, public value, proposed value) of each field the proposal changes."""
        from erasmi.compendium.template import FIELDS

        public = self.practice.translations.filter(language=self.language).first()
        rows = []
        for f in FIELDS:
            before = getattr(self.practice, f.key) if f.shared else getattr(public, f.key, None)
            after = self.values.get(f.key)
            as_text = lambda v: "\n".join(v) if isinstance(v, list) else ("" if v is None else str(v))  # noqa: E731
            if as_text(before) != as_text(after):
                rows.append((str(f.label), as_text(before), as_text(after)))
        return rows


class PracticeRevision(models.Model):
    """The history of a practice: who did what, when, with the full content at that moment."""

    class Action(models.TextChoices):
        IMPORTED = "imported", _("imported")
        SUBMITTED = "submitted", _("submitted")
        EDITED = "edited", _("edited")
        CHANGES_REQUESTED = "changes_requested", _("asked for changes")
        PUBLISHED = "published", _("published")
        UNPUBLISHED = "unpublished", _("withdrawn from publication")
        PROPOSED = "proposed", _("proposed a change")

    practice = models.ForeignKey(Practice, models.CASCADE, related_name="revisions")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")
    action = models.CharField(max_length=20, choices=Action.choices)
    language = models.CharField(max_length=10, blank=True)
    comment = models.TextField(blank=True)
    snapshot = models.JSONField(default=dict)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self):
        return f"{self.practice} {self.action} {self.created:%Y-%m-%d}"

    def changed_fields(self, previous: "PracticeRevision | None") -> list[str]:
        """Labels of the template fields whose content differs from the previous revision."""
        from erasmi.compendium.template import FIELDS_BY_KEY

        if previous is None:
            return []
        before, after = previous.snapshot, self.snapshot
        changed = []
        for key, field in FIELDS_BY_KEY.items():
            if field.shared:
                differs = before.get(key) != after.get(key)
            else:
                languages = set(before.get("translations", {})) | set(after.get("translations", {}))
                differs = any(
                    before.get("translations", {}).get(lang, {}).get(key)
                    != after.get("translations", {}).get(lang, {}).get(key)
                    for lang in languages
                )
            if differs:
                changed.append(str(field.label))
        return changed


class TermProposal(models.Model):
    """A facet value that no vocabulary term matched (a profile's or a submission's own wording).

    It is no public filter: an editor maps it onto a term (the wording becomes one of the term's
    aliases) or accepts it as a new term with its names in every language. Until then the
    practices that use it wait here for that facet.
    """

    kind = models.CharField(max_length=20, choices=Term.Kind.choices)
    text = models.CharField(max_length=300)
    key = models.CharField(max_length=300, help_text="The text as the vocabulary compares it.")
    language = models.CharField(max_length=10)
    practices = models.ManyToManyField(Practice, blank=True, related_name="term_proposals")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="unique_term_proposal")]
        ordering = ["kind", "created", "id"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text} [{self.language}]"
