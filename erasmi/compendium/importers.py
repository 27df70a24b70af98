"""Reading ERASMI profiles as text extracted from the compendium template.

A profile is a title line, a status line, four numbered sections and, in each
section, rows of `label<TAB>value`. Values are plain text, `;`-separated lists
or bullet lists (`• item` or `<ul><li>item</li></ul>`). The page header and
footer of the extracted PDF (project name, funding disclaimer) are skipped. A row
with an empty label continues the field before it (a list broken by a page).

Labels are matched leniently against the known labels of every language; a
label that matches none takes the field at its position within the section.
"""

import datetime
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import dates, translation
from django.utils.translation import gettext as _

from erasmi.compendium.template import (
    EMAIL,
    LIST,
    SECTIONS,
    STATUS_PREFIXES,
    TITLE_PREFIXES,
    URL,
    YEAR,
)
from erasmi.core.html import to_text

SUPPORTED_LANGUAGES = ("de", "en", "tr", "it", "da")

NOISE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^ERASMI$",
        r"^Empowering Regional Actors",
        r"^for Migrant and Refugee Inclusion$",
        r"^Co-funded by the",
        r"^Erasmus\+ Programme",
        r"^of the European Union$",
        r"^-+(\s*\|?\s*-+)*$",  # table rules left by the conversion ("--<TAB>---")
        r"^\|?[\s|:-]+\|?$",
    )
]
DISCLAIMER = re.compile(r"(Kommission|Commission|Komisyon|Commissione|Kommissionen)", re.IGNORECASE)
LICENCE = re.compile(r"\bCC[ -]BY(?:-[A-Z]{2})*(?: \d\.\d)?", re.IGNORECASE)
HEADING = re.compile(r"^(\d)\s*[.)]\s*(\S.*)$")
YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
NUMBER_RE = re.compile(r"\d[\d.,]*")
LIST_END_WORDS = re.compile(r"\s+(etc|usw|u\. ?a|vb|vs|ecc|osv|m\.m|and more)\.?$", re.IGNORECASE)


class ProfileError(Exception):
    """A file that cannot be imported; the message names file, line and problem."""

    def __init__(self, path, line: int | None, problem: str):
        self.path, self.line, self.problem = str(path), line, problem
        where = f"{self.path}, line {line}" if line else self.path
        super().__init__(f"{where}: {problem}")


@dataclass
class ParsedProfile:
    path: str
    language: str
    title: str = ""
    status_as_of: datetime.date | None = None
    licence: str = ""
    values: dict = field(default_factory=dict)  # field key -> str | list[str] | int
    warnings: list[str] = field(default_factory=list)


def normalise_label(label: str) -> str:
    text = to_text(label).casefold().replace("\u0307", "")
    return re.sub(r"[\W_]+", " ", text).strip()


def _noise(line: str) -> bool:
    if any(p.search(line) for p in NOISE):
        return True
    return len(line) > 120 and "\t" not in line and bool(DISCLAIMER.search(line))


def split_items(value: str) -> list[str]:
    """Bullet or `;` lists as a list of plain-text items."""
    if re.search(r"<li\b", value, re.IGNORECASE):
        raw = re.split(r"<li\b[^>]*>", value, flags=re.IGNORECASE)[1:]
    elif "•" in value:
        raw = value.split("•")
    elif "\n" in value:
        raw = value.split("\n")
    else:
        raw = value.split(";")
    items = [to_text(item).strip(" •-–;") for item in raw]  # noqa: B005 (a set of characters)
    return [item for item in items if item]


def _text(value: str) -> str:
    # Paragraphs stay paragraphs; everything else becomes plain text.
    paragraphs = re.split(r"</p>\s*<p[^>]*>|\n\s*\n", value, flags=re.IGNORECASE)
    return "\n\n".join(p for p in (to_text(p) for p in paragraphs) if p)


