"""The printable compendium: cover, table of contents, one section per practice."""

import io

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib.units import cm
from reportlab.platypus import ListFlowable, ListItem, PageBreak, Spacer
from reportlab.platypus.tableofcontents import TableOfContents

from erasmi.compendium.template import LIST, SECTIONS
from erasmi.core import languages
from erasmi.core.pdf import STYLES, ErasmiDoc, register_fonts
from erasmi.core.pdf import paragraph as _p


def _practice_story(practice, t, number: int) -> list:
    heading = _p(t.name, "h1", bookmark=f"practice-{number}")
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
                % {"language": languages.name_in_words(t.language)},
                "meta",
            )
        )
    for section in SECTIONS:
        story.append(_p(f"{section.number}. {section.title}", "h2"))
        for f in section.fields:
            value = getattr(practice if f.shared else t, f.key)
            if t.language != languages.current():
                value = practice.in_words_of(f.key, value, languages.current())
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
    register_fonts()
    with translation.override(language):
        buffer = io.BytesIO()
        title = _("Compendium of good practice")
        doc = ErasmiDoc(
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


def practice_pdf(practice, language: str) -> bytes:
    """One practice as PDF bytes, in the language (else its original), as on its page."""
    register_fonts()
    with translation.override(language):
        buffer = io.BytesIO()
        t = practice.translation(language)
        footer = f"ERASMI · {_('Compendium of good practice')} · {t.name}"
        doc = ErasmiDoc(buffer, footer=footer, title=t.name, author="Erasmi", lang=t.language)
        doc.multiBuild(_practice_story(practice, t, 1)[:-1])  # no page break after the last
        return buffer.getvalue()
