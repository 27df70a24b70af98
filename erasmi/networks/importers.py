"""Reading member lists as coordinators keep them: CSV in any usual dialect, and XLSX.

The columns are found by their names in any of the interface languages (the export's
own column titles among them), with the usual synonyms; so are actor types, sectors,
yes/no answers and language names. Every row is checked and gets a result in plain
words that names the row as the spreadsheet shows it and the column; the import
writes only a file whose rows are all valid.
"""

import datetime
import functools
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.conf.global_settings import LANGUAGES as ALL_LANGUAGES
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from erasmi.core import languages, tabular
from erasmi.core.tabular import TableError as ImportFileError  # noqa: F401  (the views catch it by this name)
from erasmi.networks.models import Organisation

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000

# column -> (label: the export's column title where there is one, synonyms in the five languages)
COLUMNS = {
    "name": (
        gettext_lazy("Organisation"),
        [
            "organization",
            "organisation name",
            "name of the organisation",
            "einrichtung",
            "träger",
            "institution",
            "name der organisation",
            "kurum",
            "kuruluş adı",
            "organizzazione",
            "ente",
            "nome",
            "organisationens navn",
            "navn",
            "mitglied",
            "member",
        ],
    ),
    "actor_type": (
        gettext_lazy("Actor type"),
        [
            "type",
            "typ",
            "akteur",
            "art",
            "kind of actor",
            "aktör",
            "tür",
            "tipo",
            "tipo di ente",
            "aktør",
            "type of actor",
        ],
    ),
    "sector": (gettext_lazy("Sector"), ["bereich", "settore", "sektör"]),
    "street": (
        gettext_lazy("Street"),
        ["straße", "strasse", "adresse", "address", "anschrift", "sokak", "adres", "via", "indirizzo", "gade", "vej"],
    ),
    "postcode": (
        gettext_lazy("Postcode"),
        [
            "plz",
            "postleitzahl",
            "zip",
            "zip code",
            "postal code",
            "posta kodu",
            "cap",
            "codice postale",
            "postnummer",
            "postnr",
        ],
    ),
    "city": (
        gettext_lazy("City"),
        ["ort", "stadt", "wohnort", "town", "place", "şehir", "il", "città", "comune", "by", "kommune"],
    ),
    "languages": (
        gettext_lazy("Languages"),
        ["sprachen", "languages spoken", "gesprochene sprachen", "diller", "lingue", "sprog"],
    ),
    "website": (
        gettext_lazy("Website"),
        ["webseite", "homepage", "internet", "url", "web", "web sitesi", "sito", "sito web", "hjemmeside"],
    ),
    "email": (
        gettext_lazy("E-mail address"),
        [
            "email",
            "e-mail",
            "mail",
            "e-mail-adresse",
            "e-posta",
            "indirizzo email",
            "email organisation",
            "e-mailadresse",
        ],
    ),
    "joined": (
        gettext_lazy("Joined"),
        [
            "member since",
            "beitritt",
            "mitglied seit",
            "eintritt",
            "beitrittsdatum",
            "katılım",
            "katılım tarihi",
            "adesione",
            "data di adesione",
            "indtrådt",
            "medlem siden",
            "joined on",
            "since",
            "seit",
        ],
    ),
    "left": (
        gettext_lazy("Left"),
        [
            "austritt",
            "ausgetreten",
            "austrittsdatum",
            "ayrılış",
            "uscita",
            "udtrådt",
            "left on",
            "member until",
            "mitglied bis",
        ],
    ),
    "agreement_signed": (
        gettext_lazy("Cooperation agreement signed"),
        [
            "agreement signed",
            "agreement",
            "cooperation agreement",
            "kooperationsvereinbarung",
            "kooperationsvereinbarung unterzeichnet",
            "vereinbarung",
            "vereinbarung unterzeichnet",
            "işbirliği anlaşması",
            "anlaşma",
            "accordo di cooperazione",
            "accordo",
            "accordo firmato",
            "samarbejdsaftale",
            "aftale",
        ],
    ),
    "contact_name": (
        gettext_lazy("Contact person"),
        [
            "contact",
            "contact name",
            "ansprechpartner",
            "ansprechperson",
            "kontaktperson",
            "kontakt",
            "ansprechpartner name",
            "irtibat kişisi",
            "yetkili kişi",
            "ilgili kişi",
            "referente",
            "persona di contatto",
            "contatto",
            "kontakt person",
            "ad soyad",
            "adı soyadı",
            "nome e cognome",
            "vor- und nachname",
            "name der ansprechperson",
            "navn på kontaktperson",
        ],
    ),
    "contact_first_name": (
        gettext_lazy("First name"),
        ["vorname", "given name", "ad", "adı", "nome di battesimo", "fornavn", "contact first name"],
    ),
    "contact_last_name": (
        gettext_lazy("Last name"),
        [
            "nachname",
            "surname",
            "family name",
            "familienname",
            "soyad",
            "soyadı",
            "cognome",
            "efternavn",
            "contact last name",
        ],
    ),
    "contact_email": (
        gettext_lazy("Contact person's e-mail"),
        [
            "contact email",
            "contact e-mail",
            "e-mail ansprechpartner",
            "e-mail der ansprechperson",
            "e-mail kontakt",
            "kontakt e-mail",
            "irtibat e-posta",
            "e-mail referente",
            "email referente",
            "kontaktperson e-mail",
            "kontakt email",
        ],
    ),
    "contact_phone": (
        gettext_lazy("Phone"),
        [
            "telephone",
            "telefon",
            "tel",
            "telefonnummer",
            "phone number",
            "mobile",
            "handy",
            "mobil",
            "telefono",
            "cellulare",
            "telefon numarası",
            "contact phone",
            "telefonnummer ansprechpartner",
        ],
    ),
    "working_groups": (
        gettext_lazy("Working groups"),
        [
            "working group",
            "arbeitsgruppen",
            "arbeitsgruppe",
            "ag",
            "ags",
            "çalışma grupları",
            "çalışma grubu",
            "gruppi di lavoro",
            "gruppo di lavoro",
            "arbejdsgrupper",
            "arbejdsgruppe",
        ],
    ),
}
# How the preview says what a column is read as, where the column's name alone leaves it open.
MEANINGS = {
    "email": gettext_lazy("E-mail address of the organisation (not of the contact person)"),
    "website": gettext_lazy("Website of the organisation"),
}
REQUIRED = ["name", "actor_type"]

