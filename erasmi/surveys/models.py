"""Surveys of a network and the ERASMI self-assessment.

Anonymity is kept by the data model itself: an anonymous survey's answers (Response, Answer) carry no
person, no organisation, no time finer than the day and no sequential id (random UUIDs, no ordering by
anything that follows submission order). That a person has answered is kept apart (Participation, with
the day only), so a person answers once without their answers being findable.
"""

import hashlib
import json
import secrets
import uuid

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from erasmi.networks.models import Network, Organisation, Person, WorkingGroup

MIN_GROUP = 5  # breakdowns of anonymous answers only for groups at least this large


def new_token() -> str:
    return secrets.token_urlsafe(24)


class SurveyQuerySet(models.QuerySet):
    def open(self, on=None):
        on = on or timezone.localdate()
        return self.filter(opens__lte=on, closes__gte=on)

    def self_assessments(self):
        return self.filter(kind=Survey.Kind.SELF_ASSESSMENT)


class Survey(models.Model):
    class Kind(models.TextChoices):
        CUSTOM = "custom", _("Survey")
        SELF_ASSESSMENT = "self_assessment", _("ERASMI self-assessment")

    class Audience(models.TextChoices):
        MEMBERS = "members", _("All members of the network")
        GROUP = "group", _("A working group")
        PUBLIC = "public", _("Anyone with the link")

    network = models.ForeignKey(Network, models.CASCADE, related_name="surveys")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.CUSTOM)
    year = models.PositiveIntegerField(null=True, blank=True)
    source_language = models.CharField(_("language of the original"), max_length=10)
    anonymous = models.BooleanField(
        _("anonymous"), default=True, help_text=_("Nobody, coordinators included, can see who gave which answer.")
    )
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices, default=Audience.MEMBERS)
    working_group = models.ForeignKey(
        WorkingGroup, models.SET_NULL, null=True, blank=True, related_name="surveys", verbose_name=_("working group")
    )
    token = models.CharField(max_length=48, unique=True, default=new_token, editable=False)
    opens = models.DateField(_("opens on"))
    closes = models.DateField(_("closes on"))
    previous = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="next_waves", verbose_name=_("previous wave")
    )
    wave = models.PositiveSmallIntegerField(default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["-opens", "-pk"]
        verbose_name = _("survey")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "year"],
                condition=models.Q(kind="self_assessment"),
                name="one_self_assessment_per_network_and_year",
            )
        ]

    def __str__(self):
        return self.title()

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("surveys:detail", args=[self.network.slug, self.pk])

    def translation(self, language: str | None = None) -> "SurveyTranslation | None":
        """The version in the language, else the original (uses prefetched translations when there are)."""
        from erasmi.core import languages

        language = language or languages.current()
        found = {t.language: t for t in self.translations.all()}
        return found.get(language) or found.get(self.source_language) or next(iter(found.values()), None)

    def title(self, language: str | None = None) -> str:
        version = self.translation(language)
        return version.title if version else ""

    def is_open(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.opens <= on <= self.closes

    @property
    def is_public(self) -> bool:
        return self.audience == self.Audience.PUBLIC


class SurveyTranslation(models.Model):
    """One language version of a survey (title, introduction and every question's wording), with its state."""

    class State(models.TextChoices):
        ORIGINAL = "original", _("Original")
        TRANSLATED = "translated", _("Translated")
        OUTDATED = "outdated", _("Outdated: the original has changed since")

    survey = models.ForeignKey(Survey, models.CASCADE, related_name="translations")
    language = models.CharField(max_length=10)
    state = models.CharField(max_length=12, choices=State.choices, default=State.ORIGINAL)
    source_digest = models.CharField(max_length=64, blank=True)
    title = models.CharField(_("title"), max_length=300)
    intro = models.TextField(_("introduction"), blank=True)
    # {question id: {"text": "...", "choices": ["...", ...]}}
    questions = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "language"], name="unique_survey_language")]
        ordering = ["survey_id", "language"]

    def __str__(self):
        return f"{self.title} [{self.language}]"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.state == self.State.ORIGINAL:
            # Versions translated from an earlier original are now behind.
            self.survey.translations.exclude(pk=self.pk).filter(state=self.State.TRANSLATED).exclude(
                source_digest=self.digest()
            ).update(state=self.State.OUTDATED)

    def digest(self) -> str:
        content = {"title": self.title, "intro": self.intro, "questions": self.questions}
        return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()

    def mark_translated_from(self, original: "SurveyTranslation") -> None:
        self.state = self.State.TRANSLATED
        self.source_digest = original.digest()

    def wording(self, question) -> dict:
        return self.questions.get(str(question.pk)) or {}


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        SCALE = "scale", _("Five-point scale")
        NUMBER = "number", pgettext_lazy("kind of question", "Number")
        DATE = "date", _("Date")
        TEXT = "text", _("Free text")
        COOPERATION = "cooperation", _("With which member organisations do you cooperate?")

    CHOICE_KINDS = (Kind.SINGLE, Kind.MULTIPLE)

    survey = models.ForeignKey(Survey, models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField(default=0)
    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices, default=Kind.SCALE)
    required = models.BooleanField(_("required"), default=True)
    key = models.SlugField(max_length=40, blank=True, help_text="Success factor of the self-assessment.")

    class Meta:
        ordering = ["survey_id", "position", "pk"]

    def __str__(self):
        return f"{self.survey_id}/{self.position}"


