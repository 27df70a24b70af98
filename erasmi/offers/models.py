import datetime

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from erasmi.core import languages
from erasmi.core.models import ContentVersion, NamedInLanguages
from erasmi.networks.models import Network, Organisation

CONFIRMATION_PERIOD = datetime.timedelta(days=183)  # "not confirmed for six months"


class Category(NamedInLanguages):
    """A shared, translatable taxonomy of offers; a category may refine another (language course -> A1)."""

    slug = models.SlugField(max_length=80, unique=True)
    parent = models.ForeignKey("self", models.CASCADE, null=True, blank=True, related_name="children")

    class Meta:
        ordering = ["slug"]
        verbose_name_plural = "categories"

    def root(self) -> "Category":
        return self.parent.root() if self.parent_id else self


class TargetGroup(NamedInLanguages):
    slug = models.SlugField(max_length=80, unique=True)

    class Meta:
        ordering = ["slug"]


class Area(models.Model):
    """A district of a network, for the gap analysis: the offers whose postcode is in its list.

    An area without postcodes may instead be a bounding box on the map (south, west, north, east).
    """

    network = models.ForeignKey(Network, models.CASCADE, related_name="areas")
    name = models.CharField(_("name"), max_length=120)
    postcodes = models.JSONField(_("postcodes"), default=list, blank=True)
    south = models.FloatField(null=True, blank=True)
    west = models.FloatField(null=True, blank=True)
    north = models.FloatField(null=True, blank=True)
    east = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name, verbose_name_plural = _("district"), _("districts")
        constraints = [models.UniqueConstraint(fields=["network", "name"], name="unique_area_name")]

    def __str__(self):
        return self.name

    def contains(self, lat: float | None, lon: float | None) -> bool:
        if None in (lat, lon, self.south, self.west, self.north, self.east):
            return False
        return self.south <= lat <= self.north and self.west <= lon <= self.east

    def covers(self, postcode: str, lat: float | None, lon: float | None) -> bool:
        """Whether an offer at this postcode and place lies in the district."""
        if self.postcodes:
            return normal_postcode(postcode) in self.postcodes
        return self.contains(lat, lon)


def normal_postcode(postcode: str) -> str:
    return "".join(str(postcode or "").split()).upper()


class Place(models.Model):
    """A postcode and town with its coordinates, for "near" searches.

    Loaded per country from the gazetteer (offers/gazetteer.py, `manage.py load_places`); a row
    without a country was entered by the platform admin and is kept when a country is reloaded.
    """

    postcode = models.CharField(max_length=20, db_index=True)
    name = models.CharField(max_length=120, db_index=True)
    latitude = models.FloatField()
    longitude = models.FloatField()
    country = models.CharField(max_length=2, blank=True, db_index=True)
    region = models.CharField(max_length=120, blank=True)
    key = models.CharField(max_length=120, blank=True, db_index=True, editable=False)

    class Meta:
        ordering = ["postcode"]

    def __str__(self):
        return f"{self.postcode} {self.name}"

    def save(self, *args, **kwargs):
        from erasmi.offers.gazetteer import fold

        self.key = fold(self.name)[:120]
        super().save(*args, **kwargs)


OFFERED_LANGUAGES = "offers:languages"
VERSION_KEY = "offers"  # the content version of everything the public offer pages show


def changed(**kwargs) -> None:
    """Signal receiver: an offer, or something the offer pages show with it, changed."""
    ContentVersion.bump(VERSION_KEY)


def search_text_of(
    titles: dict, descriptions: dict, city: str, postcode: str, address: str, categories, spoken=()
) -> str:
    """What the text search looks in: titles and descriptions in every language, the place, the
    category's names in every language (a search for "Sprachkurs" finds the language courses), and the
    names of the offer's languages in every interface language ("Arabisch", "Arapça")."""
    names = [languages.world_name_in(code, language) for code in spoken for language in languages.codes()]
    parts = [*titles.values(), *descriptions.values(), city, postcode, address, *categories, *names]
    return " ".join(part for part in parts if part).casefold()


