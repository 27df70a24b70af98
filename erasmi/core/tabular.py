"""Reading tables as people keep them: CSV in any usual dialect, and XLSX workbooks.

The one reader for every importer. CSV files come from Excel in many shapes: with
or without a byte-order mark, in UTF-8, UTF-16 ("Unicode text") or Windows-1252, with
``;`` (German Excel), ``,`` or tabs between cells, with CRLF line ends and quoted cells
that contain the delimiter or line breaks. XLSX workbooks are streamed (read-only), and
reading stops at the row limit, so a huge file is refused without being held in memory.

Rows keep the numbers the spreadsheet program shows (the first row is 1); each cell
passes through ``cells.restore``, so an export reads back unchanged.
"""

import csv
import datetime
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from erasmi.core.cells import restore

DELIMITERS = [";", ",", "\t", "|"]
DELIMITER_NAMES = {
    ";": gettext_lazy("semicolons"),
    ",": gettext_lazy("commas"),
    "\t": gettext_lazy("tabs"),
    "|": gettext_lazy("vertical bars"),
}
# An XLSX is a zip archive; its parts unpacked may not exceed this (a few thousand rows need a few MB).
MAX_COLUMNS = 100  # a member or offer list has a few dozen at most
MAX_UNPACKED = 50 * 1024 * 1024


class TableError(Exception):
    """The file as a whole cannot be read; the message is for the user."""


@dataclass
class Table:
    rows: list[tuple[int, list]]  # (row number as the spreadsheet shows it, cells); empty rows left out
    kind: str = "csv"  # "csv" or "xlsx"
    encoding: str = ""
    delimiter: str = ""
    notes: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """How the file was read, in plain words (for messages about a header that cannot be read)."""
        if self.kind == "xlsx":
            return _("an XLSX workbook (first sheet)")
        return _("a CSV file in %(encoding)s, cells separated by %(delimiter)s") % {
            "encoding": self.encoding,
            "delimiter": DELIMITER_NAMES.get(self.delimiter, self.delimiter),
        }


def key(text) -> str:
    """A name compared loosely: case, accents, spaces, punctuation and gender forms do not matter.

    "Migrant*innen-Selbstorganisation", "MigrantInnenselbstorganisation" and
    "migrantselbstorganisation" have the same key; so have "E-Mail" and "email".
    """
    text = unicodedata.normalize("NFKC", str(text or "")).strip()
    # German gender forms: Migrant*innen, Migrant:innen, Migrant_innen, Migrant/innen, MigrantInnen, Partner*in
    text = re.sub(r"(?<=\w)[*:_·](?:innen|in(?![a-zäöüß]))", "", text)
    text = re.sub(r"(?<=[a-zäöüß])(?:Innen|In(?![a-zäöüß]))", "", text)
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return re.sub(r"[\W_]+", "", text)


YES = {"yes", "y", "ja", "j", "evet", "e", "sì", "si", "s", "x", "true", "wahr", "vero", "sand", "1", "✓", "✔", "oui"}
NO = {"no", "n", "nein", "hayır", "hayir", "h", "nej", "false", "falsch", "falso", "falsk", "0", "-", "–", "—"}
_YES, _NO = {key(w) or w for w in YES}, {key(w) or w for w in NO}


def yes_no(value) -> bool | None:
    """True or False for a yes/no answer in any of the interface languages; None for anything else."""
    if isinstance(value, bool):
        return value
    text = str(value if value is not None else "").strip()
    normalised = key(text) or text
    if normalised in _YES:
        return True
    if normalised in _NO:
        return False
    return None


def text(value) -> str:
    """A cell as text: numbers without a spurious '.0', dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime) and not (value.hour or value.minute or value.second):
        return value.date().isoformat()
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    return str(value).strip()


def decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the name of its encoding (byte-order mark, else UTF-8, else Windows-1252)."""
    for bom, encoding, name in [
        (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8"),
        (b"\xff\xfe", "utf-16", "UTF-16"),
        (b"\xfe\xff", "utf-16", "UTF-16"),
    ]:
        if data.startswith(bom):
            try:
                return data.decode(encoding), name
            except UnicodeDecodeError:
                raise TableError(_("The file says it is %(encoding)s but is not.") % {"encoding": name}) from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "ISO-8859-1"


def _first_record(text: str) -> str:
    """The first non-empty line, continued while a quoted cell spans lines."""
    record, quoted = [], False
    for line in io.StringIO(text, newline=""):
        record.append(line)
        quoted ^= line.count('"') % 2 == 1
        if not quoted and "".join(record).strip():
            break
        if not quoted:
            record = []
    return "".join(record)


def delimiter(text: str) -> str:
    """The delimiter that occurs most often in the header outside quoted cells (a single column: comma)."""
    header = _first_record(text)
    outside = re.sub(r'"(?:[^"]|"")*"', "", header)
    counts = {candidate: outside.count(candidate) for candidate in DELIMITERS}
    best = max(DELIMITERS, key=lambda candidate: counts[candidate])  # ties: the order of DELIMITERS
    return best if counts[best] else ","


def _blank(cells) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)


