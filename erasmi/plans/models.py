"""A network's action plan per period (goals → measures → indicators) and its annual report."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from erasmi.networks.models import Network, Organisation, WorkingGroup

# A measure is at risk when its deadline is this close and less than this share of it is done.
AT_RISK_DAYS = 30
AT_RISK_PROGRESS = 50


class PlanQuerySet(models.QuerySet):
    def covering(self, day: datetime.date) -> "PlanQuerySet":
        return self.filter(starts__lte=day, ends__gte=day)


class Plan(models.Model):
    """The action plan of a network for one period (usually a year)."""

    network = models.ForeignKey(Network, models.CASCADE, related_name="plans")
    title = models.CharField(_("title"), max_length=200)
    starts = models.DateField(_("from"))
    ends = models.DateField(_("until"))
    created = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["-starts", "-pk"]
        verbose_name = _("action plan")
        constraints = [
            models.UniqueConstraint(fields=["network", "starts"], name="one_plan_per_period_start"),
            models.CheckConstraint(condition=Q(ends__gte=models.F("starts")), name="plan_ends_after_start"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("plans:plan", args=[self.network.slug, self.pk])


class Goal(models.Model):
    plan = models.ForeignKey(Plan, models.CASCADE, related_name="goals")
    title = models.CharField(_("goal"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("goal")

    def __str__(self):
        return self.title


class MeasureQuerySet(models.QuerySet):
    OPEN = ("planned", "running")

    def open(self) -> "MeasureQuerySet":
        return self.filter(status__in=self.OPEN)

    def overdue(self, today: datetime.date | None = None) -> "MeasureQuerySet":
        return self.open().filter(deadline__lt=today or timezone.localdate())

    def at_risk(self, today: datetime.date | None = None) -> "MeasureQuerySet":
        today = today or timezone.localdate()
        return self.open().filter(
            deadline__gte=today,
            deadline__lte=today + datetime.timedelta(days=AT_RISK_DAYS),
            progress__lt=AT_RISK_PROGRESS,
        )


class Measure(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    goal = models.ForeignKey(Goal, models.CASCADE, related_name="measures", verbose_name=_("goal"))
    title = models.CharField(_("measure"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    lead = models.ForeignKey(
        Organisation,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_measures",
        verbose_name=_("lead organisation"),
    )
    partners = models.ManyToManyField(
        Organisation, blank=True, related_name="partner_measures", verbose_name=_("partner organisations")
    )
    working_group = models.ForeignKey(
        WorkingGroup, models.SET_NULL, null=True, blank=True, related_name="measures", verbose_name=_("working group")
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0, validators=[MaxValueValidator(100)])
    created = models.DateTimeField(default=timezone.now)

    objects = MeasureQuerySet.as_manager()

    class Meta:
        ordering = [models.F("deadline").asc(nulls_last=True), "pk"]
        verbose_name = _("measure")
        constraints = [models.CheckConstraint(condition=Q(progress__lte=100), name="progress_at_most_100")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("plans:measure", args=[self.goal.plan.network.slug, self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in MeasureQuerySet.OPEN

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return self.is_open and self.deadline is not None and self.deadline < (today or timezone.localdate())

    def is_at_risk(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return (
            self.is_open
            and self.deadline is not None
            and today <= self.deadline <= today + datetime.timedelta(days=AT_RISK_DAYS)
            and self.progress < AT_RISK_PROGRESS
        )

    @property
    def overdue(self) -> bool:
        return self.is_overdue()

    @property
    def at_risk(self) -> bool:
        return self.is_at_risk()


class IndicatorQuerySet(models.QuerySet):
    def with_latest(self) -> "IndicatorQuerySet":
        """Each indicator with its latest value and that value's day (two subqueries, no value rows read)."""
        newest = IndicatorValue.objects.filter(indicator=OuterRef("pk")).order_by("-date", "-recorded", "-pk")
        return self.annotate(
            latest_value=Subquery(newest.values("value")[:1]), latest_date=Subquery(newest.values("date")[:1])
        )


class Indicator(models.Model):
    """A figure that shows whether a measure (or, without a measure, the plan as a whole) reaches its goal."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="indicators")
    measure = models.ForeignKey(
        Measure, models.CASCADE, null=True, blank=True, related_name="indicators", verbose_name=_("measure")
    )
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=40, blank=True, help_text=_("For example: people, courses, %."))
    baseline = models.DecimalField(_("baseline"), max_digits=12, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2, null=True, blank=True)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("indicator")

    def __str__(self):
        return self.name

    def latest(self) -> "IndicatorValue | None":
        """The latest recorded value: annotated (with_latest), else from the prefetched values, newest first."""
        if hasattr(self, "latest_date"):
            if self.latest_date is None:
                return None
            return IndicatorValue(indicator=self, value=self.latest_value, date=self.latest_date)
        values = list(self.values.all())
        return values[0] if values else None

    @property
    def actual(self) -> Decimal | None:
        latest = self.latest()
        return latest.value if latest else None


class IndicatorValue(models.Model):
    """An actual value of an indicator, as measured on a day; who recorded it and when is kept."""

    indicator = models.ForeignKey(Indicator, models.CASCADE, related_name="values")
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    date = models.DateField(_("measured on"), default=timezone.localdate)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("recorded by")
    )
    recorded = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        ordering = ["-date", "-recorded", "-pk"]
        verbose_name = _("indicator value")

    def __str__(self):
        return f"{self.indicator}: {self.value}"


class AnnualReport(models.Model):
    """A network's report on a year: the figures come from its data; the coordinator adds the narrative
    of each section and next year's target figures."""

    network = models.ForeignKey(Network, models.CASCADE, related_name="annual_reports")
    year = models.PositiveSmallIntegerField(_("year"))
    narratives = models.JSONField(default=dict, blank=True, help_text="Section key -> plain text.")

    class Meta:
        ordering = ["-year"]
        verbose_name = _("annual report")
        constraints = [models.UniqueConstraint(fields=["network", "year"], name="one_report_per_year")]

    def __str__(self):
        return f"{self.network} {self.year}"


class Target(models.Model):
    """A target figure for the next year; carried into next year's plan as an indicator."""

    report = models.ForeignKey(AnnualReport, models.CASCADE, related_name="targets")
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=12, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)
    indicator = models.OneToOneField(
        Indicator, models.SET_NULL, null=True, blank=True, related_name="from_target", editable=False
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("target figure")

    def __str__(self):
        return self.name