def _website(value: str, path, line) -> str:
    hrefs = re.findall(r'href="([^"]+)"', value)
    text = to_text(value)
    text = re.sub(r"^(Website|Webseite|Web sitesi|Sito web|Hjemmeside)\s*:\s*", "", text, flags=re.IGNORECASE)
    return text or (hrefs[0] if hrefs else "")


def _month_names(language: str) -> dict[str, int]:
    with translation.override(language):
        names = {}
        for number in range(1, 13):
            for table in (dates.MONTHS, dates.MONTHS_ALT, dates.MONTHS_3):
                names[str(table[number]).casefold()] = number
        return names


def parse_month(text: str, language: str) -> datetime.date | None:
    """'Dezember 2020' / 'Aralık 2020' / '12/2020' as the first day of that month."""
    year = YEAR_RE.search(text)
    if not year:
        return None
    if numeric := re.search(r"\b(\d{1,2})[./](\d{4})\b", text):
        return datetime.date(int(numeric.group(2)), int(numeric.group(1)), 1)
    names = _month_names(language) | _month_names("en")
    for word in re.findall(r"\w+", text.casefold()):
        if word in names:
            return datetime.date(int(year.group(1)), names[word], 1)
    return datetime.date(int(year.group(1)), 1, 1)


def _label_scores(label: str, section) -> list[tuple[float, str, str]]:
    """(score, field key, language) for each known label of the section's fields."""
    wanted = normalise_label(label)
    scores = []
    for f in section.fields:
        for language, labels in f.labels.items():
            for known in labels:
                ratio = difflib.SequenceMatcher(None, wanted, normalise_label(known)).ratio()
                scores.append((ratio, f.key, language))
    return sorted(scores, reverse=True)


def _section_for(number: int):
    return next((s for s in SECTIONS if s.number == number), None)


def _vote_heading(text: str, votes: dict):
    wanted = normalise_label(text)
    for section in SECTIONS:
        for language, headings in section.headings.items():
            for heading in headings:
                if difflib.SequenceMatcher(None, wanted, normalise_label(heading)).ratio() > 0.8:
                    votes[language] = votes.get(language, 0) + 1