def offered_languages() -> list[str]:
    """The codes of every language some offer is given in (for the search filter); cached until an offer changes."""
    codes = cache.get(OFFERED_LANGUAGES)
    if codes is None:
        codes = sorted(_distinct_languages())
        cache.set(OFFERED_LANGUAGES, codes, 3600)
    return codes


def _distinct_languages() -> set[str]:
    """Every code in any offer's list, unnested by the database: no list of half a million offers in Python."""
    from django.db import connection

    table = connection.ops.quote_name(Offer._meta.db_table)
    if connection.vendor == "postgresql":
        sql = (
            f"SELECT DISTINCT jsonb_array_elements_text(languages) FROM {table} WHERE jsonb_typeof(languages) = 'array'"
        )
    elif connection.vendor == "sqlite":
        sql = f"SELECT DISTINCT value FROM {table}, json_each({table}.languages) WHERE json_type(languages) = 'array'"
    else:
        return {code for spoken in Offer.objects.values_list("languages", flat=True) for code in spoken or []}
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return {code for (code,) in cursor.fetchall() if code}


class OfferQuerySet(models.QuerySet):
    def of_current_members(self, network):
        """The network's offers whose organisation is a member today (a former member's are no longer planned with)."""
        from erasmi.networks.models import Membership

        current = Membership.objects.current().filter(network=network).values("organisation")
        return self.filter(network=network, organisation__in=current)

    def editable_by(self, user):
        """Offers the user may change: their organisation's, and all of the networks they coordinate."""
        from erasmi.networks.models import Role

        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        coordinated = Role.objects.active().filter(person__user=user, kind=Role.Kind.COORDINATOR).values("network")
        return self.filter(models.Q(organisation__people__user=user) | models.Q(network__in=coordinated)).distinct()


def memberships_adding_for(user):
    """The current memberships the user may add offers for: their own organisation's, and every
    current member's of the networks they coordinate (a coordinator may belong to no organisation)."""
    from erasmi.networks.models import Membership, Role

    if not user.is_authenticated:
        return Membership.objects.none()
    coordinated = Role.objects.active().filter(person__user=user, kind=Role.Kind.COORDINATOR).values("network")
    own = models.Q(organisation__people__user=user)
    return (
        Membership.objects.current()
        .filter(own | models.Q(network__in=coordinated))
        .select_related("network", "organisation")
        .order_by("network__name", "organisation__name", "pk")
        .distinct()
    )


def can_add_offer(user) -> bool:
    return memberships_adding_for(user).exists()


