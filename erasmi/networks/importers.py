"""Reading member lists as coordinators keep them: CSV (comma or semicolon, UTF-8 or
Windows-1252, as Excel writes them) and XLSX.

Every row is checked and gets a result in plain words; the import writes only a
file whose rows are all valid.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import translation
from django.utils.translation import gettext as _

from erasmi.core import languages
from erasmi.networks.models import Organisation

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000

# column -> header names accepted (compared case- and punctuation-insensitively)
COLUMNS = {
    "name": ["organisation", "organization", "name", "organisation name", "einrichtung", "kurum", "organizzazione"],
    "actor_type": ["actor type", "akteurstyp", "akteur", "typ", "type", "aktör türü", "tipo di attore", "aktørtype"],
    "sector": ["sector", "sektor", "sektör", "settore"],
    "street": ["street", "straße", "strasse", "adresse", "address", "via", "gade"],
    "postcode": ["postcode", "plz", "postleitzahl", "zip", "posta kodu", "cap", "postnummer"],
    "city": ["city", "ort", "stadt", "şehir", "città", "by"],
    "languages": ["languages", "sprachen", "diller", "lingue", "sprog"],
    "website": ["website", "webseite", "homepage", "web sitesi", "sito web", "hjemmeside"],
    "email": ["email", "e-mail", "e mail", "mail", "e-posta", "e-mail-adresse"],
    "joined": ["joined", "member since", "beitritt", "mitglied seit", "eintritt", "katılım", "adesione", "indtrådt"],
    "left": ["left", "austritt", "ausgetreten", "ayrılış", "uscita", "udtrådt"],
    "agreement_signed": [
        "agreement signed",
        "cooperation agreement signed",
        "kooperationsvereinbarung",
        "kooperationsvereinbarung unterzeichnet",
        "vereinbarung",
        "işbirliği anlaşması",
        "accordo di cooperazione",
        "samarbejdsaftale",
    ],
}
REQUIRED = ["name", "actor_type"]
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%Y/%m/%d"]


class ImportFileError(Exception):
    """The file as a whole cannot be read."""


@dataclass
class Row:
    number: int  # as the spreadsheet shows it (the header is row 1)
    values: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    action: str = ""  # "new" or "update", filled in by the preview


def _key(text) -> str:
    return re.sub(r"[\W_]+", " ", str(text or "").casefold()).strip()


def _labels(choices) -> dict[str, str]:
    """The labels of a set of choices in every configured language (and the codes) -> code."""
    names = {}
    for code in languages.codes():
        with translation.override(code):
            for value, label in choices.choices:
                names[_key(label)] = value
    for value in choices.values:
        names[_key(value)] = value
    return names


def _table(name: str, data: bytes) -> list[list]:
    if len(data) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than 5 MB."))
    lower = name.lower()
    if lower.endswith(".xlsx"):
        if not data.startswith(b"PK"):
            raise ImportFileError(_("The file is not an XLSX workbook."))
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        except Exception as error:  # noqa: BLE001  (openpyxl raises many kinds)
            raise ImportFileError(_("The workbook cannot be read: %(error)s") % {"error": error}) from None
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    if lower.endswith(".csv"):
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        return [row for row in csv.reader(io.StringIO(text), dialect)]
    raise ImportFileError(_("Upload a CSV or XLSX file."))


def _date(value, row: Row, label: str):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    row.errors.append(
        _("'%(value)s' in the column %(column)s is not a date (e.g. 2021-03-31 or 31.03.2021).")
        % {
            "value": text,
            "column": label,
        }
    )
    return None


def read_members(name: str, data: bytes) -> list[Row]:
    """Rows of a member list, each checked; raises ImportFileError when the file itself is unusable."""
    table = [row for row in _table(name, data) if any(cell not in (None, "") for cell in row)]
    if not table:
        raise ImportFileError(_("The file is empty."))
    header = [_key(cell) for cell in table[0]]
    positions = {}
    for column, names in COLUMNS.items():
        for index, cell in enumerate(header):
            if cell in {_key(n) for n in names}:
                positions[column] = index
                break
    missing = [column for column in REQUIRED if column not in positions]
    if missing:
        labels = {"name": _("Organisation"), "actor_type": _("Actor type")}
        raise ImportFileError(
            _("The first row must name the columns; missing: %(columns)s.")
            % {"columns": ", ".join(str(labels[c]) for c in missing)}
        )
    if len(table) - 1 > MAX_ROWS:
        raise ImportFileError(_("The file has more than %(n)s rows.") % {"n": MAX_ROWS})
    actor_types, sectors = _labels(Organisation.ActorType), _labels(Organisation.Sector)
    rows, seen = [], {}
    for number, cells in enumerate(table[1:], start=2):
        row = Row(number=number)

        def cell(column, cells=cells):
            index = positions.get(column)
            value = cells[index] if index is not None and index < len(cells) else None
            return value.strip() if isinstance(value, str) else value

        name_value = str(cell("name") or "").strip()
        if not name_value:
            row.errors.append(_("The organisation's name is missing."))
        elif _key(name_value) in seen:
            row.errors.append(_("The organisation appears already in row %(n)s.") % {"n": seen[_key(name_value)]})
        else:
            seen[_key(name_value)] = number
        actor_type = actor_types.get(_key(cell("actor_type")))
        if actor_type is None:
            row.errors.append(
                _("'%(value)s' is not an actor type; use one of: %(choices)s.")
                % {
                    "value": cell("actor_type") or "",
                    "choices": ", ".join(str(label) for label in Organisation.ActorType.labels),
                }
            )
        sector = ""
        if cell("sector"):
            sector = sectors.get(_key(cell("sector")), "")
            if not sector:
                row.errors.append(_("'%(value)s' is not a sector (state or non-state).") % {"value": cell("sector")})
        email = str(cell("email") or "")
        if email:
            try:
                validate_email(email)
            except ValidationError:
                row.errors.append(_("'%(value)s' is not an e-mail address.") % {"value": email})
        website = str(cell("website") or "")
        if website and not website.startswith(("http://", "https://")):
            website = f"https://{website}"
        if website:
            try:
                URLValidator()(website)
            except ValidationError:
                row.errors.append(_("'%(value)s' is not a web address.") % {"value": cell("website")})
        joined = _date(cell("joined"), row, _("Joined"))
        left = _date(cell("left"), row, _("Left"))
        if joined and left and left < joined:
            row.errors.append(_("The member left before joining."))
        spoken = [code.strip().lower() for code in re.split(r"[,;/ ]+", str(cell("languages") or "")) if code.strip()]
        row.values = {
            "name": name_value,
            "actor_type": actor_type or "",
            "sector": sector,
            "street": str(cell("street") or ""),
            "postcode": str(cell("postcode") or ""),
            "city": str(cell("city") or ""),
            "languages": spoken,
            "website": website,
            "email": email,
            "joined": joined.isoformat() if joined else None,
            "left": left.isoformat() if left else None,
            "agreement_signed": (
                d.isoformat()
                if (d := _date(cell("agreement_signed"), row, _("Cooperation agreement signed")))
                else None
            ),
        }
        rows.append(row)
    return rows
