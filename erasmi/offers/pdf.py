"""The coordination report as a printable PDF, to bring to a network meeting."""

import io

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.platypus import Table, TableStyle

from erasmi.core.pdf import ErasmiDoc, paragraph, register_fonts


def report_pdf(
    network,
    distance: float,
    overlaps: list[dict],
    unlocated: list,
    rows: list[dict],
    empty_rows: list[dict],
    areas: list,
    language: str,
) -> bytes:
    """The report on a few pages: the gap table has only the categories and target groups with an offer
    somewhere; those with none anywhere are listed once, by category."""
    register_fonts()
    with translation.override(language):
        buffer = io.BytesIO()
        title = _("Coordination report")
        doc = ErasmiDoc(buffer, footer=f"{network.name} · {title}", title=f"{title} – {network.name}", lang=language)
        story = [
            paragraph(f"{title}: {network.name}", "h1"),
            paragraph(formats.date_format(timezone.localdate(), "DATE_FORMAT"), "meta"),
            paragraph(_("Overlaps"), "h2"),
            paragraph(
                _("Offers of the same category for the same target group, at most %(km)s km apart, at the same time.")
                % {"km": formats.localize(distance)},
                "meta",
            ),
        ]
        if not overlaps:
            story.append(paragraph(_("No overlapping offers."), "body"))
        for group in overlaps:
            story.append(paragraph(f"{group['category'].name(language)} · {group['target']}", "label"))
            for offer in group["offers"]:
                place = _("online") if offer.online else f"{offer.address}, {offer.postcode} {offer.city}"
                story.append(paragraph(f"• {offer.title(language)} – {offer.organisation} – {place}", "body"))
        if unlocated:
            story.append(
                paragraph(
                    _("Offers without a place (not compared):") + " " + ", ".join(o.title(language) for o in unlocated),
                    "meta",
                )
            )
        story += [
            paragraph(_("Gaps"), "h2"),
            paragraph(_("Areas without an offer, and with only one, for each category and target group."), "meta"),
        ]
        table = [
            [
                paragraph(_("Category"), "label"),
                paragraph(_("Target group"), "label"),
                paragraph(_("No offer in"), "label"),
                paragraph(_("One offer in"), "label"),
            ]
        ]
        for row in rows:
            empty = [a.name for a, cell in zip(areas, row["cells"], strict=True) if not cell.offers]
            thin = [a.name for a, cell in zip(areas, row["cells"], strict=True) if cell.offers == 1]
            if empty or thin:
                table.append(
                    [
                        paragraph(str(row["category"]), "body"),
                        paragraph(str(row["target"]), "body"),
                        paragraph(", ".join(empty) or "–", "body"),
                        paragraph(", ".join(thin) or "–", "body"),
                    ]
                )
        grid = Table(table, colWidths=[110, 90, 140, 130], repeatRows=1)
        grid.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef2")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(grid)
        outside = [row for row in rows if row["outside"].offers]
        if outside:
            story.append(paragraph(_("Outside the districts"), "label"))
            story.append(
                paragraph(
                    "; ".join(f"{row['category']} · {row['target']}: {row['outside'].offers}" for row in outside),
                    "body",
                )
            )
        if empty_rows:
            story.append(paragraph(_("No offer in any area"), "label"))
            by_category = {}
            for row in empty_rows:
                by_category.setdefault(str(row["category"]), []).append(str(row["target"]))
            for category, targets in by_category.items():
                story.append(paragraph(f"{category}: {', '.join(targets)}", "body"))
        doc.build(story)
        return buffer.getvalue()