class Offer(models.Model):
    """An offer of a member organisation: course, counselling, mentoring, ..."""

    organisation = models.ForeignKey(Organisation, models.CASCADE, related_name="offers")
    network = models.ForeignKey(Network, models.SET_NULL, null=True, blank=True, related_name="offers")
    titles = models.JSONField(_("title"), default=dict, help_text="Title per language code.")
    descriptions = models.JSONField(_("description"), default=dict, blank=True)
    category = models.ForeignKey(Category, models.PROTECT, related_name="offers", verbose_name=_("category"))
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="offers", verbose_name=_("target groups")
    )
    languages = models.JSONField(_("languages of the offer"), default=list, blank=True)
    online = models.BooleanField(_("online"), default=False)
    address = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    latitude = models.FloatField(
        _("latitude"), null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        _("longitude"), null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    schedule = models.JSONField(
        _("weekly schedule"), default=list, blank=True, help_text='[{"weekday": 0, "start": "09:00", "end": "12:00"}]'
    )
    starts = models.DateField(_("from"), null=True, blank=True)
    ends = models.DateField(_("until"), null=True, blank=True)
    cost = models.CharField(_("cost"), max_length=120, blank=True)
    accessibility = models.CharField(_("accessibility"), max_length=300, blank=True)
    registration_needed = models.BooleanField(_("registration needed"), default=False)
    contact = models.CharField(_("contact"), max_length=300, blank=True)
    confirmed = models.DateField(_("last confirmed"), default=timezone.localdate)
    reminded = models.DateField(null=True, blank=True, editable=False)
    # Derived on save, for searching and sorting in the database.
    search_text = models.TextField(blank=True, editable=False)
    sort_title = models.CharField(max_length=200, blank=True, editable=False, db_index=True)
    weekdays = models.CharField(max_length=13, blank=True, editable=False)

    objects = OfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("offer")
        indexes = [models.Index(fields=["latitude", "longitude"]), models.Index(fields=["category"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True) | models.Q(latitude__gte=-90, latitude__lte=90),
                name="offer_latitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True) | models.Q(longitude__gte=-180, longitude__lte=180),
                name="offer_longitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(ends__isnull=True)
                | models.Q(starts__isnull=True)
                | models.Q(ends__gte=models.F("starts")),
                name="offer_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.title()

    def save(self, *args, **kwargs):
        category = self.category
        names = [*category.names.values(), *(category.parent.names.values() if category.parent_id else [])]
        self.search_text = search_text_of(
            self.titles, self.descriptions, self.city, self.postcode, self.address, names, self.languages
        )
        self.sort_title = next(iter(self.titles.values()), "").casefold()[:200]
        self.weekdays = " ".join(sorted({str(int(slot["weekday"])) for slot in self.schedule if "weekday" in slot}))
        super().save(*args, **kwargs)
        known = cache.get(OFFERED_LANGUAGES)
        if known is None or not set(self.languages or []) <= set(known):
            # A language no offer had: the list is read anew (with half a million offers that is half a second,
            # so an offer in known languages keeps it; one that is no longer offered leaves within the hour).
            cache.delete(OFFERED_LANGUAGES)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("offers:detail", args=[self.pk])

    def title(self, language: str | None = None) -> str:
        return title_in(self.titles, language or languages.current())

    def description(self, language: str | None = None) -> str:
        return description_in(self.titles, self.descriptions, language or languages.current())

    def clean(self):
        errors = {}
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Give both coordinates or none.")
        if self.starts and self.ends and self.ends < self.starts:
            errors["ends"] = _("The end is before the start.")
        for slot in self.schedule:
            try:
                start, end = parse_slot(slot)
            except (KeyError, TypeError, ValueError):
                errors["schedule"] = _("Each time needs a weekday (0–6) and a start and end such as 09:00.")
                break
            if end <= start:
                errors["schedule"] = _("A time slot ends before it starts.")
                break
        if errors:
            raise ValidationError(errors)

    def confirm(self) -> None:
        """The owner says the information is current (nothing else changes)."""
        self.confirmed = timezone.localdate()
        Offer.objects.filter(pk=self.pk).update(confirmed=self.confirmed)
        changed()  # "possibly out of date" goes away

    @property
    def possibly_outdated(self) -> bool:
        return timezone.localdate() - self.confirmed > CONFIRMATION_PERIOD

    def hours_per_week(self) -> float:
        return sum((end - start) / 60 for start, end in (parse_slot(slot) for slot in self.schedule))


def title_in(titles: dict, language: str) -> str:
    """The title in the language, else the first one given."""
    return titles.get(language) or next(iter(titles.values()), "")


def description_in(titles: dict, descriptions: dict, language: str) -> str:
    """The description in the language, else in the language of the title shown, else in any."""
    if text := descriptions.get(language):
        return text
    shown = next((code for code, title in titles.items() if title == title_in(titles, language)), None)
    return descriptions.get(shown) or next((text for text in descriptions.values() if text), "")


def parse_slot(slot: dict) -> tuple[int, int]:
    """A weekly slot as minutes since Monday 00:00: (start, end)."""
    weekday = int(slot["weekday"])
    if not 0 <= weekday <= 6:
        raise ValueError("weekday")
    start_h, start_m = (int(part) for part in slot["start"].split(":"))
    end_h, end_m = (int(part) for part in slot["end"].split(":"))
    base = weekday * 24 * 60
    return base + start_h * 60 + start_m, base + end_h * 60 + end_m
