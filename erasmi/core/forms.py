"""What every form of Erasmi shares: HTML5 inputs that keep their values in every language, and
saving that never loses another person's edit.

- Browsers read and send ``type=date``, ``time``, ``datetime-local`` and ``number`` inputs in ISO
  form ("2009-06-01", "2.5") whatever the page's language; a value in the language's own format
  ("01.06.2009", "2,5") is dropped by the browser and the field arrives empty. So these widgets
  always carry the ISO / dot-decimal value.
- ``EditForm`` carries a version token: the values the person saw when the form was opened. On
  save it compares them with the record as it is now (three-way, field by field): what only the
  other person changed is kept, what only this person changed is saved, and a field both changed
  differently is a conflict, shown with the other person's value. ``changes`` names what this save
  really changes; a form saved unchanged changes nothing (and writes no history).
"""

import datetime
import json
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core import signing
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.forms.utils import flatatt
from django.forms.widgets import DateTimeBaseInput
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from erasmi.core import languages, texts

ISO_FORMATS = {"date": "%Y-%m-%d", "time": "%H:%M", "datetime-local": "%Y-%m-%dT%H:%M", "month": "%Y-%m"}


def use_html5_values(form: forms.BaseForm) -> None:
    """Make every date/time/number input of the form carry the ISO value (never the localised one)."""
    for field in form.fields.values():
        widget = field.widget
        kind = widget.attrs.get("type") or getattr(widget, "input_type", None)
        if kind in ISO_FORMATS and isinstance(widget, DateTimeBaseInput):
            widget.format = ISO_FORMATS[kind]
            if kind == "datetime-local" and hasattr(field, "input_formats"):
                field.input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
        elif kind == "number":
            field.localize = False
            widget.is_localized = False


def locked(obj):
    """The record as it is now, its row locked until the transaction ends (call inside ``atomic``).

    Two people saving the same record are served one after the other, each comparing with what
    the other saved. (SQLite takes the write lock when the transaction begins.)
    """
    model = type(obj)
    list(model.objects.select_for_update().filter(pk=obj.pk).values_list("pk", flat=True))
    obj.refresh_from_db()
    return obj


class QuickSelect(forms.Select):
    """A select whose options are written in Python instead of one template per option: a list of a group's
    hundred people renders in a tenth of the time. Same markup as Django's select; option groups are left
    to Django's own rendering."""

    def render(self, name, value, attrs=None, renderer=None):
        choices = list(self.choices)
        if any(isinstance(label, (list, tuple)) for _value, label in choices):
            return super().render(name, value, attrs, renderer)
        chosen = set(self.format_value(value))
        options = "".join(
            f'<option value="{escape(key)}"{" selected" if key in chosen else ""}>{escape(label)}</option>'
            for key, label in ((("" if option is None else str(option)), label) for option, label in choices)
        )
        attributes = flatatt({"name": name, **self.build_attrs(self.attrs, attrs)})
        return mark_safe(f"<select{attributes}>{options}</select>")  # noqa: S308  (every part escaped above)


class Html5Mixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_html5_values(self)


