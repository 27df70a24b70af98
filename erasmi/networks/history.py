"""The network's history in the reader's language.

Entries keep facts (see HistoryEntry.record): the kind of thing as a stable key ("membership"),
field names, raw values (codes, ISO dates, numbers, names). Here they are worded when read: the
kind by the model's translated name, each field by its label, each value as the reader writes it
(dates, choices by their names, yes/no, "–" for nothing). Each app registers its kinds in ready().
Entries written before (English names, values as text such as "True" or "['panel']") read the same.
"""

import ast
import datetime
import logging
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.text import capfirst as django_capfirst
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

EMPTY = "–"


@dataclass
class Kind:
    model: type[models.Model]
    label: object = None  # default: the model's verbose name
    labels: dict = field(default_factory=dict)  # fields the model lacks (form fields, import columns)
    choices: dict = field(default_factory=dict)  # fields holding codes without choices on the model
    related: tuple = ()  # models whose fields also describe the thing (an imported row: the organisation)
    names_only: bool = False  # show which fields changed, not their values (minutes)
    sentences: dict = field(default_factory=dict)  # action -> its own wording for this kind (a meeting cancelled)

    @property
    def name(self) -> str:
        return str(self.label or self.model._meta.verbose_name)

    def field(self, name: str):
        for model in (self.model, *self.related):
            try:
                return model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
        return None


KINDS: dict[str, Kind] = {}

# Labels of facts that are no model field, shared by several kinds.
COMMON_LABELS = {
    "row": gettext_lazy("row"),
    "role": gettext_lazy("role"),
    "email": gettext_lazy("e-mail address"),
    "version": gettext_lazy("version"),
    "file": gettext_lazy("file"),
    "agreement": gettext_lazy("cooperation agreement signed"),
    "agreement_file": gettext_lazy("signed agreement (file)"),
    "contact": gettext_lazy("contact"),
    "person": gettext_lazy("person"),
    "position": gettext_lazy("place on the waiting list"),
    "mails": gettext_lazy("mails sent"),
    "status": gettext_lazy("status"),
}

SENTENCES = {
    "created": gettext_lazy("%(who)s created %(kind)s “%(what)s”"),
    "changed": gettext_lazy("%(who)s changed %(kind)s “%(what)s”"),
    "imported": gettext_lazy("%(who)s imported %(kind)s “%(what)s”"),
    "uploaded": gettext_lazy("%(who)s uploaded %(kind)s “%(what)s”"),
    "erased": gettext_lazy("%(who)s erased %(kind)s “%(what)s”"),
    "removed": gettext_lazy("%(who)s removed %(kind)s “%(what)s”"),
    "invited": gettext_lazy("%(who)s invited %(kind)s “%(what)s”"),
    "accepted": gettext_lazy("%(who)s accepted the invitation (%(kind)s “%(what)s”)"),
    "declined": gettext_lazy("%(who)s declined the invitation (%(kind)s “%(what)s”)"),
    "registered": gettext_lazy("%(who)s registered for “%(what)s”"),
    "cancelled": gettext_lazy("%(who)s cancelled the registration for “%(what)s”"),
    "moved_up": gettext_lazy("%(who)s moved up from the waiting list for “%(what)s”"),
    "done": gettext_lazy("%(who)s marked %(kind)s “%(what)s” as done"),
    "confirmed": gettext_lazy("%(who)s confirmed that %(kind)s “%(what)s” is current"),
    "closed": gettext_lazy("%(who)s closed %(kind)s “%(what)s”"),
    "reopened": gettext_lazy("%(who)s reopened %(kind)s “%(what)s”"),
    "deleted": gettext_lazy("%(who)s deleted %(kind)s “%(what)s”"),
}


def capfirst(text) -> str:
    """The first letter capitalised as the reader's language does it (Turkish: i → İ)."""
    text = str(text)
    if text[:1] == "i" and (get_language() or "").startswith(("tr", "az")):
        return "İ" + text[1:]
    return django_capfirst(text)


def register(key: str, model: type[models.Model], **options) -> None:
    KINDS[key] = Kind(model, **options)


def kind(key: str) -> Kind | None:
    return KINDS.get(key) or KINDS.get(key.replace(" ", ""))


def kind_name(key: str) -> str:
    found = kind(key)
    return found.name if found else _("other")


def kinds(entries) -> list[tuple[str, str]]:
    """The kinds among the entries, as (key, name in the reader's language), sorted by name."""
    keys = entries.order_by().values_list("object_type", flat=True).distinct()
    return sorted(((key, capfirst(kind_name(key))) for key in keys), key=lambda item: item[1].casefold())


