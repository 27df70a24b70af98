"""Registration for events: places, waiting list and moving up, safe under concurrency.

Each change locks the event row (SELECT ... FOR UPDATE on PostgreSQL; on SQLite
every transaction starts IMMEDIATE, which takes the write lock), so two people can
never take the last place at once.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from erasmi.events import notices
from erasmi.events.models import Event, Registration
from erasmi.networks.models import HistoryEntry, Person


class RegistrationError(Exception):
    pass


@transaction.atomic
def register(event: Event, person: Person) -> Registration:
    """A place if one is free, else the waiting list. Registering twice changes nothing."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.is_past:
        raise RegistrationError("The event is over.")
    if event.is_cancelled:
        raise RegistrationError("The event was cancelled.")
    registration = Registration.objects.filter(event=event, person=person).first()
    if registration and registration.status != Registration.Status.CANCELLED:
        return registration
    confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
    status = (
        Registration.Status.CONFIRMED
        if event.capacity is None or confirmed < event.capacity
        else Registration.Status.WAITING
    )
    if registration:
        # Registering again is a new registration: it queues behind everyone already waiting.
        registration.status, registration.registered = status, timezone.now()
        registration.save(update_fields=["status", "registered", "updated"])
    else:
        registration = Registration.objects.create(event=event, person=person, status=status)
    _note(registration, HistoryEntry.Action.REGISTERED, event, {"status": status})
    registration.event = event
    notices.registered(registration)
    return registration


def _note(registration: Registration, action: str, event: Event, changes: dict | None = None) -> None:
    """The network's history: who registered, cancelled or moved up, for which meeting."""
    HistoryEntry.record(
        event.network, registration.person.user, action, registration, changes, kind="registration", name=event.title
    )


@transaction.atomic
def cancel(registration: Registration) -> Registration | None:
    """Cancel; when a place becomes free, the first on the waiting list moves up. Returns who moved up."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration.refresh_from_db()
    if registration.status == Registration.Status.CANCELLED:
        return None  # cancelled already (a second click): nothing happens
    was_confirmed = registration.status == Registration.Status.CONFIRMED
    registration.status = Registration.Status.CANCELLED
    registration.save(update_fields=["status", "updated"])
    _note(registration, HistoryEntry.Action.CANCELLED, event)
    if not was_confirmed:
        return None
    confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
    if event.capacity is not None and confirmed >= event.capacity:
        return None
    first = event.registrations.filter(status=Registration.Status.WAITING).order_by("registered", "pk").first()
    if first:
        first.status = Registration.Status.CONFIRMED
        first.save(update_fields=["status", "updated"])
        _note(first, HistoryEntry.Action.MOVED_UP, event)
        first.event = event
        notices.moved_up(first)
    return first


def cancel_event(event: Event, actor) -> int | None:
    """Cancel a meeting; everyone registered or waiting is told by mail in their language.

    One conditional UPDATE decides: of two clicks (or two coordinators) only the first cancels and
    tells; the other gets None. The mails are written with the cancellation and sent by a worker, so a
    mail server that is away delays them and loses none. Returns the number of people told.
    """
    from erasmi.core.models import ContentVersion

    with transaction.atomic():
        changed = Event.objects.filter(pk=event.pk, status=Event.Status.SCHEDULED).update(
            status=Event.Status.CANCELLED, cancelled=timezone.now(), sequence=F("sequence") + 1
        )
        if not changed:
            return None
        event.refresh_from_db()
        told = notices.cancelled(event)
        HistoryEntry.record(event.network, actor, HistoryEntry.Action.CANCELLED, event, {"mails": told})
        ContentVersion.bump(f"events:{event.network_id}")  # the calendar feeds show it cancelled
    return told
