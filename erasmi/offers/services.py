"""Reminding organisations of offers that may be out of date."""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from erasmi.core import mail
from erasmi.networks.models import Person
from erasmi.offers.models import CONFIRMATION_PERIOD, Offer

REMIND_AGAIN_AFTER = datetime.timedelta(days=30)


def due_for_reminder(today=None):
    today = today or timezone.localdate()
    return Offer.objects.filter(confirmed__lt=today - CONFIRMATION_PERIOD).exclude(
        reminded__gt=today - REMIND_AGAIN_AFTER
    )


def remind_outdated(today=None) -> int:
    """Mail the people of the owning organisation once per offer and month; returns the number of mails.

    Each offer is marked as reminded in the same transaction as its mails are sent, so
    a run that stops half-way goes on where it stopped and sends nobody a mail twice.
    """
    today = today or timezone.localdate()
    sent = 0
    for offer in due_for_reminder(today).select_related("organisation").order_by("pk"):
        with transaction.atomic():
            locked = Offer.objects.select_for_update().filter(pk=offer.pk, confirmed=offer.confirmed).first()
            if locked is None or (locked.reminded and locked.reminded > today - REMIND_AGAIN_AFTER):
                continue
            recipients = sorted(
                {
                    p.email or (p.user.email if p.user else "")
                    for p in Person.objects.filter(organisation=offer.organisation)
                }
                - {""}
            )
            with translation.override(settings.LANGUAGE_CODE):
                url = settings.SITE_URL + reverse("offers:edit", args=[offer.pk])
                for recipient in recipients:
                    mail.send(
                        _("Is your offer still current? %(title)s") % {"title": offer.title()},
                        _(
                            'The offer "%(title)s" was last confirmed on %(date)s. Please check it and confirm or '
                            "update it here:\n%(url)s"
                        )
                        % {"title": offer.title(), "date": offer.confirmed, "url": url},
                        [recipient],
                    )
                    sent += 1
            locked.reminded = today
            locked.save(update_fields=["reminded"])
    return sent
