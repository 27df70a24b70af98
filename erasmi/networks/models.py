import datetime
import os
import secrets
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from erasmi.core.models import WrittenInLanguages


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class Network(models.Model):
    """A local or regional multi-actor network; its internal data is for its members only."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # The description is written in the network's language; its versions in other languages live here.
    language = models.CharField(_("language of the description"), max_length=10, blank=True)
    description_translations = models.JSONField(default=dict, blank=True, editable=False)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=120, blank=True)
    founded = models.PositiveSmallIntegerField(_("founding year"), null=True, blank=True)
    rules_of_procedure = models.TextField(_("rules of procedure"), blank=True)
    practice = models.OneToOneField(
        "compendium.Practice",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="network",
        help_text=_("The network's own profile in the compendium."),
    )
    contact_email = models.EmailField(
        _("contact e-mail address"), blank=True, help_text=_("Shown on the network's public page.")
    )
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("networks:detail", args=[self.slug])

    def description_in(self, language: str) -> tuple[str, str]:
        """The description in the language if it has one, else as written; with the language it is in."""
        translated = (self.description_translations or {}).get(language, "").strip()
        if translated and language != self.language:
            return translated, language
        return self.description, self.language or language


class Organisation(models.Model):
    class ActorType(models.TextChoices):
        AUTHORITY = "authority", _("Authority")
        WELFARE = "welfare", _("Welfare association")
        NGO = "ngo", _("NGO")
        MIGRANT_ORGANISATION = "migrant_org", _("Migrant self-organisation")
        EDUCATION = "education", _("Education provider")
        COMPANY = "company", _("Company")
        VOLUNTEER_GROUP = "volunteer_group", _("Volunteer group")
        INDIVIDUAL = "individual", _("Individual")

    class Sector(models.TextChoices):
        STATE = "state", _("State")
        NON_STATE = "non_state", _("Non-state")

    name = models.CharField(_("name"), max_length=200)
    actor_type = models.CharField(_("actor type"), max_length=20, choices=ActorType.choices)
    sector = models.CharField(_("sector"), max_length=10, choices=Sector.choices)
    street = models.CharField(_("street"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.sector:
            self.sector = self.Sector.STATE if self.actor_type == self.ActorType.AUTHORITY else self.Sector.NON_STATE
        super().save(*args, **kwargs)


class Person(models.Model):
    """Someone who works in a network, with or without an account."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="person")
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    organisation = models.ForeignKey(
        Organisation, models.SET_NULL, null=True, blank=True, related_name="people", verbose_name=_("organisation")
    )
    feed_token = models.CharField(max_length=48, unique=True, default=new_feed_token, editable=False)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("person")

    def __str__(self):
        return f"{self.first_name} {self.last_name}".strip()

    ERASED = "—"

    @property
    def is_erased(self) -> bool:
        return self.first_name == self.ERASED

    def erase(self) -> None:
        """Remove everything that identifies the person; roles and registrations stay as anonymous counts."""
        self.first_name, self.last_name, self.email, self.phone = self.ERASED, "", "", ""
        self.user = None
        self.feed_token = new_feed_token()
        self.save()
        self.led_groups.update(lead=None)
        from erasmi.networks import versions

        versions.bump_for_people([self.pk])

    def renew_feed_token(self) -> None:
        """A new address for the personal calendar feed; the old one stops working at once."""
        self.feed_token = new_feed_token()
        self.save(update_fields=["feed_token"])

    @classmethod
    def for_user(cls, user) -> "Person":
        """The person behind an account, created on first need."""
        person = cls.objects.filter(user=user).first()
        if person is None:
            person = cls.objects.create(
                user=user,
                first_name=user.first_name or user.email.split("@")[0],
                last_name=user.last_name,
                email=user.email,
            )
        return person


class MembershipQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(joined__lte=on).filter(Q(left__isnull=True) | Q(left__gt=on))