def _plain(value):
    """A field value reduced to something JSON keeps and compares reliably."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.QuerySet | list | tuple | set):
        items = [_plain(item) for item in value]
        return sorted(items, key=str) if not all(isinstance(i, dict) for i in items) else items
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):  # a form shows times in the current time zone, without one
            value = timezone.make_aware(value)
        value = value.astimezone(datetime.UTC)
        return value.replace(second=0, microsecond=0).isoformat()
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if isinstance(value, datetime.date | Decimal):
        return str(value)
    if value is None:
        return ""
    return value


def _normal(value):
    return json.loads(json.dumps(_plain(value), cls=DjangoJSONEncoder))


class EditForm(Html5Mixin):
    """Mix into a Form or ModelForm that edits an existing record (see the module docstring).

    The view builds the form from the record as it is now (inside a transaction that locks the
    row), checks ``is_valid()`` and saves only ``changes``.
    """

    TOKEN_SALT = "erasmi.edit-form"
    conflict_message = gettext_lazy(
        "Someone else changed this while you were editing it. The fields you both changed are marked below "
        "with their value; your values are in the fields. Save again to keep yours."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version_token"] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.submitted_token = self.data.get(self.add_prefix("version_token"), "") if self.is_bound else None
        self.conflicts: dict[str, str] = {}
        self.changes: list[str] = []

    @cached_property
    def current(self) -> dict:
        """The record's values as they are now (the form is built from the record as it is now)."""
        for field in self.fields.values():
            field.show_hidden_initial = False  # the token does that job, for every field
        return {name: self._initial_plain(name) for name in self.edited_fields()}

    @cached_property
    def token(self) -> str:
        return signing.dumps(self.current, salt=self.TOKEN_SALT, compress=True)

    def get_initial_for_field(self, field, field_name):
        if field_name == "version_token":
            return self.token
        return super().get_initial_for_field(field, field_name)

    def full_clean(self):
        super().full_clean()
        if self.is_bound:
            # Shown again (after an error or a conflict), the form answers to the record as it is now.
            data = self.data.copy()
            data[self.add_prefix("version_token")] = self.token
            self.data = data

    def edited_fields(self) -> list[str]:
        skip = {"version_token", "once"}
        return [name for name, field in self.fields.items() if name not in skip and not field.disabled]

    def _initial_plain(self, name):
        field = self.fields[name]
        return _normal(self._to_python(field, field.prepare_value(self.get_initial_for_field(field, name))))

    @staticmethod
    def _to_python(field, value):
        try:
            if isinstance(field, forms.ModelMultipleChoiceField):
                return [_plain(v) for v in (value or [])]
            if isinstance(field, forms.ModelChoiceField):
                return _plain(value)
            if isinstance(field, forms.FileField):
                return ""
            return field.to_python(value) if isinstance(value, str) else value
        except forms.ValidationError:
            return value

    def _seen(self) -> dict:
        try:
            return signing.loads(self.submitted_token or "", salt=self.TOKEN_SALT)
        except signing.BadSignature:
            return self.current  # no token (an old page, a script): compare with the record as it is now

    def clean(self):
        data = super().clean()
        seen = self._seen()
        for name in self.current:
            if name not in data or self.has_error(name):
                continue
            mine = _normal(data[name]) if not isinstance(self.fields[name], forms.FileField) else ""
            before, now = seen.get(name, self.current[name]), self.current[name]
            if isinstance(self.fields[name], forms.FileField):
                if data[name]:
                    self.changes.append(name)
                continue
            if mine == now:
                if not isinstance(self.fields[name], forms.ModelChoiceField):
                    # The stored value stays exactly as it is (not the browser's CRLF, not a minute-rounded time).
                    data[name] = self._kept(name)
                continue
            if mine == before:  # only the other person changed it: theirs stays
                data[name] = self._kept(name)
            elif now != before:  # both changed it, differently
                self.conflicts[name] = self._shown(name)
            else:
                self.changes.append(name)
        if self.conflicts:
            for name, theirs in self.conflicts.items():
                self.add_error(name, _("Changed meanwhile to “%(value)s”.") % {"value": theirs})
            raise forms.ValidationError(self.conflict_message)
        return data

    def _kept(self, name):
        """The record's current value of the field, as the form's cleaned value."""
        field = self.fields[name]
        try:
            return field.clean(field.prepare_value(self.get_initial_for_field(field, name)))
        except forms.ValidationError:
            return self.cleaned_data[name]

    def _shown(self, name) -> str:
        field = self.fields[name]
        value = self.get_initial_for_field(field, name)
        if isinstance(field, forms.ModelMultipleChoiceField):
            return ", ".join(str(v) for v in value) or "–"
        if hasattr(field, "choices") and not isinstance(field, forms.ModelChoiceField):
            labels = dict(field.choices)
            return str(labels.get(value, value)) or "–"
        if isinstance(field, forms.ModelChoiceField):
            return str(field.queryset.filter(pk=_plain(value)).first() or "–")
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            value = timezone.localtime(value)
        if isinstance(value, str):
            return value or "–"
        return str(formats.localize(value)) if value not in (None, "") else "–"  # as the reader writes dates

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def change_summary(self, people: dict | None = None) -> dict:
        """The changed fields with their new values as facts, for the history: field names, raw values
        (codes, ISO dates, numbers, booleans, names of related records). The history words them in the
        reader's language when it is read. ``people``: how this network shows a person (its own record)."""
        return {name: recorded(self.cleaned_data.get(name), people) for name in self.changes}


