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
# Facets chosen from the shared vocabularies: field -> (vocabulary, several values)
FACET_FIELDS = {
    "network_type": (Term.Kind.NETWORK_TYPE, False),
    "formalisation": (Term.Kind.FORMALISATION, False),
    "fields_of_action": (Term.Kind.FIELD_OF_ACTION, True),
    "target_groups": (Term.Kind.TARGET_GROUP, True),
}


def _facet_fields(f, terms, language: str) -> tuple[forms.Field, forms.Field]:
    """A facet as a choice of the vocabulary's terms named in the reader's language, and a field for
    another wording (a proposal that an editor maps onto a term or accepts as a new one)."""
    from erasmi.core.languages import collation_key

    choices = sorted(((t.slug, t.name(language)) for t in terms), key=lambda c: collation_key(c[1]))
    if FACET_FIELDS[f.key][1]:
        chosen = forms.MultipleChoiceField(
            label=f.label, required=False, choices=choices, widget=forms.CheckboxSelectMultiple
        )
        other = forms.CharField(
            label=_("Other (one per line)"),
            required=False,
            widget=forms.Textarea(attrs={"rows": 2}),
            help_text=_("Only what none of the choices says: an editor adds it to the shared list."),
        )
    else:
        chosen = forms.ChoiceField(label=f.label, required=False, choices=[("", "—"), *choices])
        other = forms.CharField(
            label=_("Other"),
            required=False,
            max_length=300,
            help_text=_("Only what none of the choices says: an editor adds it to the shared list."),
        )
    chosen.facet = True
    return chosen, other


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
        terms = {kind: list(Term.objects.of_kind(kind)) for kind, _many in FACET_FIELDS.values()}
        self.terms = {t.slug: t for kind_terms in terms.values() for t in kind_terms}
        if translation:
            vocabulary = services.Vocabulary()
            for f in FIELDS:
                if f.shared:
                    continue
                value = getattr(translation, f.key)
                if f.key in FACET_FIELDS:
                    found = self._facet_initial(f.key, value, vocabulary, translation.language)
                    initial[f.key], initial[f"{f.key}_other"] = found
                else:
                    initial[f.key] = "\n".join(value) if f.kind == LIST else value
        super().__init__(*args, initial=initial, **kwargs)
        reader = languages.current()
        for f in FIELDS:
            if f.key in FACET_FIELDS:
                kind, _many = FACET_FIELDS[f.key]
                self.fields[f.key], self.fields[f"{f.key}_other"] = _facet_fields(f, terms[kind], reader)
            else:
                self.fields[f.key] = _form_field(f)
        if practice:
            self.fields["language"].disabled = True

    @staticmethod
    def _facet_initial(key: str, value, vocabulary, language: str) -> tuple:
        """The terms a version's facet text names, and the wordings that name none (one per line)."""
        kind, many = FACET_FIELDS[key]
        values = value if many else ([value] if value else [])
        chosen, other = [], []
        for text in values:
            term = vocabulary.find(kind, text, language)
            chosen.append(term.slug) if term else other.append(text)
        return (chosen if many else (chosen[0] if chosen else "")), "\n".join(other)

    def sections(self, sections):
        """The form's fields grouped by template section, for the template (a facet with its "other")."""
        return [
            (
                section,
                [
                    self[name]
                    for f in section.fields
                    for name in ([f.key, f"{f.key}_other"] if f.key in FACET_FIELDS else [f.key])
                ],
            )
            for section in sections
        ]

    def clean(self):
        data = super().clean()
        for f in FIELDS:
            if f.kind == LIST and f.key in data and f.key not in FACET_FIELDS:
                data[f.key] = [line.strip(" •-\t") for line in data[f.key].splitlines() if line.strip(" •-\t")]
        for key, (_kind, many) in FACET_FIELDS.items():
            if not many and data.get(key) and (data.get(f"{key}_other") or "").strip():
                self.add_error(f"{key}_other", _("Choose one of the list or write another, not both."))
        return data

    def _facet_value(self, key: str, language: str):
        """The facet as the version's text: the chosen terms' names in its language, then the other wordings."""
        _kind, many = FACET_FIELDS[key]
        chosen = self.cleaned_data.get(key) or ([] if many else "")
        names = [self.terms[slug].name(language) for slug in (chosen if many else [chosen] if chosen else [])]
        other = [line.strip(" •-\t") for line in (self.cleaned_data.get(f"{key}_other") or "").splitlines()]
        names += [line for line in other if line]
        return names if many else (names[0] if names else "")

    def values(self) -> dict:
        language = self.cleaned_data.get("language") or self.initial["language"]
        values = {f.key: self.cleaned_data.get(f.key) for f in FIELDS if f.key not in FACET_FIELDS}
        values |= {key: self._facet_value(key, language) for key in FACET_FIELDS}
        return {key: value for key, value in values.items() if value not in (None, "")}

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
