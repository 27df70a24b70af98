"""The annual report: sections that apps register, each built from the network's own data.

A section is a function ``fn(network, year, language) -> dict | None``. The dict names the section
("key", "title"), the "template" that shows it (default: plans/report/_tables.html) and its figures,
usually as "tables": [{"caption", "header": [...], "rows": [[label, figure, ...], ...]}] with this
year's and the previous year's figures side by side; the PDF prints those tables. Sections run in the
report's language (translation.override), so their words are the reader's. Each makes a fixed number
of queries, however large the network.
"""

import datetime
from collections.abc import Callable
from decimal import Decimal

from django.utils import translation

Section = Callable[..., dict | None]
TABLES = "plans/report/_tables.html"

_sections: list[tuple[int, Section]] = []


def register_section(fn: Section, order: int = 50) -> None:
    if all(existing is not fn for _order, existing in _sections):
        _sections.append((order, fn))


def build(network, year: int, language: str) -> list[dict]:
    built = []
    with translation.override(language):
        for _order, fn in sorted(_sections, key=lambda item: item[0]):
            if (section := fn(network, year, language)) is not None:
                section.setdefault("template", TABLES)
                built.append(section)
    return built


def figure(value):
    """A number as a report shows it: whole numbers without decimals, None as it is."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value


def year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
