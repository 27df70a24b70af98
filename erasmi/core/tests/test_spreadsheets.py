"""The one way exports write CSV and XLSX."""

import csv
import datetime
import io
import re
from pathlib import Path

from openpyxl import load_workbook

from erasmi.core.spreadsheets import csv_text, xlsx_bytes

ERASMI = Path(__file__).resolve().parents[2]


def test_no_module_but_the_spreadsheet_helper_writes_csv_or_xlsx():
    offending = [
        str(path.relative_to(ERASMI))
        for path in ERASMI.rglob("*.py")
        if path != ERASMI / "core" / "spreadsheets.py"
        and "tests" not in path.parts
        and re.search(r"csv\.writer|DictWriter|\bWorkbook\(", path.read_text())
    ]
    assert offending == []


def test_csv_cells_that_could_start_a_formula_are_text():
    text = csv_text([["name", "amount"], ["=1+1", -3], ["\tTab", None], ["Plain", 2.5]])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["name", "amount"], ["'=1+1", "-3"], ["'\tTab", ""], ["Plain", "2.5"]]


def test_xlsx_text_is_never_a_formula_and_dates_are_dates():
    moment = datetime.datetime(2027, 7, 1, 16, 0, tzinfo=datetime.UTC)
    data = xlsx_bytes(
        ["Name", "Day", "Moment", "Count"],
        [["=SUM(A1:A9)", datetime.date(2027, 1, 2), moment, 3], ["a\x00b", None, None, -1]],
        title="A sheet with a title far longer than thirty-one characters",
    )
    sheet = load_workbook(io.BytesIO(data)).active
    assert [cell.value for cell in sheet[2]] == [
        "'=SUM(A1:A9)",
        datetime.datetime(2027, 1, 2),
        datetime.datetime(2027, 7, 1, 18, 0),  # local time of the platform (Europe/Berlin)
        3,
    ]
    assert sheet["A2"].data_type == "s" and sheet["A3"].value == "ab" and sheet["D3"].value == -1
    assert sheet.title == "A sheet with a title far longer"


def test_a_csv_for_the_readers_excel_uses_their_separator_and_decimals_and_still_neutralises_formulas():
    from django.utils import translation

    rows = [["Name", "Stunden"], ["=1+1", 2.5], ["Kurs; abends", 3]]
    with translation.override("de"):
        text = csv_text(rows, local=True)
    assert text.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(text[1:]), delimiter=";")) == [
        ["Name", "Stunden"],
        ["'=1+1", "2,5"],
        ["Kurs; abends", "3"],
    ]
    with translation.override("en"):
        english = csv_text(rows, local=True)
    assert list(csv.reader(io.StringIO(english[1:])))[1] == ["'=1+1", "2.5"]
    assert csv_text(rows) == csv_text(rows, local=False)  # plain CSV for programs is unchanged


def test_a_title_with_characters_spreadsheets_refuse_becomes_a_sheet_name_they_accept():
    import io

    import openpyxl

    from erasmi.core.spreadsheets import sheet_title, xlsx_bytes

    assert sheet_title("Bilanz 1/2026: [Teil A]?") == "Bilanz 1 2026 Teil A"
    assert sheet_title("'quoted'") == "quoted"
    assert sheet_title("/*?") == "Sheet"
    assert len(sheet_title("x" * 100)) == 31
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(["a"], [["b"]], title="a\\b*c")))
    assert workbook.active.title == "a b c"
