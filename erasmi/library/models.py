import hashlib
import json
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from erasmi.core import languages, search
from erasmi.networks.models import Network, private_storage


class Licence(models.TextChoices):
    CC_BY = "CC-BY-4.0", "CC BY 4.0"
    CC_BY_SA = "CC-BY-SA-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "CC-BY-NC-4.0", "CC BY-NC 4.0"
    CC_BY_NC_SA = "CC-BY-NC-SA-4.0", "CC BY-NC-SA 4.0"
    CC_BY_ND = "CC-BY-ND-4.0", "CC BY-ND 4.0"
    CC_BY_NC_ND = "CC-BY-NC-ND-4.0", "CC BY-NC-ND 4.0"
    CC0 = "CC0-1.0", "CC0 1.0"
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")


# The deed of each Creative Commons licence (SPDX identifiers as the values above).
LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/",
    Licence.CC_BY_NC_SA: "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    Licence.CC_BY_ND: "https://creativecommons.org/licenses/by-nd/4.0/",
    Licence.CC_BY_NC_ND: "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}


class Tag(models.Model):
    """A keyword of resources, as people type it; the slug is what the filter uses."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=80)

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return self.name


class ResourceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Resource.Status.PUBLISHED)

    def visible_to(self, user):
        """Published resources the user may see: public ones, and the internal ones of the user's networks."""
        public = Q(network__isnull=True) | Q(shared=True)
        networks = member_networks(user)
        return self.published().filter(public | Q(network__in=networks) if networks else public)

    def with_listing(self):
        return self.select_related("network").prefetch_related("translations", "tags")


def member_networks(user) -> list[int]:
    """Ids of the networks in which the user holds an active role (once per request)."""
    if not user.is_authenticated:
        return []
    if "_library_networks" not in user.__dict__:
        from erasmi.networks.models import Role

        user.__dict__["_library_networks"] = list(
            Role.objects.active().filter(person__user=user).values_list("network_id", flat=True)
        )
    return user.__dict__["_library_networks"]


def resource_file_path(resource, filename: str) -> str:
    # Never the uploader's file name: it cannot choose where the file goes.
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"library/{uuid.uuid4().hex}.{extension}"


class Resource(models.Model):
    """An open educational resource: a file or a link, described in one or more languages."""

    class Kind(models.TextChoices):
        MATERIAL = "material", _("Material")
        METHOD = "method", _("Method")
        TOOL = "tool", _("Tool")
        PROCESS = "process", _("Process")
        TEACHING_MATERIAL = "teaching_material", _("Teaching material")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted for review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn from publication")

    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, db_index=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True)
    original_language = models.CharField(max_length=10)
    languages = models.JSONField(_("languages of the resource"), default=list, blank=True)
    licence = models.CharField(_("licence"), max_length=20, choices=Licence.choices, default=Licence.CC_BY)
    author = models.CharField(_("author"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True, db_index=True)
    network = models.ForeignKey(
        Network,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="library_resources",
        verbose_name=_("network"),
    )
    shared = models.BooleanField(
        _("shared with all networks"),
        default=False,
        help_text=_("Without this, a network's resource is seen only by the network's members."),
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="resources")
    file = models.FileField(upload_to=resource_file_path, storage=private_storage, max_length=300, blank=True)
    file_name = models.CharField(max_length=255, blank=True)
    file_size = models.PositiveBigIntegerField(null=True, blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True)

    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="library_resources"
    )
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]

    def __str__(self):
        return self.slug

    def get_absolute_url(self):
        return reverse("library:detail", args=[self.slug])

    def translation(self, language: str | None = None) -> "ResourceTranslation | None":
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

    @property
    def is_internal(self) -> bool:
        return bool(self.network_id and not self.shared)

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS.get(self.licence, "")

    def attribution(self, title: str) -> str:
        """The attribution text the licence asks for: "<title> by <author>, licensed under CC BY 4.0 <url>"."""
        values = {
            "title": title,
            "author": self.author or self.organisation,
            "licence": self.get_licence_display(),
            "url": self.licence_url,
        }
        if self.licence == Licence.ALL_RIGHTS_RESERVED:
            return gettext("%(title)s by %(author)s. All rights reserved.") % values
        if self.licence == Licence.CC0:
            return gettext("%(title)s by %(author)s, dedicated to the public domain (%(licence)s) %(url)s") % values
        return gettext("%(title)s by %(author)s, licensed under %(licence)s %(url)s") % values

    def set_status(self, status: str) -> None:
        self.status = status
        if status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        self.save(update_fields=["status", "published_at", "updated"])


class ResourceTranslation(models.Model):
    """Title and description of a resource in one language, with its translation state."""

    class State(models.TextChoices):
        ORIGINAL = "original", _("Original")
        TRANSLATED = "translated", _("Translated")
        OUTDATED = "outdated", _("Outdated: the original has changed since")

    resource = models.ForeignKey(Resource, models.CASCADE, related_name="translations")
    language = models.CharField(max_length=10)
    state = models.CharField(max_length=12, choices=State.choices, default=State.ORIGINAL)
    source_digest = models.CharField(max_length=64, blank=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["resource", "language"], name="unique_resource_language")]
        ordering = ["resource_id", "language"]

    def __str__(self):
        return f"{self.title} [{self.language}]"

    def save(self, *args, **kwargs):
        self.search_text = f"{self.title}\n{self.description}"
        super().save(*args, **kwargs)
        search.index(ResourceTranslation, [self])
        if self.state == self.State.ORIGINAL:
            # Versions translated from an earlier original are now behind.
            self.resource.translations.exclude(pk=self.pk).filter(state=self.State.TRANSLATED).exclude(
                source_digest=self.digest()
            ).update(state=self.State.OUTDATED)

    def digest(self) -> str:
        content = {"title": self.title, "description": self.description}
        return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


class CommentQuerySet(models.QuerySet):
    def shown_to(self, user, *, moderator: bool):
        """Hidden comments vanish for everyone but moderators and their author."""
        if moderator:
            return self
        if user.is_authenticated:
            return self.filter(Q(hidden=False) | Q(author=user))
        return self.filter(hidden=False)


class Comment(models.Model):
    """A contribution to the discussion of a resource: plain text, line breaks kept."""

    resource = models.ForeignKey(Resource, models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    body = models.TextField(_("comment"), max_length=5000)
    created = models.DateTimeField(default=timezone.now)
    hidden = models.BooleanField(default=False)
    hidden_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")
    hidden_at = models.DateTimeField(null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created", "id"]

    def __str__(self):
        return f"{self.resource}: {self.body[:40]}"

    def author_name(self) -> str:
        """The author's name as they gave it; never their e-mail address, which the page would show to all."""
        if self.author is None:
            return gettext("A former user")
        return self.author.get_full_name() or gettext("A member")


class Report(models.Model):
    """Someone signed in finds a comment out of place; moderators see how many did."""

    comment = models.ForeignKey(Comment, models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["comment", "reporter"], name="one_report_per_person")]

    def __str__(self):
        return f"{self.comment_id} by {self.reporter_id}"