@dataclass
class Described:
    entry: object
    sentence: str
    details: list[tuple[str, str | None]]
    managed: bool = True  # the reader coordinates the network: details and the full history are theirs


def describe(entries) -> list[Described]:
    """Each entry as a sentence and its details (label, value), in the active language. No queries
    beyond the entries' own (select_related("actor") on them)."""
    return [_safely(entry) for entry in entries]


def _safely(entry) -> Described:
    """An entry that cannot be worded (data of an older kind) is shown plainly, never as a server error."""
    try:
        return _describe(entry)
    except Exception:  # noqa: BLE001  (logged; the page lists the rest)
        logger.exception("history entry %s cannot be described", entry.pk)
        return Described(entry, f"{entry.actor or EMPTY}: {entry.object_repr}", [])


def _describe(entry) -> Described:
    found = kind(entry.object_type)
    wording = (found.sentences.get(entry.action) if found else None) or SENTENCES.get(entry.action)
    sentence = (wording or SENTENCES["changed"]) % {
        "who": entry.actor or EMPTY,
        "kind": found.name if found else _("other"),
        "what": entry.object_repr,
    }
    details = [_detail(found, name, value) for name, value in (entry.changes or {}).items()]
    return Described(entry, sentence, details)


def _detail(found: Kind | None, name: str, value) -> tuple[str, str | None]:
    model_field = found.field(name) if found else None
    label = (found.labels.get(name) if found else None) or COMMON_LABELS.get(name)
    if model_field is not None and not isinstance(model_field, models.Field):
        # A reverse relation (e.g. a document's "versions"): named by what it holds, counted as it was.
        related = getattr(model_field, "related_model", None)
        label = label or (related._meta.verbose_name_plural if related is not None else None)
        model_field = None
    if label is None and model_field is not None:
        label = model_field.verbose_name
    if label is None and model_field is None and found:
        label = _version_label(found, name)
    label = capfirst(str(label if label is not None else name.replace("_", " ")))
    if (found and found.names_only) or (value is True and not isinstance(model_field, models.BooleanField)):
        return label, None  # only that it changed
    return label, format_value(value, model_field, found.choices.get(name) if found else None)


def _version_label(found: Kind, name: str) -> str | None:
    """A text's version in a language ("name_tr", see core.forms.TranslationsForm): "Name in Turkish"."""
    from erasmi.core import languages

    base, _sep, code = name.rpartition("_")
    model_field = found.field(base) if base and code in languages.codes() else None
    if not isinstance(model_field, models.Field):
        return None
    return _("%(field)s in %(language)s") % {
        "field": capfirst(model_field.verbose_name),
        "language": languages.name_in_sentence(code),
    }


def format_value(value, model_field=None, choices=None) -> str:
    """A recorded value as the reader writes it."""
    if value is None or value in ("", "None", []):
        return EMPTY
    if isinstance(value, dict) and "names" in value:
        names = value["names"] or {}
        return names.get(get_language()) or names.get("en") or next(iter(names.values()), EMPTY)
    if isinstance(value, str) and value.startswith("[") and value.endswith("]"):
        try:  # written before: a list as text
            value = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            pass
    choices = choices or (model_field.flatchoices if model_field is not None and model_field.choices else None)
    if choices:
        labels = {str(code): label for code, label in choices}
        items = value if isinstance(value, list) else [value]
        return ", ".join(str(labels.get(str(item), item)) for item in items) or EMPTY
    if isinstance(value, list):
        return ", ".join(format_value(item) for item in value) or EMPTY
    if isinstance(model_field, models.BooleanField) or isinstance(value, bool):
        return _("yes") if value in (True, "True", "yes", "true") else _("no")
    if isinstance(model_field, models.DateTimeField) and isinstance(value, str):
        try:
            moment = datetime.datetime.fromisoformat(value)
        except ValueError:
            return value
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return formats.date_format(moment, "DATETIME_FORMAT")
    if isinstance(model_field, models.DateField) and isinstance(value, str):
        try:
            return formats.date_format(datetime.date.fromisoformat(value[:10]), "DATE_FORMAT")
        except ValueError:
            return value
    if isinstance(value, int | float):
        return formats.localize(value)
    if (
        isinstance(value, str)
        and value.isascii()
        and value.isdecimal()
        and isinstance(model_field, models.IntegerField)
    ):
        return formats.localize(int(value))
    if isinstance(value, dict):
        return ", ".join(format_value(item) for item in value.values()) or EMPTY
    return str(value)