class Membership(models.Model):
    """An organisation's membership in a network, with its cooperation agreement."""

    network = models.ForeignKey(Network, models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, models.CASCADE, related_name="memberships")
    joined = models.DateField(_("joined"), default=timezone.localdate)
    left = models.DateField(_("left"), null=True, blank=True)
    agreement_signed = models.DateField(_("cooperation agreement signed"), null=True, blank=True)
    agreement_date_unknown = models.BooleanField(
        _("agreement signed, date unknown"),
        default=False,
        help_text=_("The cooperation agreement was signed, but nobody knows when."),
    )
    agreement_document = models.ForeignKey(
        "Document", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("signed agreement (file)")
    )
    listed_publicly = models.BooleanField(
        _("shown on the network's public page"),
        default=False,
        help_text=_("Only if the organisation agreed to be listed as a member."),
    )
    # Per network: each network names its own contact among its own record of the organisation's people.
    contact = models.ForeignKey(
        "Person", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("contact person")
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("membership")
        constraints = [
            models.UniqueConstraint(fields=["network", "organisation", "joined"], name="unique_membership_period"),
            models.CheckConstraint(
                condition=Q(left__isnull=True) | Q(left__gte=models.F("joined")), name="left_after_joined"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} in {self.network}"

    def save(self, *args, **kwargs):
        if self.agreement_signed is not None:
            self.agreement_date_unknown = False  # a known date replaces "date unknown"
        super().save(*args, **kwargs)

    @property
    def is_current(self) -> bool:
        today = timezone.localdate()
        return self.joined <= today and (self.left is None or self.left > today)

    @property
    def has_agreement(self) -> bool:
        return self.agreement_signed is not None or self.agreement_date_unknown


class RoleQuerySet(models.QuerySet):
    def active(self, on: datetime.date | None = None) -> "RoleQuerySet":
        """Roles that give access on the day: the person's organisation is a current member of the network.

        The organisation is the one the network itself recorded for the person (see Role.record).
        People without an organisation (individuals) keep access by their role alone. Coordinators
        are no exception: a coordinator whose organisation left loses access with it, because they
        spoke for that organisation; a network needs another coordinator then.
        """
        on = on or timezone.localdate()
        current = Membership.objects.current(on).filter(network=OuterRef("network"))
        return self.filter(
            Q(record__isnull=True, person__organisation__isnull=True)
            | (Q(record__isnull=True) & Exists(current.filter(organisation=OuterRef("person__organisation"))))
            | Q(record__isnull=False, record__organisation__isnull=True)
            | (Q(record__isnull=False) & Exists(current.filter(organisation=OuterRef("record__organisation"))))
        )

    def with_email(self, email: str) -> "RoleQuerySet":
        """Roles of people this network knows by the address (its own record, or the account it linked)."""
        return self.filter(
            Q(record__isnull=True, person__email__iexact=email)
            | Q(record__email__iexact=email)
            | Q(person__user__email__iexact=email)
        )


class Role(models.Model):
    """A person's role in a network.

    `person` holds the role: access, registrations and the personal feed go through it.
    `record` is the network's own record of the person (what its coordinator typed) when the
    person accepted an invitation with an account of their own: the network keeps seeing what
    it typed, never what another network knows of the person. Without a record, `person` is
    the network's record.
    """

    class Kind(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        MEMBER = "member", _("Member")

    network = models.ForeignKey(Network, models.CASCADE, related_name="roles")
    person = models.ForeignKey(Person, models.CASCADE, related_name="roles")
    record = models.ForeignKey(Person, models.SET_NULL, null=True, blank=True, related_name="records")
    kind = models.CharField(_("role"), max_length=20, choices=Kind.choices, default=Kind.MEMBER)
    form_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = RoleQuerySet.as_manager()

    class Meta:
        verbose_name = _("role")
        constraints = [models.UniqueConstraint(fields=["network", "person"], name="one_role_per_network")]

    def __str__(self):
        return f"{self.entry}: {self.get_kind_display()} ({self.network})"

    @property
    def entry(self) -> Person:
        """The person as this network recorded them: what its people page shows."""
        return self.record if self.record_id else self.person


def invitation_expiry():
    return timezone.now() + datetime.timedelta(days=14)


class Invitation(models.Model):
    """An invitation to a network, sent by mail: the person is linked to an account only when they accept."""

    class State(models.TextChoices):
        PENDING = "pending", _("invited")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    network = models.ForeignKey(Network, models.CASCADE, related_name="invitations")
    person = models.ForeignKey(Person, models.CASCADE, related_name="invitations")
    email = models.EmailField()
    kind = models.CharField(max_length=20, choices=Role.Kind.choices, default=Role.Kind.MEMBER)
    token = models.CharField(max_length=64, unique=True, default=new_feed_token, editable=False)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    language = models.CharField(max_length=10, help_text="The inviter's language, for the answer.")
    created = models.DateTimeField(default=timezone.now)
    expires = models.DateTimeField(default=invitation_expiry)
    answered = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("invitation")

    def __str__(self):
        return f"{self.email} → {self.network}"

    def kind_in_sentence(self) -> str:
        """The role as a sentence names it ("invited … as a member"), lower case where the language writes it so."""
        return {
            Role.Kind.COORDINATOR: pgettext_lazy("role in a sentence: invited as …", "a coordinator"),
            Role.Kind.MEMBER: pgettext_lazy("role in a sentence: invited as …", "a member"),
        }.get(self.kind, self.get_kind_display())

    @property
    def is_open(self) -> bool:
        return self.state == self.State.PENDING and self.expires > timezone.now()

    @property
    def is_expired(self) -> bool:
        return self.state == self.State.PENDING and self.expires <= timezone.now()


class WorkingGroupQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed__isnull=True)


class JoinRequestQuerySet(models.QuerySet):
    def open(self) -> "JoinRequestQuerySet":
        return self.filter(state=JoinRequest.State.OPEN)


class JoinRequest(models.Model):
    """Someone with an account asks to join a network; a coordinator accepts or declines.

    It holds only what the person typed in the request: accepting creates the network's own
    record from it, never from what another network knows of them.
    """

    class State(models.TextChoices):
        OPEN = "open", _("open")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    network = models.ForeignKey(Network, models.CASCADE, related_name="join_requests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="join_requests")
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    organisation = models.CharField(
        _("your organisation"), max_length=200, blank=True, help_text=_("Leave empty if you take part on your own.")
    )
    message = models.TextField(_("message"), blank=True, max_length=2000)
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    created = models.DateTimeField(default=timezone.now)
    answered = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")

    objects = JoinRequestQuerySet.as_manager()

    class Meta:
        ordering = ["created", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["network", "user"], condition=Q(state="open"), name="one_open_join_request")
        ]

    def __str__(self):
        return f"{self.first_name} {self.last_name}".strip()


class WorkingGroup(WrittenInLanguages):
    """A working group of the network; its name, topic and goals are written in ``language``, with versions
    in other languages (see core.models.WrittenInLanguages)."""

    translated_fields = ("name", "topic", "goals")

    class Kind(models.TextChoices):
        PERMANENT = "permanent", _("Permanent")
        TEMPORARY = "temporary", _("Temporary")

    network = models.ForeignKey(Network, models.CASCADE, related_name="working_groups")
    slug = models.SlugField(max_length=80)
    name = models.CharField(_("name"), max_length=200)
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    goals = models.TextField(_("goals"), blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PERMANENT)
    ends = models.DateField(_("ends"), null=True, blank=True, help_text=_("For temporary groups."))
    lead = models.ForeignKey(
        Person, models.SET_NULL, null=True, blank=True, related_name="led_groups", verbose_name=_("lead")
    )
    members = models.ManyToManyField(Person, blank=True, related_name="working_groups", verbose_name=_("members"))
    # A closed group keeps its history (meetings, documents, tasks) but takes no new meetings or tasks.
    closed = models.DateField(_("closed"), null=True, blank=True, editable=False)

    objects = WorkingGroupQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("working group")
        constraints = [models.UniqueConstraint(fields=["network", "slug"], name="unique_group_slug")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("networks:group", args=[self.network.slug, self.slug])

    @property
    def is_closed(self) -> bool:
        return self.closed is not None


class PrivateStorage(FileSystemStorage):
    """Uploads of networks are internal: kept outside MEDIA_ROOT and served only through a permission check."""

    @property
    def base_location(self):
        return settings.PRIVATE_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


def private_storage():
    return PrivateStorage()


def document_path(version, filename: str) -> str:
    # Never the uploader's file name: it cannot choose where the file goes.
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"documents/{version.document.network_id}/{uuid.uuid4().hex}.{extension}"


class Document(models.Model):
    """A document in a network's archive (or a working group's, or attached to a meeting), with versions."""

    class Kind(models.TextChoices):
        AGREEMENT = "agreement", _("Cooperation agreement")
        RULES = "rules", _("Rules of procedure")
        MINUTES = "minutes", _("Minutes")
        PRESENTATION = "presentation", _("Presentation")
        REPORT = "report", _("Report")
        OTHER = "other", _("Other")

    network = models.ForeignKey(Network, models.CASCADE, related_name="documents")
    working_group = models.ForeignKey(
        WorkingGroup, models.CASCADE, null=True, blank=True, related_name="documents", verbose_name=_("working group")
    )
    event = models.ForeignKey("events.Event", models.SET_NULL, null=True, blank=True, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("document")

    def __str__(self):
        return self.title

    def latest(self) -> "DocumentVersion | None":
        versions = list(self.versions.all())  # prefetched, newest first
        return versions[0] if versions else None


class DocumentVersion(models.Model):
    document = models.ForeignKey(Document, models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    file = models.FileField(upload_to=document_path, storage=private_storage, max_length=300)
    original_name = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    uploaded = models.DateTimeField(default=timezone.now)
    note = models.TextField(_("note"), blank=True, help_text=_("What is new in this version."))

    class Meta:
        ordering = ["-number"]
        verbose_name, verbose_name_plural = _("version"), _("versions")
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="unique_document_version")]

    def __str__(self):
        return f"{self.document} v{self.number}"


class HistoryEntry(models.Model):
    """Who changed what and when in a network: members, meetings, documents. For coordinators."""

    class Action(models.TextChoices):
        CREATED = "created", _("created")
        CHANGED = "changed", _("changed")
        IMPORTED = "imported", _("imported")
        UPLOADED = "uploaded", _("uploaded")
        ERASED = "erased", _("erased")
        REMOVED = "removed", _("removed")
        INVITED = "invited", _("invited")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")
        REGISTERED = "registered", _("registered")
        CANCELLED = "cancelled", _("cancelled")
        MOVED_UP = "moved_up", _("moved up")
        DONE = "done", _("done")
        CONFIRMED = "confirmed", _("confirmed")
        CLOSED = "closed", _("closed")
        REOPENED = "reopened", _("reopened")
        DELETED = "deleted", _("deleted")

    network = models.ForeignKey(Network, models.CASCADE, related_name="history")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    action = models.CharField(max_length=10, choices=Action.choices)
    object_type = models.CharField(max_length=40, help_text="A stable key of the kind of thing (see networks.history).")
    object_id = models.CharField(max_length=40)
    object_repr = models.CharField(max_length=200)
    changes = models.JSONField(default=dict, blank=True)
    created = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name_plural = "history entries"

    def __str__(self):
        return f"{self.object_repr}: {self.action}"

    @classmethod
    def record(
        cls,
        network,
        actor,
        action: str,
        obj,
        changes: dict | None = None,
        *,
        kind: str | None = None,
        name: str | None = None,
    ) -> "HistoryEntry":
        """Note what happened as facts (a kind key, field names, raw values); networks.history words them
        in the reader's language when the history is read."""
        return cls.objects.create(
            network=network,
            actor=actor if actor is not None and actor.is_authenticated else None,
            action=action,
            object_type=kind or obj._meta.model_name,
            object_id=str(obj.pk),
            object_repr=(name if name is not None else str(obj))[:200],
            changes=changes or {},
        )


class Task(models.Model):
    """An open task of a working group, until someone marks it done."""

    working_group = models.ForeignKey(WorkingGroup, models.CASCADE, related_name="tasks")
    title = models.CharField(_("task"), max_length=200)
    assignee = models.ForeignKey(
        Person, models.SET_NULL, null=True, blank=True, related_name="tasks", verbose_name=_("who")
    )
    due = models.DateField(_("due"), null=True, blank=True)
    done = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = [models.F("due").asc(nulls_last=True), "created"]
        verbose_name = _("task")

    def __str__(self):
        return self.title


class MemberImportPreview(models.Model):
    """A checked member list waiting for the coordinator's "import now"; it can be used once.

    The confirmation deletes the row and imports only if its delete removed it, so a
    double click or parallel requests import the list once.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    network = models.ForeignKey(Network, models.CASCADE, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    created = models.DateTimeField(default=timezone.now, db_index=True)
    file_name = models.CharField(max_length=255)
    rows = models.JSONField(default=list)
    columns = models.JSONField(default=dict)

    LIFETIME = datetime.timedelta(hours=24)

    def __str__(self):
        return f"{self.file_name} ({self.network})"
