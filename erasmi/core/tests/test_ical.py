"""The one way calendar files are written."""

import re
from pathlib import Path

ERASMI = Path(__file__).resolve().parents[2]


def test_no_module_but_the_ical_helper_writes_icalendar_or_builds_lines_by_hand():
    offending = [
        str(path.relative_to(ERASMI))
        for path in ERASMI.rglob("*.py")
        if path != ERASMI / "core" / "ical.py"
        and "tests" not in path.parts
        and re.search(r"^\s*(import icalendar|from icalendar)|BEGIN:VEVENT|SUMMARY:", path.read_text(), re.M)
    ]
    assert offending == []