ACTOR_TYPES = {
    "authority": [
        "public authority",
        "government",
        "municipality",
        "local authority",
        "administration",
        "behörde",
        "verwaltung",
        "stadtverwaltung",
        "kommune",
        "amt",
        "öffentliche verwaltung",
        "jobcenter",
        "ausländerbehörde",
        "kamu",
        "belediye",
        "resmi kurum",
        "ente pubblico",
        "comune",
        "pubblica amministrazione",
        "myndighed",
        "offentlig myndighed",
    ],
    "welfare": [
        "welfare organisation",
        "welfare organization",
        "welfare",
        "wohlfahrtsverband",
        "wohlfahrtsorganisation",
        "freie wohlfahrtspflege",
        "sozialverband",
        "wohlfahrt",
        "yardım kuruluşu",
        "ente di assistenza",
        "velfærdsorganisation",
        "velgørende organisation",
    ],
    "ngo": [
        "non-governmental organisation",
        "non-governmental organization",
        "non-profit",
        "nonprofit",
        "association",
        "charity",
        "verein",
        "e v",
        "eingetragener verein",
        "nichtregierungsorganisation",
        "nro",
        "gemeinnützige organisation",
        "stiftung",
        "sivil toplum kuruluşu",
        "dernek",
        "vakıf",
        "associazione",
        "onlus",
        "organizzazione non governativa",
        "ente del terzo settore",
        "forening",
        "ikke-statslig organisation",
    ],
    "migrant_org": [
        "migrant self-organization",
        "migrant organisation",
        "migrant organization",
        "diaspora organisation",
        "diaspora organization",
        "mso",
        "migrantenselbstorganisation",
        "migrantinnenselbstorganisation",
        "migrantenorganisation",
        "migrantinnenorganisation",
        "migrant*innenorganisation",
        "migrantenverein",
        "migrantselbstorganisation",
        "göçmen derneği",
        "göçmen öz örgütü",
        "göçmen örgütü",
        "göçmen kuruluşu",
        "göçmen örgütleri",
        "associazione di migranti",
        "associazione migranti",
        "organizzazione migranti",
        "migrantforening",
        "indvandrerforening",
        "indvandrerorganisation",
    ],
    "education": [
        "educational institution",
        "school",
        "university",
        "training provider",
        "education",
        "bildungseinrichtung",
        "schule",
        "volkshochschule",
        "vhs",
        "sprachschule",
        "hochschule",
        "universität",
        "bildung",
        "eğitim kurumu",
        "okul",
        "üniversite",
        "istituto di formazione",
        "scuola",
        "università",
        "uddannelsesinstitution",
        "skole",
        "sprogskole",
        "universitet",
    ],
    "company": [
        "business",
        "enterprise",
        "employer",
        "firma",
        "betrieb",
        "arbeitgeber",
        "wirtschaft",
        "işletme",
        "işveren",
        "impresa",
        "società",
        "datore di lavoro",
        "virksomhed",
        "arbejdsgiver",
    ],
    "volunteer_group": [
        "volunteer initiative",
        "volunteers",
        "initiative",
        "grassroots group",
        "civic initiative",
        "ehrenamtliche initiative",
        "ehrenamtsinitiative",
        "bürgerinitiative",
        "freiwilligengruppe",
        "ehrenamt",
        "ehrenamtliche",
        "helferkreis",
        "willkommensinitiative",
        "gönüllü girişimi",
        "gönüllüler",
        "volontariato",
        "gruppo di volontariato",
        "iniziativa di volontari",
        "volontari",
        "frivillig gruppe",
        "frivilligt initiativ",
        "frivillige",
    ],
    "individual": [
        "private person",
        "person",
        "einzelperson",
        "privatperson",
        "birey",
        "kişi",
        "privato",
        "persona fisica",
        "privatperson",
        "enkeltperson",
    ],
}
SECTORS = {
    "state": ["public", "öffentlich", "staat", "kamu", "pubblico", "offentlig"],
    "non_state": [
        "private",
        "non-state",
        "nicht-staatlich",
        "privat",
        "zivilgesellschaft",
        "civil society",
        "sivil",
        "özel",
        "privato",
        "società civile",
        "civilsamfund",
    ],
}
# Languages that Django does not name; names in the five languages -> code.
EXTRA_LANGUAGES = {
    "ku": ["kurdish", "kurdisch", "kürtçe", "curdo", "kurdisk"],
    "ti": ["tigrinya", "tigrinisch", "tigrince", "tigrino"],
    "so": ["somali", "somalisch", "somalice", "somalo"],
    "am": ["amharic", "amharisch", "amharca", "amarico", "amharisk"],
    "prs": ["dari", "darice"],
    "ps": ["pashto", "paschtu", "paschto", "peştuca", "pashtu", "pashto"],
    "fa": ["farsi", "persisch", "farsça", "farsi", "persiano", "persisk"],
    "zh": ["chinese", "chinesisch", "çince", "cinese", "kinesisk"],
}
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y", "%d-%m-%Y", "%Y/%m/%d", "%Y-%m-%d %H:%M:%S"]


