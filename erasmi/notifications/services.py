"""Telling people: a notice is written with the change it tells of, and a worker mails it.

``notify`` is what the apps call, inside the transaction of the change. It checks the person's choices,
writes the mail in their language and, once the change is committed, asks a worker to deliver it.
``deliver`` sends one notice at most once: a worker claims it with a conditional UPDATE before the SMTP
conversation and marks it sent right after the server accepted it.
"""

import hashlib
import smtplib
from email.mime.text import MIMEText

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from erasmi.core import mail, tasks
from erasmi.notifications.models import Notice, Preference, Topic

SALT = "notifications.preferences"
ONE_LINE = ("title", "task", "network", "group", "author", "actor")  # what the mails show in a line of its own


def token(address: str) -> str:
    """The key to an address's choices, for the link in each mail: no sign-in needed, nothing to guess."""
    return signing.Signer(salt=SALT).sign_object(address.lower())


def address_of(value: str) -> str | None:
    try:
        return signing.Signer(salt=SALT).unsign_object(value)
    except signing.BadSignature:
        return None


def preferences_url(address: str) -> str:
    return settings.SITE_URL + reverse("notifications:preferences", args=[token(address)])


def one_click_url(address: str, topic: str) -> str:
    return settings.SITE_URL + reverse("notifications:off", args=[token(address), topic])


def recipient(person=None, user=None) -> tuple[str, str]:
    """The address and the language to write in: the account's, else the person's own address."""
    user = user or (person.user if person is not None and person.user_id else None)
    address = (user.email if user is not None else "") or (person.email if person is not None else "")
    language = (getattr(user, "language", "") if user is not None else "") or settings.LANGUAGE_CODE
    chosen = Preference.objects.filter(address=address.lower()).values_list("language", flat=True).first()
    return address.lower(), chosen or language


def notify(
    *,
    topic: str,
    key: str,
    address: str,
    language: str,
    template: str,
    context: dict,
    calendar: bytes | None = None,
    method: str = "",
    send_after=None,
) -> Notice | None:
    """Write a notice (once per key) for an address that wants this topic; deliver it after the commit.

    ``template`` is a plain-text template whose first line is the subject.
    """
    if not address or not Preference.wants(address, topic):
        return None
    # Titles are one line: typed with line breaks, they would end the subject and begin the body.
    context = {k: mail.subject_line(v, 1000) if k in ONE_LINE and isinstance(v, str) else v for k, v in context.items()}
    with translation.override(language):
        text = render_to_string(template, {**context, "preferences_url": preferences_url(address)})
    subject, _newline, body = text.strip().partition("\n")
    try:
        with transaction.atomic():
            notice = Notice.objects.create(
                topic=topic,
                key=key[:200],
                address=address,
                language=language,
                subject=mail.subject_line(subject, 250),
                body=mail.body_text(body.strip()) + "\n",
                calendar=(calendar or b"").decode(),
                calendar_method=method,
                send_after=send_after or timezone.now(),
            )
    except IntegrityError:
        return None  # told already (a second click, a second worker)
    if send_after is None:
        from erasmi.notifications.tasks import deliver_notice

        tasks.enqueue(deliver_notice, notice.pk)  # in this transaction: the worker sees both or neither
    return notice


def message_id(notice: Notice) -> str:
    """The same notice always has the same Message-ID: a resent copy is recognisable as the same mail."""
    digest = hashlib.sha256(f"{notice.pk}:{notice.key}:{settings.SECRET_KEY}".encode()).hexdigest()[:24]
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(" >") or "erasmi"
    return f"<notice.{notice.pk}.{digest}@{domain}>"


def build(notice: Notice) -> EmailMessage:
    with translation.override(notice.language or settings.LANGUAGE_CODE):  # a mail program may open it in a browser
        unsubscribe = one_click_url(notice.address, notice.topic)
    message = EmailMessage(
        notice.subject,
        notice.body,
        None,
        [notice.address],
        headers={
            "Message-ID": message_id(notice),
            "Content-Language": notice.language,
            "Auto-Submitted": "auto-generated",
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    if notice.calendar:
        part = MIMEText(notice.calendar, "calendar", "utf-8")
        part.set_param("method", notice.calendar_method or "PUBLISH")
        part.add_header("Content-Disposition", "attachment", filename="meeting.ics")
        message.attach(part)
    return message


def claim(pk: int) -> Notice | None:
    """Take a due notice for this worker; None when it is sent, failed, or another worker has it."""
    now = timezone.now()
    taken = Notice.objects.due().filter(pk=pk).update(claimed=now, attempts=F("attempts") + 1)
    return Notice.objects.get(pk=pk) if taken else None


def deliver(pk: int, connection=None) -> bool:
    """Send one notice if it is still due. A permanent refusal is kept on the notice, not retried."""
    notice = claim(pk)
    if notice is None:
        return False
    try:
        if connection is None:
            build(notice).send()
        else:
            connection.send_messages([build(notice)])
    except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as error:
        permanent = _permanent(error)
        Notice.objects.filter(pk=pk).update(
            failed=timezone.now() if permanent else None, claimed=None, error=str(error)[:300]
        )
        return False
    except (OSError, smtplib.SMTPException) as error:
        # The server could not be reached or hung up: the sweep tries again later.
        Notice.objects.filter(pk=pk).update(claimed=None, error=str(error)[:300])
        raise
    # Between the server's "250 OK" and this line is the one window in which a killed worker
    # would send the notice again after the claim goes stale; it is one UPDATE long.
    Notice.objects.filter(pk=pk).update(sent=timezone.now(), error="")
    return True


def _permanent(error: smtplib.SMTPException) -> bool:
    codes = []
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
    else:
        codes = [getattr(error, "smtp_code", 0)]
    return bool(codes) and all(500 <= code < 600 for code in codes)


def deliver_due(limit: int = 500) -> int:
    """Send what is due (notices whose worker never ran or died, and those sent later on purpose)."""
    sent = 0
    pks = list(Notice.objects.due().values_list("pk", flat=True)[:limit])
    if not pks:
        return 0
    try:
        with get_connection() as connection:
            for pk in pks:
                sent += deliver(pk, connection)
    except (OSError, smtplib.SMTPException):
        pass  # the server is away: the next sweep goes on
    return sent


def set_choices(address: str, off: list[str], language: str = "") -> None:
    valid = [topic for topic in off if topic in Topic.values]
    Preference.objects.update_or_create(
        address=address.lower(), defaults={"off": sorted(set(valid)), "language": language}
    )


def turn_off(address: str, topic: str) -> None:
    with transaction.atomic():
        row, _created = Preference.objects.select_for_update().get_or_create(address=address.lower())
        if topic not in row.off:
            row.off = sorted({*row.off, topic})
            row.save(update_fields=["off", "updated"])


def forget(address: str) -> None:
    """A person erased: their choices and the mails still waiting for them go."""
    Preference.objects.filter(address=address.lower()).delete()
    Notice.objects.filter(address=address.lower()).delete()
