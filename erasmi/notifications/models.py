"""Mails that tell a person what happened to them: a registration, a meeting changed, a task, a review.

A notice is written in the same transaction as what it tells (so a change that is rolled back tells
nobody, and a change that is kept always gets its mail), then delivered by a worker. Its ``key`` names
what it is about: the same thing never makes two notices, whoever clicks twice.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    """What a person can choose to receive (each notice belongs to one topic)."""

    REGISTRATIONS = "registrations", _("My registrations: confirmed, on the waiting list, moved up")
    MEETING_CHANGES = "meeting_changes", _("Changes to meetings I am registered for, and cancellations")
    REMINDERS = "reminders", _("A reminder the day before a meeting I am registered for")
    TASKS = "tasks", _("Tasks assigned to me")
    PRACTICES = "practices", _("The review of practices (submitted, changes asked for, published)")
    DOCUMENTS = "documents", _("New documents in my working groups, as one summary a day")
    DISCUSSIONS = "discussions", _("New comments in discussions of the library I take part in")


class Preference(models.Model):
    """What one address does not want to receive. No row: everything."""

    address = models.EmailField(unique=True)
    off = models.JSONField(default=list, blank=True)
    language = models.CharField(max_length=10, blank=True)  # blank: the account's language
    updated = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.address

    @classmethod
    def wants(cls, address: str, topic: str) -> bool:
        row = cls.objects.filter(address=address.lower()).only("off").first()
        return row is None or topic not in row.off


class NoticeQuerySet(models.QuerySet):
    def due(self):
        """Not sent, not failed for good, and not being sent by a worker right now (or its claim is stale)."""
        from django.conf import settings

        stale = timezone.now() - timezone.timedelta(seconds=settings.NOTICE_CLAIM_SECONDS)
        return self.filter(sent__isnull=True, failed__isnull=True, send_after__lte=timezone.now()).filter(
            models.Q(claimed__isnull=True) | models.Q(claimed__lt=stale)
        )


class Notice(models.Model):
    topic = models.CharField(max_length=20, choices=Topic.choices)
    key = models.CharField(max_length=200, unique=True)
    address = models.EmailField()
    language = models.CharField(max_length=10)
    subject = models.CharField(max_length=250)
    body = models.TextField()
    calendar = models.TextField(blank=True)  # an .ics file sent with the mail
    calendar_method = models.CharField(max_length=10, blank=True)  # REQUEST or CANCEL
    created = models.DateTimeField(default=timezone.now)
    send_after = models.DateTimeField(default=timezone.now, db_index=True)
    claimed = models.DateTimeField(null=True, blank=True)
    sent = models.DateTimeField(null=True, blank=True)
    failed = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.CharField(max_length=300, blank=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        ordering = ["created", "pk"]
        indexes = [models.Index(fields=["sent", "send_after"], name="notice_due")]

    def __str__(self):
        return f"{self.topic}: {self.address}"
