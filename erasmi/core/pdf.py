"""PDF basics shared by the printable documents: fonts with all the characters of the five
languages (DejaVu, vendored), paragraph styles, and a page template with footer, page
numbers and an outline.

ReportLab reads a paragraph's text as markup (``<i>``, ``<img src=...>``, ``<a href=...>``).
User text must never be read that way: a name like ``Integration <i>plus`` would stop the
whole document, and ``<img src="/a/server/file"/>`` would embed a file of the server. So
``paragraph()`` is the only way text becomes a Paragraph (a test checks no other module
builds one), and the table of contents and the outline get the same escaped text.
"""

import re
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate
from reportlab.platypus.frames import Frame

FONTS = Path(__file__).parent / "fonts"
_registered = False


def register_fonts():
    global _registered
    if not _registered:
        pdfmetrics.registerFont(TTFont("DejaVu", FONTS / "DejaVuSans.ttf"))
        pdfmetrics.registerFont(TTFont("DejaVu-Bold", FONTS / "DejaVuSans-Bold.ttf"))
        pdfmetrics.registerFontFamily(
            "DejaVu", normal="DejaVu", bold="DejaVu-Bold", italic="DejaVu", boldItalic="DejaVu-Bold"
        )
        _registered = True


STYLES = {
    "title": ParagraphStyle(
        "title", fontName="DejaVu-Bold", fontSize=28, leading=34, alignment=TA_CENTER, spaceAfter=20
    ),
    "subtitle": ParagraphStyle("subtitle", fontName="DejaVu", fontSize=14, leading=20, alignment=TA_CENTER),
    "h1": ParagraphStyle(
        "h1", fontName="DejaVu-Bold", fontSize=18, leading=22, spaceAfter=8, textColor=colors.HexColor("#0b4f6c")
    ),
    "h2": ParagraphStyle("h2", fontName="DejaVu-Bold", fontSize=12.5, leading=16, spaceBefore=10, spaceAfter=4),
    "label": ParagraphStyle(
        "label", fontName="DejaVu-Bold", fontSize=9.5, leading=12, spaceBefore=4, textColor=colors.HexColor("#333333")
    ),
    "body": ParagraphStyle("body", fontName="DejaVu", fontSize=9.5, leading=13),
    "meta": ParagraphStyle("meta", fontName="DejaVu", fontSize=9, leading=12, textColor=colors.HexColor("#444444")),
    "toc1": ParagraphStyle("toc1", fontName="DejaVu", fontSize=10.5, leading=15),
}


class ErasmiDoc(BaseDocTemplate):
    def __init__(self, buffer, footer: str, **kwargs):
        if "title" in kwargs:
            kwargs["title"] = one_line(kwargs["title"])
        super().__init__(
            buffer, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm, bottomMargin=2 * cm, **kwargs
        )
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="normal")
        self.footer = footer
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._footer)])

    def _footer(self, canvas, doc):
        canvas.saveState()
        canvas.setFont("DejaVu", 8)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(2 * cm, 1.2 * cm, one_line(self.footer))
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, str(doc.page))
        canvas.restoreState()

    def afterFlowable(self, flowable):
        key = getattr(flowable, "_bookmark", None)
        if key:
            title = one_line(flowable._erasmi_text)
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=0)  # a PDF string, not markup
            self.notify("TOCEntry", (0, markup(title), self.page, key))  # the contents read it as markup


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def one_line(text: str) -> str:
    """Text for a single line drawn on the page or shown in the outline: no line breaks, no control characters."""
    return " ".join(_CONTROL.sub("", str(text)).split())


def markup(text: str) -> str:
    """User text as ReportLab paragraph markup that shows exactly that text (line breaks kept)."""
    text = _CONTROL.sub("", str(text)).replace("\r\n", "\n").replace("\r", "\n")
    return escape(text).replace("\n", "<br/>")


def paragraph(text: str, style: str, *, bookmark: str | None = None) -> Paragraph:
    """A paragraph showing ``text`` literally; with ``bookmark`` it is listed in the contents and the outline."""
    flowable = Paragraph(markup(text), STYLES[style])
    flowable._erasmi_text = str(text)
    if bookmark:
        flowable._bookmark = bookmark
    return flowable
