"""Spreadsheet cells: the one place where user text is made safe for CSV and XLSX, and read back.

A value that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is taken
for a formula by Excel and LibreOffice. As OWASP recommends ("CSV Injection"), such a
value is written with a leading apostrophe, so the program shows it as text; the
importers take the apostrophe off again, so an export reads back unchanged.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _needs_apostrophe(text: str) -> bool:
    # Text that already begins with apostrophes before a formula start gets one more, so
    # that ``restore`` gives back exactly what was typed ("'=x" is written "''=x").
    return text.lstrip("'").startswith(FORMULA_STARTS)


def neutralise(value):
    """The value as a spreadsheet cell: text that could start a formula gets a leading apostrophe."""
    if isinstance(value, str) and _needs_apostrophe(value):
        return "'" + value
    return value


def restore(value):
    """The inverse of ``neutralise`` for a cell read from a file (other values pass unchanged)."""
    if isinstance(value, str) and value.startswith("'") and _needs_apostrophe(value[1:]):
        return value[1:]
    return value