@dataclass
class Row:
    number: int  # as the spreadsheet shows it (the header is row 1)
    values: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    action: str = ""  # "new" or "update", filled in by the preview

    def fail(self, column: str, message: str) -> None:
        self.errors.append(_("Column “%(column)s”: %(problem)s") % {"column": column, "problem": message})


@dataclass
class MemberList:
    rows: list[Row]
    used: list[tuple[str, str]]  # (the file's column title, what it is read as)
    ignored: list[str]  # column titles that are not read
    titles: dict[str, str] = field(default_factory=dict)  # column -> its title in the file


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _in_every_language(texts) -> set[str]:
    found = set()
    for code in _languages():
        with translation.override(code):
            found |= {tabular.key(str(text)) for text in texts}
    return found


@functools.cache
def _names(vocabulary: str) -> dict[str, str]:
    """Loose key of every name of an actor type or sector (labels in every language, synonyms, codes) -> value."""
    choices, synonyms = {
        "actor_type": (Organisation.ActorType, ACTOR_TYPES),
        "sector": (Organisation.Sector, SECTORS),
    }[vocabulary]
    names = {}
    for value, words in synonyms.items():
        names.update({tabular.key(word): value for word in words})
    for code in _languages():
        with translation.override(code):
            names.update({tabular.key(label): value for value, label in choices.choices})
    names.update({tabular.key(value): value for value in choices.values})
    return names


def actor_types() -> dict[str, str]:
    return _names("actor_type")


def sectors() -> dict[str, str]:
    return _names("sector")


