"""The info mail: subscribers of a network, news items, mailings (one version per language) and deliveries."""

import uuid

from django.conf import settings
from django.core import signing
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from erasmi.networks.models import Network, Person

TOKEN_SALT = "mailings.subscriber"


def new_message_id() -> str:
    """Stable per delivery: a resent message (after a crash) carries the same Message-ID."""
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(" >") or "erasmi.invalid"
    return f"<{uuid.uuid4().hex}@{domain}>"


class MailEditor(models.Model):
    """Someone a coordinator allowed to write news and compose mails for the network."""

    network = models.ForeignKey(Network, models.CASCADE, related_name="mail_editors")
    person = models.ForeignKey(Person, models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["network", "person"], name="one_mail_editor_entry")]

    def __str__(self):
        return f"{self.person} ({self.network})"


class TranslationState(models.TextChoices):
    """As for the compendium's practices: the original, versions translated from it, and those now behind."""

    ORIGINAL = "original", _("Original")
    TRANSLATED = "translated", _("Translated")
    OUTDATED = "outdated", _("Outdated: the original has changed since")


class SubscriberQuerySet(models.QuerySet):
    def receiving(self, kind: str) -> "SubscriberQuerySet":
        field = "wants_digest" if kind == Mailing.Kind.DIGEST else "wants_info"
        return self.filter(state=Subscriber.State.CONFIRMED, paused=False, **{field: True})


class Subscriber(models.Model):
    """An address that receives a network's mails: a member who said yes, or a visitor after double opt-in."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    network = models.ForeignKey(Network, models.CASCADE, related_name="subscribers")
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=10)
    person = models.ForeignKey(Person, models.SET_NULL, null=True, blank=True, related_name="subscriptions")
    state = models.CharField(max_length=12, choices=State.choices, default=State.PENDING)
    wants_info = models.BooleanField(_("the info mail"), default=True)
    wants_digest = models.BooleanField(_("the calendar of meetings (every two months)"), default=True)
    created = models.DateTimeField(default=timezone.now)
    confirmed = models.DateTimeField(null=True, blank=True)
    # Permanent failures (5xx) in a row; at FAILURES_TO_PAUSE the address gets no more mail until it is changed.
    failures = models.PositiveSmallIntegerField(default=0)
    paused = models.BooleanField(default=False)
    last_error = models.CharField(max_length=300, blank=True)

    FAILURES_TO_PAUSE = 3

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        constraints = [models.UniqueConstraint(fields=["network", "email"], name="one_subscription_per_address")]

    def __str__(self):
        return f"{self.email} ({self.network})"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    @property
    def token(self) -> str:
        """For the links in every mail: preferences and unsubscribe without signing in."""
        return signing.dumps(self.pk, salt=TOKEN_SALT, compress=True)

    @classmethod
    def from_token(cls, token: str) -> "Subscriber | None":
        try:
            pk = signing.loads(token, salt=TOKEN_SALT)
        except signing.BadSignature:
            return None
        return cls.objects.select_related("network").filter(pk=pk).first()


class NewsItem(models.Model):
    """A piece of news a coordinator (or someone they allowed) wrote for the info mail."""

    network = models.ForeignKey(Network, models.CASCADE, related_name="news")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("news item")

    def __str__(self):
        version = self.versions.first()
        return version.title if version else f"#{self.pk}"

    def version(self, language: str) -> "NewsVersion | None":
        versions = {v.language: v for v in self.versions.all()}
        return versions.get(language) or next((v for v in versions.values() if v.state == "original"), None)


class NewsVersion(models.Model):
    item = models.ForeignKey(NewsItem, models.CASCADE, related_name="versions")
    language = models.CharField(_("language"), max_length=10)
    state = models.CharField(max_length=12, choices=TranslationState.choices, default=TranslationState.ORIGINAL)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "language"], name="one_news_version_per_language")]

    def __str__(self):
        return f"{self.title} [{self.language}]"


class Mailing(models.Model):
    """An info mail or a calendar digest: composed, maybe scheduled, sent once to its recipients."""

    class Kind(models.TextChoices):
        INFO = "info", _("Info mail")
        DIGEST = "digest", _("Calendar of meetings")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public: in the archive for everyone")
        MEMBERS = "members", _("Members only")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")

    network = models.ForeignKey(Network, models.CASCADE, related_name="mailings")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.INFO)
    visibility = models.CharField(
        _("who may read it in the archive"), max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    news = models.ManyToManyField(NewsItem, blank=True, related_name="mailings", verbose_name=_("news"))
    with_meetings = models.BooleanField(_("with the upcoming meetings"), default=True)
    # Segments, e.g. ["all"], ["group:3", "actor:ngo", "role:coordinator", "language:tr", "subscribers"].
    segments = models.JSONField(default=list)
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    scheduled_for = models.DateTimeField(_("send at"), null=True, blank=True)
    sent = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    created = models.DateTimeField(default=timezone.now)
    # The meetings as they were when the mail was sent: the archive shows what the recipients read.
    meetings = models.JSONField(default=list, blank=True, editable=False)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("mailing")

    def __str__(self):
        version = self.versions.first()
        return version.subject if version else f"{self.get_kind_display()} #{self.pk}"

    MEMBER_SEGMENTS = ("members", "group:", "role:", "actor:")

    def for_members_only(self) -> bool:
        """A members' mail that reaches only the network's people: only then does it tell internal meetings.

        "all" and "language:…" reach visitors' addresses too, which must not learn of members-only meetings.
        """
        chosen = self.segments or ["all"]
        return self.visibility == self.Visibility.MEMBERS and all(
            segment.startswith(self.MEMBER_SEGMENTS) for segment in chosen
        )

    def version(self, language: str) -> "MailingVersion | None":
        versions = {v.language: v for v in self.versions.all()}
        return versions.get(language) or next((v for v in versions.values() if v.state == "original"), None)


class MailingVersion(models.Model):
    mailing = models.ForeignKey(Mailing, models.CASCADE, related_name="versions")
    language = models.CharField(_("language"), max_length=10)
    state = models.CharField(max_length=12, choices=TranslationState.choices, default=TranslationState.ORIGINAL)
    subject = models.CharField(_("subject"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["mailing", "language"], name="one_mailing_version_per_language")]

    def __str__(self):
        return f"{self.subject} [{self.language}]"


class Delivery(models.Model):
    """One recipient of one mailing: claimed by one sender at a time, marked sent once (see sending.py)."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting")
        CLAIMED = "claimed", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Not sent (unsubscribed or paused)")

    mailing = models.ForeignKey(Mailing, models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, models.SET_NULL, null=True, related_name="deliveries")
    email = models.EmailField()
    language = models.CharField(max_length=10)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    claim = models.UUIDField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    message_id = models.CharField(max_length=200, unique=True, default=new_message_id, editable=False)

    class Meta:
        verbose_name = _("delivery")
        constraints = [models.UniqueConstraint(fields=["mailing", "email"], name="one_delivery_per_address")]
        indexes = [models.Index(fields=["mailing", "state"])]

    def __str__(self):
        return f"{self.email}: {self.state}"
