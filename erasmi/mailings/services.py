"""Workflows of the info mail: subscribing (double opt-in), starting and scheduling sends, test sends, digests."""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from erasmi.core import mail
from erasmi.core.tasks import enqueue
from erasmi.mailings import composing, segments, sending
from erasmi.mailings.models import Delivery, Mailing, MailingVersion, Subscriber, TranslationState
from erasmi.networks.models import Network, Person

CONFIRMATION_INTERVAL = 3600  # seconds between two confirmation mails to the same pending address


def subscribe_visitor(network: Network, email: str, language: str) -> Subscriber:
    """A visitor from the public page: pending until they follow the link in the confirmation mail."""
    email = email.strip().lower()
    subscriber = Subscriber.objects.filter(network=network, email=email).first()
    if subscriber is None:
        try:
            with transaction.atomic():
                subscriber = Subscriber.objects.create(network=network, email=email, language=language)
        except IntegrityError:  # the same address sent twice at once
            subscriber = Subscriber.objects.get(network=network, email=email)
    if subscriber.state != Subscriber.State.CONFIRMED:
        # Nothing changes before the confirmation: a stranger cannot subscribe, nor unsubscribe, someone else.
        # Nor fill someone's inbox with confirmation mails by sending the form again and again: one an hour.
        key = f"mailings:confirmation:{subscriber.pk}"
        if cache.add(key, True, CONFIRMATION_INTERVAL):
            try:
                send_confirmation(subscriber, language)
            except BaseException:
                cache.delete(key)  # not sent: the next try sends it
                raise
    return subscriber


def send_confirmation(subscriber: Subscriber, language: str) -> None:
    with translation.override(language):
        url = settings.SITE_URL + reverse("mailings:preferences", args=[subscriber.token])
        mail.send(
            _("Please confirm your subscription: %(network)s") % {"network": subscriber.network.name},
            _(
                "Someone, probably you, asked to receive the mails of %(network)s at this address.\n\n"
                "To confirm, open this link and press the button:\n%(url)s\n\n"
                "If it was not you, ignore this mail: you will receive nothing."
            )
            % {"network": subscriber.network.name, "url": url},
            [subscriber.email],
        )


def confirm(subscriber: Subscriber) -> None:
    if subscriber.state != Subscriber.State.CONFIRMED:
        subscriber.state, subscriber.confirmed = Subscriber.State.CONFIRMED, timezone.now()
        subscriber.failures, subscriber.paused = 0, False
        subscriber.save()


def unsubscribe(subscriber: Subscriber) -> None:
    Subscriber.objects.filter(pk=subscriber.pk).update(state=Subscriber.State.UNSUBSCRIBED)
    # Mails not yet sent to the address are not sent any more.
    Delivery.objects.filter(subscriber=subscriber, state=Delivery.State.PENDING).update(state=Delivery.State.SKIPPED)


def subscribe_member(network: Network, user) -> Subscriber:
    """A member says yes on the network's mail page: their account's address is confirmed already."""
    person = Person.for_user(user)
    subscriber, _created = Subscriber.objects.get_or_create(
        network=network,
        email=user.email.strip().lower(),
        defaults={"language": user.language or translation.get_language() or settings.LANGUAGE_CODE},
    )
    subscriber.person = person
    confirm(subscriber)
    if subscriber.state == Subscriber.State.CONFIRMED:
        subscriber.save(update_fields=["person"])
    return subscriber


def member_subscription(network: Network, user) -> Subscriber | None:
    if not user.is_authenticated:
        return None
    return Subscriber.objects.filter(network=network, email=user.email.strip().lower()).first()


def start(mailing: Mailing) -> int:
    """Begin sending now: the recipients are fixed (a Delivery per address) and the send task enqueued.

    The state changes in one conditional UPDATE, so a double click or two schedulers start a mailing once.
    """
    with transaction.atomic():
        if not Mailing.objects.filter(pk=mailing.pk, state__in=[Mailing.State.DRAFT, Mailing.State.SCHEDULED]).update(
            state=Mailing.State.SENDING
        ):
            return 0
        mailing.refresh_from_db()
        mailing.meetings = composing.meetings_for(mailing)
        mailing.save(update_fields=["meetings"])
        people = segments.recipients(mailing)
        Delivery.objects.bulk_create(
            [Delivery(mailing=mailing, subscriber=s, email=s.email, language=s.language) for s in people],
            batch_size=1000,
        )
        from erasmi.mailings.tasks import send_mailing

        enqueue(send_mailing, mailing.pk)
    return len(people)


def schedule(mailing: Mailing, when: datetime.datetime) -> None:
    Mailing.objects.filter(pk=mailing.pk, state__in=[Mailing.State.DRAFT, Mailing.State.SCHEDULED]).update(
        state=Mailing.State.SCHEDULED, scheduled_for=when
    )


def unschedule(mailing: Mailing) -> None:
    Mailing.objects.filter(pk=mailing.pk, state=Mailing.State.SCHEDULED).update(
        state=Mailing.State.DRAFT, scheduled_for=None
    )


def start_due(now: datetime.datetime | None = None) -> int:
    """Start the mailings whose scheduled time has come (the scheduler's job every minute)."""
    now = now or timezone.now()
    started = 0
    for mailing in Mailing.objects.filter(state=Mailing.State.SCHEDULED, scheduled_for__lte=now):
        start(mailing)
        started += 1
    return started


def send_test(mailing: Mailing, user, language: str) -> None:
    """The mail in a language to the coordinator's own address, now (no list headers: not a subscriber)."""
    composed = composing.compose(mailing, language)
    email = sending.message(mailing, composed, user.email, None, subject_prefix=_("[Test] "))
    email.send()


def compose_digest(network: Network, now: datetime.datetime | None = None) -> Mailing | None:
    """The calendar of the next two months for the network's digest subscribers, in each of their languages."""
    now = now or timezone.now()
    if not Subscriber.objects.receiving(Mailing.Kind.DIGEST).filter(network=network).exists():
        return None
    mailing = Mailing.objects.create(
        network=network, kind=Mailing.Kind.DIGEST, visibility=Mailing.Visibility.PUBLIC, segments=["all"]
    )
    mailing.meetings = composing.upcoming_meetings(network, members=False, until=now + datetime.timedelta(days=62))
    mailing.save(update_fields=["meetings"])
    until = timezone.localtime(now + datetime.timedelta(days=61))
    for number, code in enumerate(dict(settings.LANGUAGES)):
        with translation.override(code):
            subject = _("Meetings of %(network)s: %(start)s to %(end)s") % {
                "network": network.name,
                "start": date_format(timezone.localtime(now), "YEAR_MONTH_FORMAT"),
                "end": date_format(until, "YEAR_MONTH_FORMAT"),
            }
        MailingVersion.objects.create(
            mailing=mailing,
            language=code,
            subject=subject,
            state=TranslationState.ORIGINAL if number == 0 else TranslationState.TRANSLATED,
        )
    start(mailing)
    return mailing


def compose_digests() -> int:
    return sum(compose_digest(network) is not None for network in Network.objects.all())
