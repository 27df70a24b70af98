"""The action plan as an XLSX file: one row per measure and indicator."""

from django.utils.translation import gettext as _

from erasmi.core.spreadsheets import xlsx_bytes


def plan_xlsx(plan, goals) -> bytes:
    header = [
        _("Goal"),
        _("Measure"),
        _("Lead organisation"),
        _("Partner organisations"),
        _("Working group"),
        _("Deadline"),
        _("Status"),
        _("Progress (%)"),
        _("Indicator"),
        _("Unit"),
        _("Baseline"),
        _("Target"),
        _("Actual"),
        _("Measured on"),
    ]
    rows = []
    for goal in goals:
        for measure in goal.measures.all():
            common = [
                goal.title,
                measure.title,
                measure.lead.name if measure.lead else None,
                ", ".join(o.name for o in measure.partners.all()),
                measure.working_group.name if measure.working_group else None,
                measure.deadline,
                measure.get_status_display(),
                measure.progress,
            ]
            indicators = list(measure.indicators.all()) or [None]
            for indicator in indicators:
                if indicator is None:
                    rows.append([*common, None, None, None, None, None, None])
                    continue
                latest = indicator.latest()
                rows.append(
                    [
                        *common,
                        indicator.name,
                        indicator.unit,
                        indicator.baseline,
                        indicator.target,
                        latest.value if latest else None,
                        latest.date if latest else None,
                    ]
                )
    return xlsx_bytes(
        header, rows, title=_("Action plan"), widths=[30, 36, 30, 36, 22, 12, 12, 10, 30, 12, 10, 10, 10, 12]
    )