@functools.cache
def language_names() -> dict[str, str]:
    """Language codes and names (in English, in the language itself, in the five languages) -> code."""
    names = {}
    for code, english in ALL_LANGUAGES:
        for interface in _languages():
            with translation.override(interface):
                names[tabular.key(translation.gettext(english))] = code
        names[tabular.key(english)] = code
        names[tabular.key(LANG_INFO.get(code, {}).get("name_local", english))] = code
    for code, words in EXTRA_LANGUAGES.items():
        names.update({tabular.key(word): code for word in words})
    for code in [*LANG_INFO, *EXTRA_LANGUAGES]:
        names[tabular.key(code)] = code
    return names


@functools.cache
def _column_names() -> dict[str, list[str]]:
    """Loose key of a column title -> the columns it may mean (first the one it means most likely)."""
    names: dict[str, list[str]] = {}
    for column, (label, synonyms) in COLUMNS.items():
        for name in sorted(_in_every_language([label])) + [tabular.key(s) for s in synonyms]:
            names.setdefault(name, [])
            if column not in names[name]:
                names[name].append(column)
    names.setdefault("name", []).extend(["name", "contact_name"])
    return names


def _columns(header: list) -> tuple[dict[str, int], list[tuple[int, str]]]:
    """Column -> position, and the positions of titles that are not read."""
    names = _column_names()
    positions, ignored = {}, []
    candidates = [(index, names.get(tabular.key(title), [])) for index, title in enumerate(header)]
    explicit_name = any(
        options and options[0] == "name" and tabular.key(header[i]) != "name" for i, options in candidates
    )
    for index, options in candidates:
        if tabular.key(header[index]) == "name" and explicit_name:
            options = ["contact_name"]  # "Organisation" and "Name": the name is a person's
        chosen = next((column for column in options if column not in positions), None)
        if chosen is None:
            if str(header[index] or "").strip():
                ignored.append((index, str(header[index]).strip()))
            continue
        positions[chosen] = index
    return positions, ignored


def _date(value, row: Row, column: str):
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
    row.fail(column, _("'%(value)s' is not a date (e.g. 2021-03-31 or 31.03.2021).") % {"value": text})
    return None


def _person_name(text: str) -> tuple[str, str]:
    """First and last name of "Ayşe Yılmaz" or "Yılmaz, Ayşe"."""
    if "," in text:
        last, first = (part.strip() for part in text.split(",", 1))
        return first, last
    parts = text.rsplit(" ", 1)
    return (parts[0], parts[1]) if len(parts) == 2 else (text, "")


def _spoken(value: str, row: Row, column: str) -> list[str]:
    names, codes = language_names(), []
    for token in re.split(r"[,;/|+\n]|\s+(?:und|and|ve|e|og)\s+", value):
        token = token.strip()
        if not token:
            continue
        code = names.get(tabular.key(token))
        if code is None and all(tabular.key(word) in names for word in token.split()):
            codes.extend(names[tabular.key(word)] for word in token.split())  # "de en tr"
            continue
        if code is None:
            row.fail(
                column,
                _("'%(value)s' is not a language we know; use a language code such as de or tr.") % {"value": token},
            )
            continue
        codes.append(code)
    return list(dict.fromkeys(codes))


def _header(table: tabular.Table) -> tuple[int, dict[str, int], list[tuple[int, str]]]:
    """The row that names the columns (one of the first ten), its columns and the titles not read."""
    for position, (_number, cells) in enumerate(table.rows[:10]):
        columns, ignored = _columns(cells)
        if all(column in columns for column in REQUIRED):
            return position, columns, ignored
    first = table.rows[0][1]
    shown = languages.quoted((tabular.text(cell) for cell in first[:12]), " | ") + (" …" if len(first) > 12 else "")
    raise ImportFileError(
        _(
            "No row names the columns %(columns)s. The file was read as %(how)s; its first row reads: %(cells)s. "
            "Name the columns in the first row, e.g. Organisation; Actor type; City; Joined."
        )
        % {
            "columns": languages.quoted(str(COLUMNS[c][0]) for c in REQUIRED),
            "how": table.describe(),
            "cells": shown,
        }
    )


