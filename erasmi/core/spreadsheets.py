"""CSV and XLSX files: the one way every export writes rows, so that no cell is a formula.

Every value goes through ``cells.neutralise`` (text that could start a formula gets a
leading apostrophe, as OWASP recommends against CSV injection). In XLSX every text cell is
also written as a string cell, never a formula, and characters that XLSX cannot hold
(control characters) are left out instead of stopping the export. The importers read the
cells back with ``cells.restore``.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from erasmi.core.cells import neutralise

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def csv_text(rows: Iterable[Sequence]) -> str:
    """The rows (the header first) as CSV text, every cell neutralised; None is an empty cell."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow(["" if value is None else neutralise(value) for value in row])
    return out.getvalue()


def csv_response(rows: Iterable[Sequence], filename: str) -> HttpResponse:
    """A CSV download of the rows (see ``csv_text``)."""
    response = HttpResponse(csv_text(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_bytes(header: Sequence[str], rows: Iterable[Sequence], *, title: str, widths: Sequence[int] = ()) -> bytes:
    """A workbook with one sheet: a bold, frozen header row, then the rows.

    Text is a string cell (never a formula), dates and times are real date cells, numbers
    and booleans stay what they are.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]  # the longest sheet name spreadsheet programs accept
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


def _xlsx_value(value):
    if isinstance(value, str):
        return neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return timezone.localtime(value).replace(tzinfo=None)  # XLSX has no time zones
    return value
