"""The one way text reaches ReportLab."""

import re
from pathlib import Path

from erasmi.core.pdf import markup, one_line

ERASMI = Path(__file__).resolve().parents[2]


def test_no_module_but_the_pdf_helper_builds_a_reportlab_paragraph_or_draws_text():
    allowed = {ERASMI / "core" / "pdf.py"}
    offending = [
        str(path.relative_to(ERASMI))
        for path in ERASMI.rglob("*.py")
        if path not in allowed
        and "tests" not in path.parts
        and re.search(r"\bParagraph\(|import .*\bParagraph\b|\.draw\w*String\(|\bXPreformatted\b", path.read_text())
    ]
    assert offending == []


def test_markup_shows_the_text_as_it_was_typed():
    assert markup('A & B <i>x</i> <img src="/etc/x.png"/>') == (
        'A &amp; B &lt;i&gt;x&lt;/i&gt; &lt;img src="/etc/x.png"/&gt;'
    )
    assert markup("one\r\ntwo\rthree\x00\x1b") == "one<br/>two<br/>three"


def test_a_line_for_the_footer_or_the_outline_has_no_breaks_or_control_characters():
    assert one_line("Network\r\n  Erfurt\x07 <b>") == "Network Erfurt <b>"
