"""Declaring partnerships: proposed by one organisation, confirmed by the other, or recorded by a coordinator."""

import datetime

from django.db import transaction
from django.utils import timezone

from erasmi.cooperation import versions
from erasmi.cooperation.models import Partnership
from erasmi.networks.models import HistoryEntry


@transaction.atomic
def partnership_propose(
    *, network, organisation, partner, since: datetime.date, description: str, user, confirmed: bool
) -> Partnership:
    """A new partnership; `confirmed` when a coordinator records it (no answer needed)."""
    partnership = Partnership.objects.create(
        network=network,
        organisation=organisation,
        partner=partner,
        since=since,
        description=description,
        proposed_by=user,
        state=Partnership.State.CONFIRMED if confirmed else Partnership.State.PROPOSED,
        answered_by=user if confirmed else None,
    )
    HistoryEntry.record(
        network, user, HistoryEntry.Action.CREATED, partnership, {"since": str(since)}, kind="partnership"
    )
    return partnership


@transaction.atomic
def partnership_answer(*, partnership: Partnership, user, confirm: bool) -> bool:
    """Confirm or decline an open proposal; False if someone answered it already (a second click)."""
    state = Partnership.State.CONFIRMED if confirm else Partnership.State.DECLINED
    answered = Partnership.objects.filter(pk=partnership.pk, state=Partnership.State.PROPOSED).update(
        state=state, answered_by=user, updated=timezone.now()
    )
    if not answered:
        return False
    partnership.refresh_from_db()
    action = HistoryEntry.Action.CONFIRMED if confirm else HistoryEntry.Action.DECLINED
    HistoryEntry.record(partnership.network, user, action, partnership, kind="partnership")
    versions.bump([partnership.network_id])  # an update sends no signal
    return True