class Participation(models.Model):
    """That a person has answered a survey (not what): once per person, the day only."""

    survey = models.ForeignKey(Survey, models.CASCADE, related_name="participations")
    person = models.ForeignKey(Person, models.CASCADE, related_name="survey_participations")
    date = models.DateField(default=timezone.localdate)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "person"], name="answer_a_survey_once")]

    def __str__(self):
        return f"{self.person_id} answered {self.survey_id}"


class Response(models.Model):
    """One person's answers to a survey. Anonymous: no person, organisation, day or language; a random id.

    The actor type and sector of the answering organisation are kept (for breakdowns shown only for groups
    of at least MIN_GROUP); the person and organisation only in named surveys.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, models.CASCADE, related_name="responses")
    # Named surveys only: in an anonymous one even the day or the language could single out a person
    # (the only one who answered that day, or in Turkish).
    date = models.DateField(null=True, blank=True)
    language = models.CharField(max_length=10, blank=True)
    actor_type = models.CharField(max_length=20, choices=Organisation.ActorType.choices, blank=True)
    sector = models.CharField(max_length=10, choices=Organisation.Sector.choices, blank=True)
    person = models.ForeignKey(Person, models.SET_NULL, null=True, blank=True, related_name="+")
    organisation = models.ForeignKey(Organisation, models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["id"]  # random: never the order of submission

    def __str__(self):
        return str(self.id)


class Answer(models.Model):
    """One answer to one question (a multiple choice: one row per chosen option)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(Response, models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, models.CASCADE, related_name="answers")
    value = models.SmallIntegerField(null=True, blank=True)  # the option's index, or the scale's 1-5
    number = models.DecimalField(max_digits=14, decimal_places=3, null=True, blank=True)
    date = models.DateField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        # Free texts listed alphabetically; numbers and dates summed up from the index alone.
        indexes = [models.Index(fields=["question", "text"]), models.Index(fields=["question", "number", "date"])]

    def __str__(self):
        return str(self.id)


class Tally(models.Model):
    """Answers counted as they come in, so that results are read, not counted, however many there are.

    Per question and group ("" all answers; "state", "non_state", "migrant_org" the answering
    organisation's): how often each value was given (an option's index, a scale value, a partner
    organisation's id), and under ANSWERED how many responses answered the question at all. Counts
    only: no time, no order, no person.
    """

    ANSWERED = -1
    ALL = ""

    question = models.ForeignKey(Question, models.CASCADE, related_name="tallies")
    group = models.CharField(max_length=12, blank=True)
    value = models.BigIntegerField(default=ANSWERED)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["question", "group", "value"], name="one_tally_per_value")]

    def __str__(self):
        return f"{self.question_id}/{self.group}/{self.value}: {self.count}"

    @classmethod
    def add(cls, question_id: int, group: str, value: int, n: int = 1) -> None:
        """Count n more (inside the answer's transaction; two answers at once both count)."""
        rows = cls.objects.filter(question_id=question_id, group=group, value=value)
        if rows.update(count=models.F("count") + n):
            return
        try:
            with transaction.atomic():
                cls.objects.create(question_id=question_id, group=group, value=value, count=n)
        except IntegrityError:  # created meanwhile by another answer
            rows.update(count=models.F("count") + n)

    @classmethod
    def rebuild(cls, survey) -> None:
        """Count a survey's answers anew from the answer rows (after a bulk import, or a repair)."""
        from django.db.models import Count, Q

        cls.objects.filter(question__survey=survey).delete()
        answers = Answer.objects.filter(question__survey=survey)
        groups = [
            (cls.ALL, Q()),
            ("state", Q(response__sector=Organisation.Sector.STATE)),
            ("non_state", Q(response__sector=Organisation.Sector.NON_STATE)),
            ("migrant_org", Q(response__actor_type=Organisation.ActorType.MIGRANT_ORGANISATION)),
        ]
        rows = []
        for group, condition in groups:
            chosen = answers.filter(condition)
            answered = chosen.values_list("question_id").annotate(n=Count("response_id", distinct=True)).order_by()
            rows += [cls(question_id=q, group=group, value=cls.ANSWERED, count=n) for q, n in answered]
            values = chosen.filter(value__isnull=False).values_list("question_id", "value").annotate(n=Count("id"))
            rows += [cls(question_id=q, group=group, value=v, count=n) for q, v, n in values.order_by()]
            partners = chosen.filter(question__kind=Question.Kind.COOPERATION).values_list("question_id", "text")
            partners = partners.annotate(n=Count("id")).order_by()
            rows += [cls(question_id=q, group=group, value=int(t), count=n) for q, t, n in partners]
        cls.objects.bulk_create(rows, batch_size=1000)


class CooperationQuerySet(models.QuerySet):
    def for_network(self, network):
        """Who says they cooperate with whom in the network: (organisation id, partner id, date) rows."""
        return self.filter(survey__network=network).values_list("organisation_id", "partner_id", "date")


class Cooperation(models.Model):
    """An answer to "with which member organisations do you cooperate?" in a named survey."""

    survey = models.ForeignKey(Survey, models.CASCADE, related_name="cooperations")
    question = models.ForeignKey(Question, models.CASCADE, related_name="cooperations")
    organisation = models.ForeignKey(Organisation, models.CASCADE, related_name="cooperations_declared")
    partner = models.ForeignKey(Organisation, models.CASCADE, related_name="cooperations_named")
    date = models.DateField(default=timezone.localdate)

    objects = CooperationQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "organisation", "partner"], name="one_cooperation_per_answer")
        ]

    def __str__(self):
        return f"{self.organisation_id} → {self.partner_id}"
