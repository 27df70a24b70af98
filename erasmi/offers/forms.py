import re

from django import forms
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from erasmi.core import languages
from erasmi.core.forms import EditForm
from erasmi.core.once import OnceMixin
from erasmi.offers.models import Area, Category, Offer, TargetGroup, normal_postcode

SLOTS = 4


def _known_place(postcode: str | None, city: str | None):
    """The coordinates of a postcode (or else a town) the gazetteer knows, if they are unambiguous."""
    from erasmi.offers import gazetteer

    for text in (f"{postcode or ''} {city or ''}", city or ""):
        if text.strip() and (found := gazetteer.find(text)).town:
            return found.town
    return None


def _in_language(texts: dict, language: str, text: str) -> dict:
    """The texts per language with this language's text set (or removed when it is empty)."""
    texts = {code: value for code, value in texts.items() if code != language}
    return {**texts, language: text} if text else texts


class OfferForm(OnceMixin, EditForm, forms.ModelForm):
    """An offer, its title and description in the language of the page, and up to four weekly times."""

    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    spoken = forms.MultipleChoiceField(
        label=_("Languages of the offer"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Choose one or more languages."),
    )
    # Not ticked by default: a form saved unchanged changes nothing; ticking it confirms the offer as current
    # (every real change confirms it too: the person just looked at it).
    still_current = forms.BooleanField(label=_("The information is current"), required=False, initial=False)
    memberships: dict = {}

    class Meta:
        model = Offer
        fields = [
            "category",
            "target_groups",
            "online",
            "address",
            "postcode",
            "city",
            "latitude",
            "longitude",
            "starts",
            "ends",
            "cost",
            "accessibility",
            "registration_needed",
            "contact",
        ]
        widgets = {
            "target_groups": forms.CheckboxSelectMultiple,
            "starts": forms.DateInput(attrs={"type": "date"}),
            "ends": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, memberships=None, own=None, **kwargs):
        super().__init__(*args, **kwargs)
        language = languages.current()
        if memberships and len(memberships) > 1:
            # A new offer of someone who may add for several members (a coordinator): they choose whose it is.
            self.memberships = {str(m.pk): m for m in memberships}
            several_networks = len({m.network_id for m in memberships}) > 1
            self.fields = {
                "membership": forms.ChoiceField(
                    label=_("Organisation"),
                    choices=[
                        ("", "–"),
                        *(
                            (
                                key,
                                f"{m.organisation.name} ({m.network.name})"
                                if several_networks
                                else m.organisation.name,
                            )
                            for key, m in self.memberships.items()
                        ),
                    ],
                    help_text=_("The member organisation that makes the offer."),
                    initial=str(own.pk) if own else "",
                ),
                **self.fields,
            }
        # Every language by its name in the reader's language; codes an offer has that the list lacks stay choosable.
        known = languages.world()
        extra = [(code, code) for code in self.instance.languages if code not in dict(known)]
        self.fields["spoken"].choices = [*known, *extra]
        self.fields["category"].queryset = Category.objects.order_by("slug")
        self.fields["category"].label_from_instance = lambda c: c.name(language)
        # Sorted as the reader reads them (names are per language, so in Python).
        self.fields["category"].choices = [
            ("", "–"),
            *sorted(
                ((c.pk, c.name(language)) for c in Category.objects.all()), key=lambda choice: choice[1].casefold()
            ),
        ]
        self.fields["target_groups"].queryset = TargetGroup.objects.all()
        offer = self.instance
        # A title in the page's language is needed for a new offer; an offer titled in other languages
        # can be edited in any language without one (it is shown in another language there).
        self.fields["title"].required = not any(offer.titles.values())
        if offer.pk:
            self.initial.update(
                title=offer.titles.get(language, ""),
                description=offer.descriptions.get(language, ""),
                spoken=list(offer.languages),
            )
        days = [("", "–"), *[(str(n), name) for n, name in WEEKDAYS.items()]]
        for n in range(SLOTS):
            slot = offer.schedule[n] if n < len(offer.schedule) else {}
            self.fields[f"day{n}"] = forms.ChoiceField(
                label=_("Day"), choices=days, required=False, initial=str(slot.get("weekday", ""))
            )
            self.fields[f"start{n}"] = forms.TimeField(
                label=_("from"),
                required=False,
                initial=slot.get("start"),
                widget=forms.TimeInput(attrs={"type": "time"}),
            )
            self.fields[f"end{n}"] = forms.TimeField(
                label=_("until"),
                required=False,
                initial=slot.get("end"),
                widget=forms.TimeInput(attrs={"type": "time"}),
            )

    def plain_fields(self):
        slots = {f"{kind}{n}" for kind in ("day", "start", "end") for n in range(SLOTS)}
        return [field for field in self if field.name not in slots]

    def slot_rows(self):
        return [(self[f"day{n}"], self[f"start{n}"], self[f"end{n}"]) for n in range(SLOTS)]

    def history_summary(self) -> dict:
        """The changes for the history: the weekly times as one fact, the confirmation left out."""
        slots = {f"{kind}{n}" for kind in ("day", "start", "end") for n in range(SLOTS)}
        changes = {name: value for name, value in self.change_summary().items() if name not in slots}
        changes.pop("still_current", None)
        if slots & set(self.changes):
            changes["schedule"] = True
        return changes

    def clean(self):
        data = super().clean()
        schedule = []
        for n in range(SLOTS):
            day, start, end = data.get(f"day{n}"), data.get(f"start{n}"), data.get(f"end{n}")
            if day in (None, "") and not start and not end:
                continue
            if day in (None, "") or not start or not end:
                self.add_error(f"day{n}", _("Give the day, the start and the end."))
                continue
            if end <= start:
                self.add_error(f"end{n}", _("A time slot ends before it starts."))
                continue
            slot = {"weekday": int(day), "start": start.strftime("%H:%M"), "end": end.strftime("%H:%M")}
            if slot in schedule:
                self.add_error(f"day{n}", _("This time is given twice."))
                continue
            schedule.append(slot)
        data["schedule"] = schedule
        if not data.get("online") and (data.get("latitude") is None or data.get("longitude") is None):
            place = _known_place(data.get("postcode"), data.get("city"))
            if place is not None:  # the place is found from its postcode or town
                data["latitude"], data["longitude"] = place.latitude, place.longitude
            else:
                self.add_error(
                    "latitude",
                    _("Give a postcode or town we know, set the place on the map, or mark the offer as online."),
                )
        return data

    def save(self, commit=True):
        language = languages.current()
        offer = self.instance
        if membership := self.memberships.get(self.cleaned_data.get("membership") or "") if self.memberships else None:
            offer.organisation, offer.network = membership.organisation, membership.network
        offer.titles = _in_language(offer.titles, language, self.cleaned_data["title"])
        offer.descriptions = _in_language(offer.descriptions, language, self.cleaned_data["description"])
        offer.languages = list(self.cleaned_data["spoken"])
        offer.schedule = self.cleaned_data["schedule"]
        offer.confirmed = timezone.localdate()  # saved with a change: confirmed by whoever changed it
        return super().save(commit)


class PostcodesField(forms.CharField):
    """Postcodes typed as a list (commas, spaces or one per line), kept as a sorted list without repeats."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return sorted(set(value))
        text = super().to_python(value)
        return sorted({normal_postcode(part) for part in re.split(r"[,;\s]+", text) if part.strip()})

    def validate(self, value):
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        wrong = [code for code in value if not POSTCODE.fullmatch(code)]
        if wrong:
            raise forms.ValidationError(
                _("Not a postcode: %(codes)s. Separate postcodes by commas or spaces.") % {"codes": ", ".join(wrong)}
            )


POSTCODE = re.compile(r"[0-9A-Z-]{2,10}")


class DistrictForm(OnceMixin, EditForm, forms.ModelForm):
    postcodes = PostcodesField(
        label=_("Postcodes"),
        help_text=_("The district covers the offers with one of these postcodes, e.g. 99084, 99085, 99086."),
    )

    class Meta:
        model = Area
        fields = ["name", "postcodes"]

    def __init__(self, *args, network, **kwargs):
        self.network = network
        super().__init__(*args, **kwargs)

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if self.network.areas.filter(name__iexact=name).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("The network already has a district of that name."))
        return name

    MAX_POSTCODES = 1000  # a city district has a handful; a whole region a few hundred

    def clean_postcodes(self):
        postcodes = self.cleaned_data["postcodes"]
        if len(postcodes) > self.MAX_POSTCODES:
            raise forms.ValidationError(
                _("A district can have up to %(n)s postcodes; split it into several.") % {"n": self.MAX_POSTCODES}
            )
        for other in self.network.areas.exclude(pk=self.instance.pk):
            shared = sorted(set(postcodes) & set(other.postcodes))
            if shared:
                raise forms.ValidationError(
                    _("%(codes)s already belong to the district “%(district)s”.")
                    % {"codes": ", ".join(shared), "district": other.name}
                )
        return postcodes

    def save(self, commit=True):
        self.instance.network = self.network
        return super().save(commit)
