from django import forms
from django.utils.translation import gettext_lazy as _

from erasmi.core.forms import EditForm, TranslationsForm
from erasmi.core.once import OnceMixin
from erasmi.events.models import Event, Registration
from erasmi.networks import people


class EventForm(OnceMixin, TranslationsForm, EditForm, forms.ModelForm):
    formats = forms.MultipleChoiceField(
        label=_("Formats"), choices=Event.Format.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "kind",
            "working_group",
            "formats",
            "starts",
            "ends",
            "place",
            "online_url",
            "visibility",
            "capacity",
            "description",
            "agenda",
            "language",
        ]
        widgets = {
            "starts": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "ends": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "description": forms.Textarea(attrs={"rows": 4}),
            "agenda": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, network, groups=None, **kwargs):
        """``groups``: the working groups the person may plan for, when they may not plan for the whole network."""
        self.network = network
        super().__init__(*args, **kwargs)
        # A closed group takes no new meetings; a meeting it already has keeps showing it.
        choosable = network.working_groups.open() if groups is None else groups
        if self.instance.working_group_id:
            choosable = choosable | network.working_groups.filter(pk=self.instance.working_group_id)
        self.fields["working_group"].queryset = choosable.distinct()
        self.fields["working_group"].label_from_instance = lambda group: group.text_in("name")[0]
        if groups is not None:
            self.fields["working_group"].required = True
            self.fields["working_group"].empty_label = None

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts"), data.get("ends")
        if starts and ends and ends < starts:
            self.add_error("ends", _("The end is before the start."))
        if not data.get("place") and not data.get("online_url"):
            self.add_error("place", _("Give a place, an online link, or both."))
        return data

    def save(self, commit=True):
        self.instance.network = self.network
        if self.instance.pk is None:
            return super().save(commit)
        # Only the form's fields are written: a cancellation meanwhile is never undone by an edit.
        event = super().save(commit=False)
        event.save(update_fields=[*self._meta.fields, "translations"])
        return event


class MinutesForm(EditForm, forms.ModelForm):
    attended = forms.ModelMultipleChoiceField(
        label=_("Attended"), queryset=Registration.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Event
        fields = ["minutes", "decisions"]
        widgets = {"minutes": forms.Textarea(attrs={"rows": 10}), "decisions": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        registrations = self.instance.registrations.filter(status=Registration.Status.CONFIRMED).select_related(
            "person"
        )
        self.fields["attended"].queryset = registrations
        records = people.records_of(self.instance.network)
        self.fields["attended"].label_from_instance = lambda registration: str(
            records.get(registration.person_id, registration.person)
        )
        self.fields["attended"].initial = [r.pk for r in registrations if r.attended]

    history_kind = "minutes"

    def change_summary(self, people: dict | None = None) -> dict:
        """Which of minutes, decisions and attendance changed; the texts stay in the minutes."""
        return dict.fromkeys(self.changes, True)

    def save(self, commit=True):
        event = super().save(commit=False)
        event.save(update_fields=self._meta.fields)
        if "attended" not in self.changes:
            return event
        chosen = {r.pk for r in self.cleaned_data["attended"]}
        for registration in self.fields["attended"].queryset:
            registration.attended = registration.pk in chosen
            registration.save(update_fields=["attended", "updated"])
        return event
