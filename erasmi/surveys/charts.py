"""Bar charts drawn on the server as SVG: they print, and need no JavaScript.

A chart is a list of rows, each a label and one value per series (e.g. this year and last year). The
template erasmi/templates/surveys/_chart.html draws what ``bars`` computes; a table beside each chart
gives the same figures to screen readers.
"""

from django.template.defaultfilters import floatformat

WIDTH = 400
LABEL = 18  # height of a row's label line
BAR = 14
GAP = 10


def bars(rows: list[tuple[str, list]], *, maximum: float, unit: str = "") -> dict:
    """Geometry of a horizontal bar chart: ``rows`` are (label, [value per series]); None draws no bar."""
    drawn, y = [], 0
    series = max((len(values) for _label, values in rows), default=1)
    span = WIDTH - 60
    for label, values in rows:
        short = label if len(label) <= 64 else label[:63] + "…"
        row = {"label": short, "y": str(y + LABEL - 5), "bars": []}
        y += LABEL
        for index, value in enumerate(values):
            width = 0 if not value or not maximum else max(1, round(span * float(value) / maximum, 1))
            if value is None:
                shown = "–"
            else:
                # As the table beside it writes it (floatformat rounds half up, as the reader expects).
                shown = floatformat(value, 1) if isinstance(value, float) else str(value)
                shown += unit
            row["bars"].append(
                {
                    "y": str(y),
                    "width": str(width),  # strings: a template would write 12,5 in German
                    "text_x": str(width + 4),
                    "text_y": str(y + BAR - 3),
                    "value": shown,
                    "series": index,
                }
            )
            y += BAR + 2
        y += GAP
        drawn.append(row)
    return {"rows": drawn, "width": str(WIDTH), "height": str(max(y, 1)), "series": series}