def _too_many(max_rows: int) -> TableError:
    return TableError(
        _("The file has more than %(n)s rows; split it into several files, please.") % {"n": f"{max_rows:,}"}
    )


def _csv_rows(text: str, separator: str) -> Iterator[tuple[int, list]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, quotechar='"', doublequote=True)
    try:
        yield from enumerate(reader, start=1)
    except csv.Error as error:
        raise TableError(
            _("Row %(n)s of the CSV file cannot be read: %(error)s") % {"n": reader.line_num, "error": error}
        ) from None


def _dimensions_from_the_head(self) -> None:
    """openpyxl's ReadOnlyWorksheet looks for the sheet's <dimension> with end events, so a sheet
    without one is parsed to its end before the first row is read (15 s for a million rows).
    The element precedes <sheetData> by the schema: look only until <sheetData> starts."""
    from xml.etree.ElementTree import iterparse

    from openpyxl.worksheet._reader import DATA_TAG, DIMENSION_TAG
    from openpyxl.worksheet.dimensions import SheetDimension

    with self._get_source() as source:
        for _event, element in iterparse(source, events=("start",)):
            if element.tag == DATA_TAG:
                return
            if element.tag == DIMENSION_TAG and element.get("ref"):
                bounds = SheetDimension(ref=element.get("ref")).boundaries
                self._min_column, self._min_row, self._max_column, self._max_row = bounds
                return


def _xlsx_rows(data: bytes) -> Iterator[tuple[int, list]]:
    from openpyxl import load_workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    ReadOnlyWorksheet._get_size = _dimensions_from_the_head  # see above; rows are read without dimensions anyway

    if not data.startswith(b"PK"):
        raise TableError(_("The file is not an XLSX workbook."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise TableError(_("The file is not an XLSX workbook.")) from None
    if unpacked > MAX_UNPACKED:
        raise TableError(_("The workbook is too large; split it into several files, please."))
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001  (openpyxl raises many kinds)
        raise TableError(_("The workbook cannot be read: %(error)s") % {"error": error}) from None
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # some programs write wrong dimensions; read what is there
        # Only the first columns: a cell far to the right would make every row 16,384 cells wide.
        for number, cells in enumerate(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS), start=1):
            yield number, list(cells)
    except TableError:
        raise
    except Exception as error:  # noqa: BLE001
        raise TableError(_("The workbook cannot be read: %(error)s") % {"error": error}) from None
    finally:
        workbook.close()


def read(name: str, data: bytes, *, max_rows: int) -> Table:
    """The non-empty rows of a CSV or XLSX file; refuses a file with more than ``max_rows`` rows below the first."""
    lower = name.lower()
    if lower.endswith(".xlsx") or data.startswith(b"PK\x03\x04"):  # a workbook, whatever its name says
        table, source = Table(rows=[], kind="xlsx"), _xlsx_rows(data)
    elif lower.endswith((".csv", ".tsv", ".txt")):
        content, encoding = decode(data)
        separator = delimiter(content)
        table, source = Table(rows=[], encoding=encoding, delimiter=separator), _csv_rows(content, separator)
    else:
        raise TableError(_("Upload a CSV or XLSX file."))
    for number, cells in source:
        if _blank(cells):
            continue
        if len(table.rows) > max_rows:  # the first row is the header
            source.close()
            raise _too_many(max_rows)
        while cells and (cells[-1] is None or cells[-1] == ""):
            cells.pop()
        table.rows.append((number, [restore(cell.strip() if isinstance(cell, str) else cell) for cell in cells]))
    if not table.rows:
        raise TableError(_("The file is empty."))
    return table
