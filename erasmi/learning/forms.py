from django import forms
from django.utils.translation import gettext_lazy as _

from erasmi.core.forms import EditForm
from erasmi.core.once import OnceMixin
from erasmi.learning.models import (
    Attachment,
    MethodCard,
    MethodCardTranslation,
    ReflectionNote,
    Unit,
    UnitTranslation,
)
from erasmi.networks import uploads
from erasmi.surveys import factors as self_assessment


class LinesField(forms.CharField):
    """A list of short texts, typed one per line."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list | tuple) else value

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return [str(v).strip() for v in value if str(v).strip()]
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


class UnitTranslationForm(EditForm, forms.ModelForm):
    objectives = LinesField(label=_("Objectives (one per line)"), required=False)

    class Meta:
        model = UnitTranslation
        fields = ["title", "summary", "objectives", "reflection_prompt"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3}), "reflection_prompt": forms.Textarea(attrs={"rows": 3})}


class PageForm(EditForm, forms.Form):
    """One page of a unit in one language (the page list lives on the unit's language version)."""

    title = forms.CharField(label=_("Title of the page"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Paragraphs, lists, bold, italics and links are kept; everything else is removed."),
    )


class CardTranslationForm(EditForm, forms.ModelForm):
    class Meta:
        model = MethodCardTranslation
        fields = ["title", "summary", "body"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3}), "body": forms.Textarea(attrs={"rows": 14})}
        help_texts = {"body": _("Paragraphs, lists, bold, italics and links are kept; everything else is removed.")}


class AttachmentForm(forms.ModelForm):
    file = forms.FileField(label=_("File"))

    class Meta:
        model = Attachment
        fields = ["title", "page", "file"]

    def __init__(self, *args, page_count: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].widget = forms.NumberInput(attrs={"min": 1, "max": max(page_count, 1)})
        self.page_count = page_count

    def clean_file(self):
        upload = self.cleaned_data["file"]
        uploads.check(upload)
        return upload

    def clean_page(self):
        page = self.cleaned_data.get("page")
        if page is not None and not 1 <= page <= self.page_count:
            raise forms.ValidationError(_("This unit has no page %(number)s.") % {"number": page})
        return page


class NoteForm(forms.ModelForm):
    class Meta:
        model = ReflectionNote
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 6})}


class ExerciseForm(forms.Form):
    """The unit's questions: one radio group or set of check boxes per question."""

    def __init__(self, *args, questions: list[dict], **kwargs):
        kwargs.setdefault("label_suffix", "")  # a question ends with its own question mark
        super().__init__(*args, **kwargs)
        for number, question in enumerate(questions):
            choices = [(str(i), answer["text"]) for i, answer in enumerate(question.get("answers", []))]
            if question.get("multiple"):
                field = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple, choices=choices)
            else:
                field = forms.ChoiceField(widget=forms.RadioSelect, choices=choices)
            field.label = question["text"]
            field.error_messages["required"] = _("Choose an answer.")
            self.fields[f"q{number}"] = field

    def chosen(self) -> dict[int, list[int]]:
        result = {}
        for name, value in self.cleaned_data.items():
            values = value if isinstance(value, list) else [value]
            result[int(name[1:])] = [int(v) for v in values]
        return result


# The self-assessment's success factors a unit can help with (the survey's own keys and names).
FACTORS = [(factor.key, factor.label) for factor in self_assessment.FACTORS]


class UnitSettingsForm(EditForm, forms.ModelForm):
    factors = forms.MultipleChoiceField(
        label=_("Success factors this unit helps with"),
        choices=FACTORS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Unit
        fields = ["status", "position", "factors"]


class NewItemForm(OnceMixin, forms.Form):
    """A new unit or method card: its address and its title in the editor's language (a draft)."""

    slug = forms.SlugField(
        label=_("Short name in the address"), max_length=80, help_text=_("Lower-case letters, digits and hyphens.")
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, model, **kwargs):
        super().__init__(*args, **kwargs)
        self.model = model

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED:
            raise forms.ValidationError(self.taken_message)
        return slug

    taken_message = _("This short name is taken. Choose another one.")


RESERVED = {"methods", "progress", "new"}


class QuestionsField(forms.CharField):
    """The exercise's questions as plain text an editor can type in any language:

    ? The question
    * a right answer | feedback on it
    - a wrong answer | feedback on it
    """

    widget = forms.Textarea(attrs={"rows": 14})

    def prepare_value(self, value):
        if not isinstance(value, list):
            return value
        blocks = []
        for question in value:
            lines = [f"? {question['text']}"]
            for answer in question.get("answers", []):
                mark = "*" if answer.get("correct") else "-"
                feedback = f" | {answer['feedback']}" if answer.get("feedback") else ""
                lines.append(f"{mark} {answer['text']}{feedback}")
            blocks.append("\n".join(lines))
        return "\n\n".join(blocks)

    def to_python(self, value):
        if isinstance(value, list):
            return value
        questions = []
        for raw in (value or "").splitlines():
            line = raw.strip()
            if not line:
                continue
            mark, text = line[0], line[1:].strip()
            if mark == "?":
                questions.append({"text": text, "multiple": False, "answers": []})
            elif mark in "*-" and questions:
                answer, _bar, feedback = text.partition("|")
                questions[-1]["answers"].append(
                    {"text": answer.strip(), "correct": mark == "*", "feedback": feedback.strip()}
                )
            else:
                raise forms.ValidationError(
                    _("Each line starts with ? (a question), * (a right answer) or - (a wrong answer).")
                )
        for question in questions:
            right = sum(a["correct"] for a in question["answers"])
            if len(question["answers"]) < 2 or not right:
                raise forms.ValidationError(
                    _("Each question needs at least two answers, one of them right: “%(question)s”")
                    % {"question": question["text"]}
                )
            question["multiple"] = right > 1
        return questions


class QuestionsForm(EditForm, forms.Form):
    questions = QuestionsField(
        label=_("Questions and answers"),
        required=False,
        help_text=_(
            "A line starting with ? is a question; * a right answer, - a wrong one, each followed by | and the "
            "feedback the learner reads. A question with several right answers lets the learner tick several."
        ),
    )


class UnitChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, unit):
        t = unit.translation()
        return t.title if t else unit.slug


class CardSettingsForm(EditForm, forms.ModelForm):
    units = UnitChoices(
        label=_("Used in the units"),
        queryset=Unit.objects.prefetch_related("translations"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = MethodCard
        fields = ["status", "position", "units"]
