"""The participant list of a meeting as a spreadsheet (written by ``core.spreadsheets``)."""

from django.utils.translation import gettext as _

from erasmi.core.spreadsheets import xlsx_bytes
from erasmi.events.models import Event, Registration
from erasmi.networks import people


def participants_xlsx(event: Event) -> bytes:
    """Everyone who registered, waits or cancelled, by name as the network recorded them."""
    records = people.records_of(event.network)
    registrations = event.registrations.select_related("person__organisation").order_by("registered", "pk")
    statuses = dict(Registration.Status.choices)
    attended = {True: _("yes"), False: _("no"), None: ""}
    rows = []
    for registration in registrations:
        person = records.get(registration.person_id, registration.person)
        rows.append(
            [
                str(person),
                str(person.organisation or ""),
                str(statuses[registration.status]),
                registration.registered,
                str(attended[registration.attended]),
            ]
        )
    header = [_("Name"), _("Organisation"), _("Status"), _("Registered at"), _("Attended")]
    return xlsx_bytes(header, rows, title=_("Participants"), widths=(30, 30, 22, 18, 10))