def read_members(name: str, data: bytes, *, max_rows: int | None = None) -> MemberList:
    """The checked rows of a member list; raises ImportFileError when the file itself is unusable."""
    if len(data) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than 5 MB."))
    table = tabular.read(name, data, max_rows=max_rows or MAX_ROWS)
    start, positions, ignored = _header(table)
    header = table.rows[start][1]
    titles = {column: str(header[index]).strip() for column, index in positions.items()}
    types, sector_names = actor_types(), sectors()
    rows, seen = [], {}
    for number, cells in table.rows[start + 1 :]:
        row = Row(number=number)

        def cell(column, cells=cells):
            index = positions.get(column)
            return cells[index] if index is not None and index < len(cells) else None

        def text(column):
            return tabular.text(cell(column))

        name_value = text("name")
        if not name_value:
            row.fail(titles["name"], _("The organisation's name is missing."))
        elif tabular.key(name_value) in seen:
            row.fail(
                titles["name"],
                _("The organisation appears already in row %(n)s.") % {"n": seen[tabular.key(name_value)]},
            )
        else:
            seen[tabular.key(name_value)] = number
        actor_type = types.get(tabular.key(text("actor_type")))
        if actor_type is None:
            row.fail(
                titles["actor_type"],
                _("'%(value)s' is not an actor type; use one of: %(choices)s.")
                % {
                    "value": text("actor_type"),
                    "choices": ", ".join(str(label) for label in Organisation.ActorType.labels),
                },
            )
        sector = ""
        if text("sector"):
            sector = sector_names.get(tabular.key(text("sector")), "")
            if not sector:
                row.fail(
                    titles["sector"], _("'%(value)s' is not a sector (state or non-state).") % {"value": text("sector")}
                )
        email = text("email")
        if email:
            try:
                validate_email(email)
            except ValidationError:
                row.fail(titles["email"], _("'%(value)s' is not an e-mail address.") % {"value": email})
        website = text("website")
        if website and not website.startswith(("http://", "https://")):
            website = f"https://{website}"
        if website:
            try:
                URLValidator()(website)
            except ValidationError:
                row.fail(titles["website"], _("'%(value)s' is not a web address.") % {"value": text("website")})
        joined = _date(cell("joined"), row, titles.get("joined", ""))
        left = _date(cell("left"), row, titles.get("left", ""))
        if joined and left and left < joined:
            row.fail(titles["left"], _("The member left before joining."))
        agreement, signed = None, None
        if text("agreement_signed"):
            answer = tabular.yes_no(cell("agreement_signed"))
            if answer is not None:
                agreement = "yes" if answer else "no"
            else:
                signed = _date(cell("agreement_signed"), row, titles["agreement_signed"])
                agreement = "date" if signed else None
        spoken = _spoken(text("languages"), row, titles.get("languages", ""))
        contact = None
        first, last = text("contact_first_name"), text("contact_last_name")
        if text("contact_name") and not (first or last):
            first, last = _person_name(text("contact_name"))
        contact_email, phone = text("contact_email"), text("contact_phone")
        if first or last or contact_email or phone:
            contact = {"first_name": first, "last_name": last, "email": contact_email, "phone": phone}
            if not (first or last):
                column = (
                    titles.get("contact_name")
                    or titles.get("contact_last_name")
                    or titles.get("contact_email", titles.get("contact_phone", ""))
                )
                row.fail(column, _("The contact person's name is missing."))
            if contact_email:
                try:
                    validate_email(contact_email)
                except ValidationError:
                    row.fail(
                        titles["contact_email"], _("'%(value)s' is not an e-mail address.") % {"value": contact_email}
                    )
        groups = [part.strip() for part in re.split(r"[,;\n]", text("working_groups")) if part.strip()]
        if text("working_groups") and contact is None:
            row.fail(
                titles["working_groups"],
                _("Working groups are made of people: name a contact person in this row to put in the groups."),
            )
        row.values = {
            "name": name_value,
            "actor_type": actor_type or "",
            "sector": sector,
            "street": text("street"),
            "postcode": text("postcode"),
            "city": text("city"),
            "languages": spoken,
            "website": website,
            "email": email,
            "joined": joined.isoformat() if joined else None,
            "left": left.isoformat() if left else None,
            "agreement": agreement,
            "agreement_signed": signed.isoformat() if signed else None,
            "contact": contact,
            "working_groups": groups,
            "working_groups_cell": text("working_groups"),
        }
        rows.append(row)
    if not rows:
        raise ImportFileError(_("The file names the columns but has no rows below them."))
    used = [
        (titles[column], str(MEANINGS.get(column, COLUMNS[column][0])))
        for column in sorted(positions, key=positions.get)
    ]
    return MemberList(rows=rows, used=used, ignored=[title for _index, title in ignored], titles=titles)
