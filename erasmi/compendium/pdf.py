"""The printable compendium: cover, table of contents, one section per practice."""

import io
from pathlib import Path
from xml.sax.saxutils import escape

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import ListFlowable, ListItem, PageBreak, Paragraph, Spacer
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate
from reportlab.platypus.frames import Frame
from reportlab.platypus.tableofcontents import TableOfContents

from erasmi.compendium.template import LIST, SECTIONS
from erasmi.core import languages

FONTS = Path(__file__).parent / "fonts"
_registered = False


def _register_fonts():
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


class CompendiumDoc(BaseDocTemplate):
    def __init__(self, buffer, footer: str, **kwargs):
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
        canvas.drawString(2 * cm, 1.2 * cm, self.footer)
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, str(doc.page))
        canvas.restoreState()

    def afterFlowable(self, flowable):
        if isinstance(flowable, Paragraph) and flowable.style.name == "h1":
            key = getattr(flowable, "_bookmark", None)
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.getPlainText(), key, level=0)
            self.notify("TOCEntry", (0, flowable.getPlainText(), self.page, key))


def _p(text: str, style: str) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), STYLES[style])


def _practice_story(practice, t, number: int) -> list:
    heading = _p(t.name, "h1")
    heading._bookmark = f"practice-{number}"
    meta = [t.location]
    if practice.founding_year:
        meta.append(_("founded %(year)s") % {"year": practice.founding_year})
    if practice.status_as_of:
        meta.append(
            _("information as of %(date)s") % {"date": formats.date_format(practice.status_as_of, "YEAR_MONTH_FORMAT")}
        )
    if practice.is_example:
        meta.append(_("demonstration example"))
    story = [heading, _p(" · ".join(m for m in meta if m), "meta")]
    if t.language != translation.get_language():
        story.append(
            _p(
                _("This profile is not available in this language; it is shown in %(language)s.")
                % {"language": languages.name(t.language)},
                "meta",
            )
        )
    for section in SECTIONS:
        story.append(_p(f"{section.number}. {section.title}", "h2"))
        for f in section.fields:
            value = getattr(practice if f.shared else t, f.key)
            if value in (None, "", []):
                continue
            story.append(_p(str(f.label), "label"))
            if f.kind == LIST:
                story.append(
                    ListFlowable(
                        [ListItem(_p(item, "body"), leftIndent=12) for item in value],
                        bulletType="bullet",
                        start="•",
                        leftIndent=12,
                    )
                )
            else:
                story.append(_p(str(value), "body"))
    story.append(_p(_("Licence: %(licence)s") % {"licence": practice.licence}, "meta"))
    story.append(PageBreak())
    return story


def compendium_pdf(practices, language: str) -> bytes:
    """The compendium in one language as PDF bytes (practices fall back to their original)."""
    _register_fonts()
    with translation.override(language):
        buffer = io.BytesIO()
        title = _("Compendium of good practice")
        doc = CompendiumDoc(
            buffer, footer=f"ERASMI · {title} · {languages.name(language)}", title=title, author="Erasmi", lang=language
        )
        practices = list(practices)
        story = [
            Spacer(1, 6 * cm),
            _p("ERASMI", "title"),
            _p(title, "title"),
            _p(_("Network-based cooperation for the inclusion of migrants and refugees"), "subtitle"),
            Spacer(1, 1 * cm),
            _p(f"{languages.name(language)} · {formats.date_format(timezone.localdate(), 'DATE_FORMAT')}", "subtitle"),
            _p(_("%(count)s practices") % {"count": len(practices)}, "subtitle"),
            PageBreak(),
            _p(_("Contents"), "h2"),
        ]
        toc = TableOfContents()
        toc.levelStyles = [STYLES["toc1"]]
        story += [toc, PageBreak()]
        for number, practice in enumerate(practices, start=1):
            story += _practice_story(practice, practice.translation(language), number)
        doc.multiBuild(story)
        return buffer.getvalue()
