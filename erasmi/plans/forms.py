from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from erasmi.core.forms import EditForm, Html5Mixin
from erasmi.core.once import OnceMixin
from erasmi.networks.models import Organisation
from erasmi.plans.models import Goal, Indicator, IndicatorValue, Measure, Plan, Target

DATE = forms.DateInput(attrs={"type": "date"})
NUMBER = forms.NumberInput(attrs={"step": "any"})
MANY_ORGANISATIONS = 40  # more member organisations than this: a list box instead of check boxes


class PlanForm(OnceMixin, Html5Mixin, forms.ModelForm):
    """A new plan, or the period a plan is copied into."""

    class Meta:
        model = Plan
        fields = ["title", "starts", "ends"]
        widgets = {"starts": DATE, "ends": DATE}

    def __init__(self, *args, network, **kwargs):
        self.network = network
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts"), data.get("ends")
        if starts and ends and ends < starts:
            self.add_error("ends", _("The end lies before the start."))
        if starts and Plan.objects.filter(network=self.network, starts=starts).exists():
            self.add_error("starts", _("The network already has a plan starting on this day."))
        return data

    def save(self, commit=True):
        self.instance.network = self.network
        return super().save(commit)


class PlanEditForm(EditForm, forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["title", "starts", "ends"]
        widgets = {"starts": DATE, "ends": DATE}

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts"), data.get("ends")
        if starts and ends and ends < starts:
            self.add_error("ends", _("The end lies before the start."))
        others = Plan.objects.filter(network=self.instance.network_id, starts=starts).exclude(pk=self.instance.pk)
        if starts and others.exists():
            self.add_error("starts", _("The network already has a plan starting on this day."))
        return data


class GoalForm(OnceMixin, EditForm, forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class MeasureForm(OnceMixin, EditForm, forms.ModelForm):
    """A measure; people of the lead organisation edit everything but the goal and who leads."""

    class Meta:
        model = Measure
        fields = [
            "goal",
            "title",
            "description",
            "lead",
            "partners",
            "working_group",
            "deadline",
            "status",
            "progress",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "deadline": DATE,
            "partners": forms.CheckboxSelectMultiple,
            "progress": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
        }

    def __init__(self, *args, plan, coordinator: bool = True, **kwargs):
        self.plan = plan
        super().__init__(*args, **kwargs)
        network = plan.network
        members = network.memberships.current().values("organisation")
        involved = [pk for pk in [self.instance.lead_id] if pk]
        if self.instance.pk:
            involved += [o.pk for o in self.instance.partners.all()]
        organisations = Organisation.objects.filter(pk__in=members) | Organisation.objects.filter(pk__in=involved)
        self.fields["goal"].queryset = plan.goals.all()
        self.fields["goal"].empty_label = None
        self.fields["lead"].queryset = organisations.distinct()
        partners = self.fields["partners"]
        partners.queryset = organisations.distinct()
        if network.memberships.current().count() > MANY_ORGANISATIONS:
            partners.widget = forms.SelectMultiple()
            partners.widget.choices = partners.choices
        self.fields["working_group"].queryset = network.working_groups.all()
        if not coordinator:
            for name in ("goal", "lead"):
                self.fields[name].disabled = True

    def clean(self):
        data = super().clean()
        if data.get("status") == Measure.Status.DONE and "status" in self.changes:
            if data.get("progress") is not None and data["progress"] < 100 and "progress" not in self.changes:
                data["progress"] = 100  # done means done, unless the person set the progress themselves
                self.changes.append("progress")
        return data


class IndicatorForm(OnceMixin, forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "unit", "baseline", "target"]
        widgets = {"baseline": NUMBER, "target": NUMBER}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("baseline", "target"):
            self.fields[name].localize = False


class IndicatorEditForm(EditForm, forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "unit", "baseline", "target"]
        widgets = {"baseline": NUMBER, "target": NUMBER}

    # "100" is the stored 100.00: compared as stored, so that it is no change.
    def clean_baseline(self):
        return _cents(self.cleaned_data["baseline"])

    def clean_target(self):
        return _cents(self.cleaned_data["target"])


def _cents(value):
    return value.quantize(Decimal("0.01")) if value is not None else None


class ValueForm(OnceMixin, Html5Mixin, forms.ModelForm):
    class Meta:
        model = IndicatorValue
        fields = ["value", "date"]
        widgets = {"value": NUMBER, "date": DATE}


class TargetForm(OnceMixin, Html5Mixin, forms.ModelForm):
    class Meta:
        model = Target
        fields = ["name", "unit", "baseline", "target"]
        widgets = {"baseline": NUMBER, "target": NUMBER}
        help_texts = {"baseline": _("Usually this year's actual value.")}


class NarrativeForm(EditForm, forms.Form):
    """The coordinator's text for each section of the annual report (plain text, shown as typed)."""

    history_kind = "annualreport"

    def __init__(self, data=None, *, instance, sections: list[tuple[str, str]]):
        self.instance = instance
        super().__init__(data, initial=dict(instance.narratives))
        for key, title in sections:
            self.fields[key] = forms.CharField(
                label=title, required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 4})
            )

    def save(self):
        narratives = dict(self.instance.narratives)
        for name in self.changes:
            narratives[name] = self.cleaned_data[name].replace("\r\n", "\n").strip()
        self.instance.narratives = {key: text for key, text in narratives.items() if text}
        self.instance.save(update_fields=["narratives"])
        return self.instance

    def change_summary(self, people=None) -> dict:
        return {"narratives": True}
