from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from erasmi.core import languages
from erasmi.core.forms import EditForm, Html5Mixin
from erasmi.core.once import OnceMixin
from erasmi.networks.models import Organisation
from erasmi.surveys.models import Question, Survey
from erasmi.surveys.results import options

DATE = forms.DateInput(attrs={"type": "date"})


class SurveyForm(Html5Mixin, forms.Form):
    title = forms.CharField(label=gettext_lazy("title"), max_length=300)
    intro = forms.CharField(
        label=gettext_lazy("introduction"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    anonymous = forms.BooleanField(
        label=gettext_lazy("anonymous"),
        required=False,
        help_text=gettext_lazy(
            "Nobody, coordinators included, can see who gave which answer. A public link is always anonymous."
        ),
    )
    audience = forms.ChoiceField(label=gettext_lazy("audience"), choices=Survey.Audience.choices)
    working_group = forms.ModelChoiceField(label=gettext_lazy("working group"), queryset=None, required=False)
    opens = forms.DateField(label=gettext_lazy("opens on"), widget=DATE)
    closes = forms.DateField(label=gettext_lazy("closes on"), widget=DATE)

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["working_group"].queryset = network.working_groups.order_by("name")

    def clean(self):
        data = super().clean()
        if data.get("opens") and data.get("closes") and data["closes"] < data["opens"]:
            self.add_error("closes", _("The survey cannot close before it opens."))
        if data.get("audience") == Survey.Audience.GROUP and not data.get("working_group"):
            self.add_error("working_group", _("Choose the working group that is asked."))
        if data.get("audience") == Survey.Audience.PUBLIC:
            data["anonymous"] = True
        if data.get("audience") != Survey.Audience.GROUP:
            data["working_group"] = None
        return data


class NewSurveyForm(OnceMixin, SurveyForm):
    language = forms.ChoiceField(label=gettext_lazy("language of the original"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = languages.choices()
        self.fields["language"].initial = languages.current()
        self.order_fields(["title", "language"])


class EditSurveyForm(EditForm, SurveyForm):
    pass


class QuestionForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("question"), widget=forms.Textarea(attrs={"rows": 2}))
    kind = forms.ChoiceField(
        label=gettext_lazy("type"),
        choices=Question.Kind.choices,
        help_text=gettext_lazy(
            "The answers on cooperation are kept for the network analysis only in named surveys: in an "
            "anonymous survey nobody knows which organisation answered."
        ),
    )
    choices = forms.CharField(
        label=gettext_lazy("options, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("For single and multiple choice."),
    )
    required = forms.BooleanField(label=gettext_lazy("required"), required=False, initial=True)

    def clean(self):
        data = super().clean()
        lines = [line.strip() for line in (data.get("choices") or "").splitlines() if line.strip()]
        data["choices"] = "\n".join(lines)
        if data.get("kind") in Question.CHOICE_KINDS and len(lines) < 2:
            self.add_error("choices", _("Give at least two options."))
        return data

    def choice_list(self) -> list[str]:
        return [line for line in self.cleaned_data["choices"].splitlines() if line]


class EditQuestionForm(EditForm, QuestionForm):
    pass


class TranslationForm(forms.Form):
    """A survey's wording in another language; each field shows the original beside it."""

    title = forms.CharField(label=gettext_lazy("title"), max_length=300)
    intro = forms.CharField(
        label=gettext_lazy("introduction"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, questions, source, version, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.fields["title"].help_text = source.title
        self.fields["intro"].help_text = source.intro
        if version:
            self.initial.update(title=version.title, intro=version.intro)
        for n, question in enumerate(questions, start=1):
            original = source.wording(question)
            mine = version.wording(question) if version else {}
            name = f"q{question.pk}"
            self.fields[name] = forms.CharField(
                label=_("Question %(number)s") % {"number": n},
                help_text=original.get("text", ""),
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.initial[name] = mine.get("text", "")
            if question.kind in Question.CHOICE_KINDS:
                self.fields[f"{name}_choices"] = forms.CharField(
                    label=_("Options of question %(number)s, one per line") % {"number": n},
                    help_text=" / ".join(original.get("choices", [])),
                    widget=forms.Textarea(attrs={"rows": 3}),
                )
                self.initial[f"{name}_choices"] = "\n".join(mine.get("choices", []))
                self.originals = getattr(self, "originals", {}) | {question.pk: len(original.get("choices", []))}

    def clean(self):
        data = super().clean()
        for question in self.questions:
            name = f"q{question.pk}_choices"
            if name in data:
                lines = [line.strip() for line in data[name].splitlines() if line.strip()]
                if len(lines) != self.originals[question.pk]:
                    self.add_error(name, _("Give as many options as the original has, in the same order."))
        return data

    def wording(self) -> dict:
        found = {}
        for question in self.questions:
            entry = {"text": self.cleaned_data[f"q{question.pk}"].strip()}
            if f"q{question.pk}_choices" in self.cleaned_data:
                entry["choices"] = [
                    line.strip() for line in self.cleaned_data[f"q{question.pk}_choices"].splitlines() if line.strip()
                ]
            found[str(question.pk)] = entry
        return found


class WaveForm(OnceMixin, forms.Form):
    """The button that copies a survey as its next wave: a double click makes one wave."""


class AnswerForm(Html5Mixin, forms.Form):
    """The questions of a survey in the reader's language, one field each."""

    def __init__(self, *args, survey, questions, version, **kwargs):
        super().__init__(*args, **kwargs)
        self.by_name = {}
        organisations = None
        for question in questions:
            if question.kind == Question.Kind.COOPERATION and survey.is_public:
                # The member organisations are the network's internal data; a visitor's answer tells nothing.
                continue
            wording = version.wording(question) if version else {}
            name = f"q{question.pk}"
            label = wording.get("text") or "…"
            common = {"label": label, "required": question.required}
            kind = question.kind
            if kind == Question.Kind.SCALE:
                field = forms.TypedChoiceField(
                    choices=options(question, wording), coerce=int, widget=forms.RadioSelect, **common
                )
            elif kind == Question.Kind.SINGLE:
                field = forms.TypedChoiceField(
                    choices=options(question, wording), coerce=int, widget=forms.RadioSelect, **common
                )
            elif kind == Question.Kind.MULTIPLE:
                field = forms.TypedMultipleChoiceField(
                    choices=options(question, wording), coerce=int, widget=forms.CheckboxSelectMultiple, **common
                )
            elif kind == Question.Kind.NUMBER:
                field = forms.DecimalField(max_digits=14, decimal_places=3, widget=forms.NumberInput(), **common)
            elif kind == Question.Kind.DATE:
                field = forms.DateField(widget=DATE, **common)
            elif kind == Question.Kind.COOPERATION:
                if organisations is None:
                    organisations = Organisation.objects.filter(
                        memberships__in=survey.network.memberships.current()
                    ).order_by("name")
                field = forms.ModelMultipleChoiceField(
                    queryset=organisations, widget=forms.CheckboxSelectMultiple, **common
                )
            else:
                field = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=5000, **common)
            field.kind = kind
            self.fields[name] = field
            self.by_name[name] = question
        for field in self.fields.values():
            if isinstance(field.widget, forms.NumberInput):
                field.localize = False

    def clean(self):
        cleaned = super().clean()
        given = [value for name, value in cleaned.items() if name in self.by_name and value not in (None, "", [])]
        if (
            self.by_name
            and not self.errors
            and not any(value.exists() if hasattr(value, "exists") else True for value in given)
        ):
            # An empty form would count as answered and close the survey for this person.
            raise forms.ValidationError(_("Please answer at least one question."), code="empty")
        return cleaned

    def answers(self) -> dict:
        return {question: self.cleaned_data.get(name) for name, question in self.by_name.items()}
