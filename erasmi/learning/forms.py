from django import forms
from django.utils.translation import gettext_lazy as _

from erasmi.core.forms import EditForm
from erasmi.learning.models import Attachment, MethodCardTranslation, ReflectionNote, UnitTranslation
from erasmi.networks import uploads


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