def parse_text(text: str, path="<text>", language: str | None = None) -> ParsedProfile:
    """Parse one profile. Raises ProfileError naming the line and the problem."""
    lines = text.lstrip("\ufeff").splitlines()
    votes: dict[str, int] = {}
    title = ""
    status_text = ""
    licence = ""
    sections: dict[int, int] = {}  # section number -> line number
    rows: dict[int, list[tuple[int, str, str]]] = {}  # section -> (line, label, value)
    current = None
    last_row = None

    for number, raw in enumerate(lines, start=1):
        line = raw.strip().lstrip("#").strip() if raw.strip().startswith("#") else raw.rstrip()
        stripped = line.strip()
        if not stripped:
            continue
        if found := LICENCE.search(stripped):
            licence = licence or found.group(0).upper().replace("-BY", " BY").replace("CC BY", "CC BY")
        if _noise(stripped):
            continue
        if "\t" not in line:
            if heading := HEADING.match(stripped):
                section_number = int(heading.group(1))
                if _section_for(section_number) is None:
                    raise ProfileError(path, number, _("unknown section number %(n)s") % {"n": section_number})
                if section_number in sections:
                    raise ProfileError(path, number, _("section %(n)s appears twice") % {"n": section_number})
                sections[section_number] = number
                rows[section_number] = []
                current, last_row = section_number, None
                _vote_heading(heading.group(2), votes)
                continue
            for lang, prefixes in TITLE_PREFIXES.items():
                for prefix in prefixes:
                    if normalise_label(stripped).startswith(normalise_label(prefix)) and ":" in stripped:
                        title = stripped.split(":", 1)[1].strip()
                        votes[lang] = votes.get(lang, 0) + 2
            for lang, prefixes in STATUS_PREFIXES.items():
                for prefix in prefixes:
                    if normalise_label(stripped).startswith(normalise_label(prefix)) and ":" in stripped:
                        status_text = stripped.split(":", 1)[1].strip()
                        votes[lang] = votes.get(lang, 0) + 2
            continue
        label, _sep, value = line.partition("\t")
        label, value = label.strip(), value.strip()
        if current is None:
            raise ProfileError(path, number, _("a field row comes before the first section heading"))
        if not to_text(label):
            if last_row is None:
                raise ProfileError(path, number, _("a continued value has no field before it"))
            line_no, last_label, last_value = rows[last_row[0]][last_row[1]]
            rows[last_row[0]][last_row[1]] = (line_no, last_label, f"{last_value}\n{value}")
            continue
        rows[current].append((number, label, value))
        last_row = (current, len(rows[current]) - 1)

    if not sections:
        raise ProfileError(
            path, 1, _("this is not an ERASMI profile: no numbered section such as '1. General information' was found")
        )
    for section in SECTIONS:
        if section.required and section.number not in sections:
            raise ProfileError(
                path,
                len(lines),
                _("the required section %(n)s (%(title)s) is missing") % {"n": section.number, "title": section.title},
            )

    assigned: dict[str, tuple[int, str]] = {}
    warnings = []
    for number, section_rows in rows.items():
        section = _section_for(number)
        fields_left = [f.key for f in section.fields]
        unmatched = []
        for position, (line_no, label, value) in enumerate(section_rows):
            scores = [s for s in _label_scores(label, section) if s[1] in fields_left]
            if scores and scores[0][0] >= 0.75:
                _score, key, lang = scores[0]
                votes[lang] = votes.get(lang, 0) + 1
                fields_left.remove(key)
                assigned[key] = (line_no, value)
            else:
                unmatched.append((position, line_no, label, value))
        for position, line_no, label, value in unmatched:
            key = section.fields[position].key if position < len(section.fields) else None
            if key not in fields_left:
                raise ProfileError(
                    path,
                    line_no,
                    _("the label '%(label)s' is not a field of section %(n)s") % {"label": to_text(label), "n": number},
                )
            fields_left.remove(key)
            assigned[key] = (line_no, value)
            warnings.append(f"line {line_no}: '{to_text(label)}' read as {key} by its position")

    if language is None:
        if not votes:
            raise ProfileError(
                path, 1, _("the language of the profile could not be recognised; give it with --language")
            )
        language = max(votes.items(), key=lambda item: item[1])[0]

    profile = ParsedProfile(path=str(path), language=language, title=title, licence=licence, warnings=warnings)
    profile.status_as_of = parse_month(status_text, language) if status_text else None

    kinds = {f.key: f.kind for s in SECTIONS for f in s.fields}
    for key, (line_no, value) in assigned.items():
        kind = kinds[key]
        if kind == LIST:
            items = split_items(value)
            if key in ("fields_of_action", "target_groups"):
                items = [LIST_END_WORDS.sub("", item).strip() for item in items]
            profile.values[key] = items
        elif kind == YEAR:
            found = YEAR_RE.search(to_text(value))
            if not found:
                raise ProfileError(path, line_no, _("'%(value)s' is not a year") % {"value": to_text(value)})
            profile.values[key] = int(found.group(1))
        elif kind == EMAIL:
            email = to_text(value).removeprefix("mailto:")
            try:
                validate_email(email)
            except ValidationError:
                raise ProfileError(
                    path, line_no, _("'%(value)s' is not an e-mail address") % {"value": email}
                ) from None
            profile.values[key] = email
        elif kind == URL:
            profile.values[key] = _website(value, path, line_no)
        else:
            profile.values[key] = _text(value)

    if not profile.values.get("name"):
        raise ProfileError(path, sections[1], _("the name of the network is missing in section 1"))
    return profile


def read_file(path: Path | str, language: str | None = None) -> ParsedProfile:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ProfileError(path, None, _("the file is not UTF-8 text (%(error)s)") % {"error": error.reason}) from None
    except OSError as error:
        raise ProfileError(path, None, error.strerror or str(error)) from None
    return parse_text(text, path, language)
