import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from erasmi.compendium import services
from erasmi.compendium.models import Practice, PracticeTranslation, Term, TermProposal
from erasmi.compendium.template import EMAIL, FIELDS, LIST, TEXT, URL, YEAR
from erasmi.core import languages
from erasmi.core.forms import EditForm
from erasmi.core.once import OnceMixin

LONG_TEXT = {"coordinating_organisation", "members", "short_description", "impact"}
SUGGESTIONS = {"network_type": Term.Kind.NETWORK_TYPE, "formalisation": Term.Kind.FORMALISATION}


def _form_field(f):
    if f.kind == LIST:
        return forms.CharField(
            label=f.label,
            required=False,
            widget=forms.Textarea(attrs={"rows": 4}),
            help_text=_("One item per line."),
        )
    if f.kind == YEAR:
        return forms.IntegerField(label=f.label, required=False, min_value=1800, max_value=datetime.date.today().year)
    if f.kind == EMAIL:
        return forms.EmailField(label=f.label, required=False)
    if f.kind == URL:
        return forms.CharField(label=f.label, required=False, max_length=300)
    assert f.kind == TEXT
    widget = forms.Textarea(attrs={"rows": 5}) if f.key in LONG_TEXT else forms.TextInput()
    return forms.CharField(
        label=f.label, required=f.required, widget=widget, max_length=None if f.key in LONG_TEXT else 300
    )


class PracticeForm(OnceMixin, EditForm, forms.Form):
    """One language version of a profile, field by field as in the ERASMI template."""

    language = forms.ChoiceField(label=_("Language of this version"), choices=languages.choices)
    status_as_of = forms.DateField(
        label=_("Information as of"),
        required=False,
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        help_text=_("Month and year, e.g. 2020-12."),
    )

    def __init__(self, *args, language: str, practice: Practice | None = None, translation=None, **kwargs):
        self.practice, self.translation = practice, translation
        initial = {"language": language}
        if practice:
            initial.update(
                founding_year=practice.founding_year,
                website=practice.website,
                email=practice.email,
                status_as_of=practice.status_as_of,
            )
        if translation:
            for f in FIELDS:
                if not f.shared:
                    value = getattr(translation, f.key)
                    initial[f.key] = "\n".join(value) if f.kind == LIST else value
        super().__init__(*args, initial=initial, **kwargs)
        for f in FIELDS:
            self.fields[f.key] = _form_field(f)
        if practice:
            self.fields["language"].disabled = True
        for key, kind in SUGGESTIONS.items():
            self.fields[key].widget.attrs["list"] = f"suggest-{key}"
            self.fields[key].suggestions = [t.name(language) for t in Term.objects.of_kind(kind)]

    def sections(self, sections):
        """The form's fields grouped by template section, for the template."""
        return [(section, [self[f.key] for f in section.fields]) for section in sections]

    def clean(self):
        data = super().clean()
        for f in FIELDS:
            if f.kind == LIST and f.key in data:
                data[f.key] = [line.strip(" •-\t") for line in data[f.key].splitlines() if line.strip(" •-\t")]
        return data

    def values(self) -> dict:
        return {f.key: self.cleaned_data[f.key] for f in FIELDS if self.cleaned_data.get(f.key) not in (None, "")}

    def save_new(self, user) -> Practice:
        return services.submit_practice(
            values=self.values(),
            language=self.cleaned_data["language"],
            status_as_of=self.cleaned_data.get("status_as_of"),
            user=user,
        )

    def save_version(self, user) -> PracticeTranslation:
        return services.edit_practice(
            self.practice,
            values=self.values(),
            language=self.initial["language"],
            status_as_of=self.cleaned_data.get("status_as_of"),
            user=user,
        )


class ReviewForm(forms.Form):
    DECISIONS = [
        ("publish", _("Publish")),
        ("request_changes", _("Ask for changes")),
        ("unpublish", _("Withdraw from publication")),
    ]
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS, widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Comment for the author"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "request_changes" and not data.get("comment", "").strip():
            self.add_error("comment", _("Say which changes you ask for."))
        return data


class MapTermForm(forms.Form):
    """An editor says which existing term a proposed wording means."""

    term = forms.ModelChoiceField(label=_("Means the term"), queryset=Term.objects.none())

    def __init__(self, *args, proposal: TermProposal, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["term"]
        field.queryset = Term.objects.of_kind(proposal.kind)
        field.label_from_instance = lambda term: term.name(language)


class AcceptTermForm(forms.Form):
    """An editor accepts a proposed wording as a new term, named in every language."""

    def __init__(self, *args, proposal: TermProposal, **kwargs):
        super().__init__(*args, **kwargs)
        for code, name in languages.choices():
            self.fields[code] = forms.CharField(
                label=name,
                max_length=300,
                initial=proposal.text if code == proposal.language else "",
            )

    def names(self) -> dict[str, str]:
        return {code: self.cleaned_data[code].strip() for code in languages.codes()}