def recorded(value, people: dict | None = None):
    """A value as the history keeps it: JSON, language-neutral, short. ``people`` maps a person's id to
    the record a network keeps of them, so that a network's history names people as it knows them."""
    if isinstance(value, models.Model) and people and value._meta.model_name == "person":
        value = people.get(value.pk, value)
    if isinstance(value, models.Model):
        names = getattr(value, "names", None)
        return {"names": names} if isinstance(names, dict) else str(value)[:200]
    if isinstance(value, models.QuerySet | list | tuple | set):
        return [recorded(item, people) for item in value]
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()[:200]
    if isinstance(value, datetime.datetime | datetime.date | datetime.time | Decimal):
        return _plain(value)
    return value


class TranslationsForm:
    """Mix into the ModelForm of a record with texts in several languages (core.models.WrittenInLanguages),
    before EditForm: a choice of the language the texts are written in, and a field per translated field
    and language (``name_tr``), shown folded away (templates: ``core/_translations.html``). A version
    left empty is none: the reader sees the text as written."""

    def __init__(self, *args, **kwargs):
        model = self._meta.model
        instance = kwargs.get("instance")
        versions = (instance.translations or {}) if instance is not None else {}
        initial = dict(kwargs.get("initial") or {})
        for code, _name in settings.LANGUAGES:
            for name in model.translated_fields:
                initial.setdefault(f"{name}_{code}", (versions.get(code) or {}).get(name, ""))
        if instance is None or instance.pk is None:
            initial.setdefault("language", languages.current())  # new texts: most likely in the writer's language
        kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        self.fields["language"] = forms.ChoiceField(
            label=_("Language of the text"),
            choices=[("", "–"), *((code, languages.name_in_words(code)) for code, _name in settings.LANGUAGES)],
            required=False,
            help_text=_("The language the texts are written in."),
        )
        self.translation_names = []
        for code, _name in settings.LANGUAGES:
            for name in model.translated_fields:
                model_field = model._meta.get_field(name)
                label = _("%(field)s in %(language)s") % {
                    "field": texts.capfirst(model_field.verbose_name),
                    "language": languages.name_in_sentence(code),
                }
                if isinstance(model_field, models.TextField):
                    field = forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": 3, "lang": code}))
                else:
                    field = forms.CharField(label=label, max_length=model_field.max_length)
                    field.widget.attrs["lang"] = code
                field.required = False
                self.fields[f"{name}_{code}"] = field
                self.translation_names.append(f"{name}_{code}")

    def translation_groups(self) -> list[tuple[str, str, list]]:
        """Per language: its code, its name in itself, the bound fields of its versions."""
        names = self._meta.model.translated_fields
        return [
            (code, languages.name(code), [self[f"{name}_{code}"] for name in names]) for code, _n in settings.LANGUAGES
        ]

    @property
    def translations_open(self) -> bool:
        """The versions are shown unfolded when one of them has an error (or a conflict)."""
        return any(self.has_error(name) for name in self.translation_names) if self.is_bound else False

    def save(self, commit=True):
        configured = {code for code, _name in settings.LANGUAGES}
        versions = {
            code: dict(fields) for code, fields in (self.instance.translations or {}).items() if code not in configured
        }  # versions in a language no longer offered stay as they are
        for code in configured:
            versions[code] = {
                name: self.cleaned_data.get(f"{name}_{code}") or "" for name in self._meta.model.translated_fields
            }
        self.instance.set_translations(versions)
        return super().save(commit)
