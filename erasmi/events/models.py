from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from erasmi.core.models import WrittenInLanguages
from erasmi.networks.models import Network, Person, WorkingGroup


class EventQuerySet(models.QuerySet):
    def visible_to(self, user, network):
        from erasmi.core import permissions

        if permissions.can(user, "network.view_internal", network):
            return self.filter(network=network)
        return self.filter(network=network, visibility=Event.Visibility.PUBLIC)

    def upcoming(self):
        return self.filter(ends__gte=timezone.now())


class Event(WrittenInLanguages):
    """A meeting or event of a network or one of its working groups. Its title, description and agenda are
    written in ``language``, with versions in other languages (see core.models.WrittenInLanguages)."""

    translated_fields = ("title", "description", "agenda")

    class Kind(models.TextChoices):
        NETWORK_MEETING = "network_meeting", _("Network meeting")
        GROUP_MEETING = "group_meeting", _("Working-group meeting")
        TRAINING = "training", _("Training")
        CONFERENCE = "conference", _("Conference")
        OTHER = "other", _("Other event")

    class Format(models.TextChoices):
        PANEL = "panel", _("Panel")
        TALK = "talk", _("Talk")
        DISCUSSION = "discussion", _("Discussion round")
        NETWORK_CAFE = "network_cafe", _("Network café with info tables")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")

    network = models.ForeignKey(Network, models.CASCADE, related_name="events")
    working_group = models.ForeignKey(
        WorkingGroup, models.CASCADE, null=True, blank=True, related_name="events", verbose_name=_("working group")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NETWORK_MEETING)
    formats = models.JSONField(_("formats"), default=list, blank=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    starts = models.DateTimeField(_("starts"), db_index=True)
    ends = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    visibility = models.CharField(
        _("visible to"), max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True, help_text=_("Empty: no limit."))
    minutes = models.TextField(_("minutes"), blank=True)
    decisions = models.TextField(_("decisions"), blank=True)
    # Set only by services.cancel_event (one conditional UPDATE), never by a form.
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED, editable=False)
    cancelled = models.DateTimeField(null=True, blank=True, editable=False)
    # iCalendar SEQUENCE: raised when the time or place changes or the meeting is cancelled, so that
    # calendar programs apply the update mailed to registrants instead of ignoring it as old.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")
    created = models.DateTimeField(default=timezone.now)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts", "pk"]
        verbose_name = _("meeting")
        indexes = [
            models.Index(fields=["network", "starts"]),
            models.Index(fields=["working_group", "starts"]),
            # "Next meetings" (ends >= now) read the few ahead, not the years behind.
            models.Index(fields=["network", "ends"]),
            models.Index(fields=["working_group", "ends"]),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends__gte=models.F("starts")), name="event_ends_after_start")
        ]

    def __str__(self):
        return self.title

    # Description, agenda, minutes and decisions are plain text: typed and shown with their line
    # breaks, escaped on the page (older HTML was turned into text by migration 0004).

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.network.slug, self.pk])

    def formats_display(self) -> list[str]:
        """The formats by their names in the reader's language."""
        labels = dict(self.Format.choices)
        return [str(labels[code]) for code in self.formats if code in labels]

    @property
    def is_past(self) -> bool:
        return self.ends < timezone.now()

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Registered")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, models.CASCADE, related_name="registrations")
    person = models.ForeignKey(Person, models.CASCADE, related_name="registrations")
    status = models.CharField(max_length=10, choices=Status.choices)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    created = models.DateTimeField(default=timezone.now)
    # The time of the latest registration: the waiting list is in this order, so cancelling and
    # registering again puts a person at the end, not back at their first place.
    registered = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["registered", "pk"]
        verbose_name = _("registration")
        constraints = [models.UniqueConstraint(fields=["event", "person"], name="one_registration_per_person")]

    def __str__(self):
        return f"{self.person} – {self.event} ({self.status})"


def events_changed(sender, instance, **kwargs) -> None:
    """Signal receiver: the network's calendar feeds must be generated anew."""
    from erasmi.core.models import ContentVersion

    ContentVersion.bump(f"events:{instance.network_id}")


def network_changed(sender, instance, **kwargs) -> None:
    """Signal receiver: the calendar page and feeds show the network's name too."""
    from erasmi.core.models import ContentVersion

    ContentVersion.bump(f"events:{instance.pk}")
