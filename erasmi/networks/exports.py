"""The member list as an XLSX file that spreadsheet programs open."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font


def members_xlsx(network, memberships) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Members")[:31]
    header = [
        _("Organisation"),
        _("Actor type"),
        _("Sector"),
        _("City"),
        _("Languages"),
        _("Joined"),
        _("Left"),
        _("Cooperation agreement signed"),
        _("Website"),
        _("E-mail address"),
    ]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for m in memberships:
        o = m.organisation
        sheet.append(
            [
                o.name,
                o.get_actor_type_display(),
                o.get_sector_display(),
                o.city,
                ", ".join(o.languages),
                m.joined,
                m.left,
                m.agreement_signed,
                o.website,
                o.email,
            ]
        )
    for column, width in zip("ABCDEFGHIJ", [40, 26, 12, 18, 14, 12, 12, 16, 30, 30], strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2, min_col=6, max_col=8):
        for cell in row:
            cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
