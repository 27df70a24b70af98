"""The member list as an XLSX file that spreadsheet programs open."""

from django.utils.translation import gettext as _

from erasmi.core import languages
from erasmi.core.spreadsheets import xlsx_bytes


def members_xlsx(network, memberships) -> bytes:
    """The members in the reader's alphabetical order ("Afrikanisch" before "AWO", "Çorum" with "C")."""
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
    rows = (
        [
            m.organisation.name,
            m.organisation.get_actor_type_display(),
            m.organisation.get_sector_display(),
            m.organisation.city,
            ", ".join(m.organisation.languages),
            m.joined,
            m.left,
            m.agreement_signed or (_("yes") if m.agreement_date_unknown else None),
            m.organisation.website,
            m.organisation.email,
        ]
        for m in sorted(memberships, key=lambda m: (languages.collation_key(m.organisation.name), m.pk))
    )
    return xlsx_bytes(header, rows, title=_("Members"), widths=[40, 26, 12, 18, 14, 12, 12, 16, 30, 30])
