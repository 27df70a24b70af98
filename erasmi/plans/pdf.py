"""The action plan and the annual report as printable PDFs (user text through core.pdf.paragraph)."""

import io

from django.template.defaultfilters import floatformat
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.platypus import Table, TableStyle

from erasmi.core.pdf import ErasmiDoc, paragraph, register_fonts

EMPTY = "–"


def _cell(value) -> str:
    if value is None or value == "":
        return EMPTY
    if hasattr(value, "as_tuple"):
        # Decimals as on the page: "150", "100,50" (no trailing ",00").
        return str(floatformat(value, "-2"))
    if isinstance(value, int | float):
        return str(formats.localize(value, use_l10n=True))
    if hasattr(value, "isoformat"):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return str(value)


def _table(header: list, rows: list, widths=None) -> Table:
    data = [[paragraph(str(h), "label") for h in header]]
    data += [[paragraph(_cell(value), "body") for value in row] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef2")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _doc(buffer, network, title: str, language: str) -> ErasmiDoc:
    return ErasmiDoc(buffer, footer=f"{network.name} · {title}", title=f"{title} – {network.name}", lang=language)


def plan_pdf(plan, goals, language: str) -> bytes:
    register_fonts()
    with translation.override(language):
        buffer = io.BytesIO()
        network = plan.network
        doc = _doc(buffer, network, plan.title, language)
        period = f"{formats.date_format(plan.starts, 'DATE_FORMAT')} – {formats.date_format(plan.ends, 'DATE_FORMAT')}"
        story = [paragraph(f"{plan.title}: {network.name}", "h1"), paragraph(period, "meta")]
        for number, goal in enumerate(goals, start=1):
            story.append(paragraph(f"{number}. {goal.title}", "h2", bookmark=f"goal-{goal.pk}"))
            if goal.description:
                story.append(paragraph(goal.description, "body"))
            for measure in goal.measures.all():
                story.append(paragraph(measure.title, "label"))
                facts = [
                    f"{_('Status')}: {measure.get_status_display()} ({measure.progress} %)",
                    f"{_('Deadline')}: {_cell(measure.deadline)}",
                ]
                if measure.lead:
                    facts.append(f"{_('Lead organisation')}: {measure.lead.name}")
                if partners := [o.name for o in measure.partners.all()]:
                    facts.append(f"{_('Partner organisations')}: {', '.join(partners)}")
                if measure.working_group:
                    facts.append(f"{_('Working group')}: {measure.working_group.name}")
                if measure.is_overdue():
                    facts.append(_("Overdue"))
                elif measure.is_at_risk():
                    facts.append(_("At risk"))
                story.append(paragraph(" · ".join(facts), "meta"))
                if measure.description:
                    story.append(paragraph(measure.description, "body"))
                indicators = list(measure.indicators.all())
                if indicators:
                    header = [_("Indicator"), _("Unit"), _("Baseline"), _("Target"), _("Actual")]
                    rows = [[i.name, i.unit, i.baseline, i.target, i.actual] for i in indicators]
                    story.append(_table(header, rows, widths=[170, 60, 70, 70, 70]))
        if not goals:
            story.append(paragraph(_("The plan has no goals yet."), "body"))
        doc.build(story)
        return buffer.getvalue()


def report_pdf(network, year: int, sections: list[dict], narratives: dict, targets: list, language: str) -> bytes:
    register_fonts()
    with translation.override(language):
        buffer = io.BytesIO()
        title = _("Annual report %(year)s") % {"year": year}
        doc = _doc(buffer, network, title, language)
        story = [
            paragraph(f"{title}: {network.name}", "h1"),
            paragraph(formats.date_format(timezone.localdate(), "DATE_FORMAT"), "meta"),
        ]
        if narratives.get("introduction"):
            story.append(paragraph(narratives["introduction"], "body"))
        for section in sections:
            story.append(paragraph(section["title"], "h2", bookmark=section["key"]))
            for table in section.get("tables", []):
                story.append(paragraph(table["caption"], "label"))
                if table["rows"]:
                    story.append(_table(table["header"], table["rows"]))
                elif section.get("empty"):
                    story.append(paragraph(section["empty"], "meta"))
            if narratives.get(section["key"]):
                story.append(paragraph(narratives[section["key"]], "body"))
        story.append(paragraph(_("Target figures for %(year)s") % {"year": year + 1}, "h2", bookmark="targets"))
        if targets:
            header = [_("Indicator"), _("Unit"), _("Baseline"), _("Target")]
            story.append(_table(header, [[t.name, t.unit, t.baseline, t.target] for t in targets]))
        else:
            story.append(paragraph(_("No target figures set yet."), "meta"))
        doc.build(story)
        return buffer.getvalue()
