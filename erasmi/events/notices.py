"""What registrants are told: their place, the waiting list, moving up, a changed or cancelled meeting,
and a reminder the day before. Each mail carries the meeting as an iCalendar message (REQUEST or CANCEL)."""

import datetime

from django.conf import settings
from django.db.models import F
from django.utils import formats, timezone, translation
from django_tasks import task

from erasmi.core import languages
from erasmi.events import ical
from erasmi.events.models import Event, Registration
from erasmi.networks.models import Role
from erasmi.notifications.models import Topic
from erasmi.notifications.services import notify, recipient

# Changing one of these changes the meeting in the registrants' calendars: they are told.
CALENDAR_FIELDS = ("title", "starts", "ends", "place", "online_url")


def _context(event: Event, language: str) -> dict:
    with translation.override(language):
        return {
            "title": event.text_in("title", language)[0],
            "network": event.network.name,
            "when": formats.date_format(timezone.localtime(event.starts), "DATETIME_FORMAT"),
            "place": event.place,
            "online_url": event.online_url,
            "url": settings.SITE_URL + event.get_absolute_url(),
        }


def _tell(registration: Registration, topic: str, template: str, key: str, *, method: str = "REQUEST", **extra):
    event = registration.event
    address, language = recipient(registration.person)
    title = event.text_in("title", language)[0]
    calendar = ical.calendar([event], title, settings.SITE_URL, method=method, attendee=address, language=language)
    return notify(
        topic=topic,
        key=key,
        address=address,
        language=language,
        template=f"notifications/mail/{template}.txt",
        context={**_context(event, language), **extra},
        calendar=calendar,
        method=method,
    )


def registered(registration: Registration) -> None:
    """Confirmed or on the waiting list (with the place in the queue)."""
    stamp = int(registration.registered.timestamp())
    key = f"registration:{registration.pk}:{registration.status}:{stamp}"
    if registration.status == Registration.Status.CONFIRMED:
        _tell(registration, Topic.REGISTRATIONS, "registration_confirmed", key)
    elif registration.status == Registration.Status.WAITING:
        ahead = registration.event.registrations.filter(
            status=Registration.Status.WAITING, registered__lt=registration.registered
        ).count()
        _tell(registration, Topic.REGISTRATIONS, "registration_waiting", key, method="", position=ahead + 1)


def moved_up(registration: Registration) -> None:
    stamp = int(registration.registered.timestamp())
    _tell(registration, Topic.REGISTRATIONS, "moved_up", f"moved-up:{registration.pk}:{stamp}")


def _still_invited(registration: Registration) -> bool:
    """A members' meeting's news (a new time or place, a reminder) is for those still in the network; someone
    who left is told of a cancellation only (it takes the meeting out of their calendar)."""
    event = registration.event
    if event.visibility == Event.Visibility.PUBLIC:
        return True
    return Role.objects.active().filter(network=event.network_id, person=registration.person_id).exists()


def _untranslated(name: str) -> str:
    """The field a form field edits: a version of the title ("title_tr") is the title for the registrants."""
    base, _sep, code = name.rpartition("_")
    return base if base in Event.translated_fields and code in languages.codes() else name


def _told(event: Event):
    """Everyone with a place or on the waiting list."""
    return event.registrations.filter(
        status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITING]
    ).select_related("person__user", "event__network")


def changed(event: Event, fields: list[str]) -> int:
    """The time, place or title changed: registrants get the update for their calendars. A new version of the
    title in a language ("title_tr") is news only for those who read that language."""
    versions = {name: _untranslated(name) for name in fields}
    if not any(base in CALENDAR_FIELDS for base in versions.values()):
        return 0
    Event.objects.filter(pk=event.pk).update(sequence=F("sequence") + 1)
    event.refresh_from_db(fields=["sequence"])
    told = 0
    for registration in _told(event):
        registration.event = event
        if not _still_invited(registration):
            continue
        language = recipient(registration.person)[1]
        theirs = [
            base
            for name, base in versions.items()
            if base in CALENDAR_FIELDS and (name == base or name == f"{base}_{language}")
        ]
        if not theirs:
            continue
        with translation.override(language):
            what = ", ".join(str(Event._meta.get_field(name).verbose_name) for name in dict.fromkeys(theirs))
        key = f"changed:{event.pk}:{event.sequence}:{registration.pk}"
        method = "REQUEST" if registration.status == Registration.Status.CONFIRMED else ""
        told += bool(_tell(registration, Topic.MEETING_CHANGES, "meeting_changed", key, method=method, what=what))
    return told


def cancelled(event: Event) -> int:
    told = 0
    for registration in _told(event):
        registration.event = event
        key = f"cancelled:{event.pk}:{registration.pk}"
        told += bool(_tell(registration, Topic.MEETING_CHANGES, "meeting_cancelled", key, method="CANCEL"))
    return told


def remind_tomorrow(today: datetime.date | None = None) -> int:
    """The day before a meeting, each person with a place gets a reminder (once)."""
    today = today or timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(tomorrow, datetime.time.min, tzinfo=tz)
    events = Event.objects.filter(
        starts__gte=start, starts__lt=start + datetime.timedelta(days=1), status=Event.Status.SCHEDULED
    )
    registrations = Registration.objects.filter(event__in=events, status=Registration.Status.CONFIRMED).select_related(
        "person__user", "event__network"
    )
    told = 0
    for registration in registrations:
        if not _still_invited(registration):
            continue
        key = f"reminder:{registration.event_id}:{registration.pk}:{tomorrow.isoformat()}"
        told += bool(_tell(registration, Topic.REMINDERS, "reminder", key))
    return told


@task()
def send_reminders() -> int:
    return remind_tomorrow()
