"""CSV and XLSX files: the one way every export writes rows, so that no cell is a formula.

Every value goes through ``cells.neutralise`` (text that could start a formula gets a
leading apostrophe, as OWASP recommends against CSV injection). In XLSX every text cell is
also written as a string cell, never a formula, and characters that XLSX cannot hold
(control characters) are left out instead of stopping the export. The importers read the
cells back with ``cells.restore``.
"""

import csv
import datetime
import decimal
import io
import re
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from django.utils import formats, timezone
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from erasmi.core.cells import neutralise

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def csv_text(rows: Iterable[Sequence], *, local: bool = False) -> str:
    """The rows (the header first) as CSV text, every cell neutralised; None is an empty cell.

    ``local``: as the reader's spreadsheet program opens a file by double click: separated by ``;``
    where the reader's language writes decimals with a comma (German, Danish, Italian, Turkish Excel
    expect that), numbers written as the reader writes them ("1,5"), starting with a byte order mark so
    that Excel reads UTF-8. Without it: plain CSV (``,``, "1.5") for programs to read.
    """
    out = io.StringIO()
    delimiter = ","
    if local:
        out.write("\ufeff")
        delimiter = ";" if formats.get_format("DECIMAL_SEPARATOR") == "," else ","
    writer = csv.writer(out, delimiter=delimiter)
    for row in rows:
        writer.writerow(["" if value is None else _csv_value(value, local) for value in row])
    return out.getvalue()


def _csv_value(value, local: bool):
    if local and isinstance(value, float | decimal.Decimal):
        return formats.number_format(value, use_l10n=True)
    return neutralise(value)


def csv_response(rows: Iterable[Sequence], filename: str, *, local: bool = False) -> HttpResponse:
    """A CSV download of the rows (see ``csv_text``)."""
    response = HttpResponse(csv_text(rows, local=local), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_bytes(header: Sequence[str], rows: Iterable[Sequence], *, title: str, widths: Sequence[int] = ()) -> bytes:
    """A workbook with one sheet: a bold, frozen header row, then the rows.

    Text is a string cell (never a formula), dates and times are real date cells, numbers
    and booleans stay what they are.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(title)
    for row in [header, *rows]:
        sheet.append([_xlsx_value(value) for value in row])
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
            elif isinstance(cell.value, datetime.date):
                cell.number_format = "yyyy-mm-dd hh:mm" if isinstance(cell.value, datetime.datetime) else "yyyy-mm-dd"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for number, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def sheet_title(title: str) -> str:
    """A user's title as a sheet name: without the characters spreadsheet programs refuse there
    ([ ] : * ? / \\ and an apostrophe at either end), at most 31 characters, never empty."""
    cleaned = " ".join(re.sub(r"[\[\]:*?/\\]", " ", ILLEGAL_CHARACTERS_RE.sub("", str(title))).split())
    return cleaned[:31].strip(" '") or "Sheet"


def _xlsx_value(value):
    if isinstance(value, str):
        return neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return timezone.localtime(value).replace(tzinfo=None)  # XLSX has no time zones
    return value
