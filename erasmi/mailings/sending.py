"""Sending a mailing: each recipient exactly once, also when a worker is killed mid-send.

Each recipient has a Delivery row. A sender claims a batch of pending rows (one conditional UPDATE:
`select_for_update(skip_locked)` on PostgreSQL, `UPDATE … WHERE state='pending'` in SQLite's
write-locked transaction), sends them over one SMTP connection, and marks each row sent with an UPDATE
that only succeeds while the row is still its claim. Claims older than the task lease were left by a
killed worker: they go back to pending and the next run sends them.

The one window in which a crash could lose or double a mail is between the SMTP server accepting a
message and our database recording it. We make it as small as SMTP allows: the message is transmitted
up to (not including) the final "." that commits it at the server; then the row is marked sent
(committed); then the "." goes out. A sender killed before the UPDATE leaves a row still claimed whose
message the server never accepted (a session that ends without the "." is dropped), so the next run
sends it once. Only a kill in the microseconds between the committed UPDATE and the "." leaving the
socket loses that one message (it is recorded as sent): at most one per killed sender, never a duplicate.
If the server then refuses the message, the row is corrected to failed.
"""

import datetime
import logging
import re
import smtplib
import socket
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.core.mail.message import sanitize_address
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from erasmi.core import mail
from erasmi.core.tasks import Deadline
from erasmi.mailings import composing
from erasmi.mailings.models import Delivery, Mailing, Subscriber

logger = logging.getLogger(__name__)

SENT, LOST = "sent", "lost"


@dataclass
class Failure:
    code: int
    text: str

    @property
    def permanent(self) -> bool:
        return 500 <= self.code < 600


def message(
    mailing: Mailing,
    composed: composing.Composed,
    email: str,
    token: str | None,
    *,
    message_id: str | None = None,
    subject_prefix: str = "",
) -> EmailMultiAlternatives:
    """The mail for one recipient: plain text with an HTML alternative, and the list headers (RFC 2369, 8058).

    `token` is the subscriber's (their links); None for a test send, which has no list headers.
    """
    text, html = composed.personal(token)
    preferences, unsubscribe = composing.links(token, composed.reader)
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(" >") or "erasmi.invalid"
    headers = {
        "Content-Language": composed.language,
        "List-Id": f"{mail.header_value(mailing.network.name)} <{mailing.network.slug}.{domain}>",
        "Auto-Submitted": "auto-generated",
    }
    if message_id:
        headers["Message-ID"] = message_id
    if token is not None:
        headers["List-Unsubscribe"] = f"<{unsubscribe}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        headers["List-Help"] = f"<{preferences}>"
    reply_to = [mailing.network.contact_email] if mailing.network.contact_email else None
    result = EmailMultiAlternatives(
        mail.subject_line(subject_prefix + composed.subject), text, None, [email], headers=headers, reply_to=reply_to
    )
    result.attach_alternative(html, "text/html")
    return result


_LINE_ENDS = re.compile(rb"\r\n|\n|\r")
_LEADING_DOT = re.compile(rb"(?m)^\.")


def wire_bytes(email: EmailMultiAlternatives) -> bytes:
    """The message as SMTP's DATA carries it: CRLF lines, leading dots doubled, without the final "."."""
    data = _LINE_ENDS.sub(b"\r\n", email.message().as_bytes(linesep="\r\n"))
    data = _LEADING_DOT.sub(b"..", data)
    return data if data.endswith(b"\r\n") else data + b"\r\n"


class Template:
    """A language's message on the wire, once; per recipient only the address, Message-ID and token change.

    Building a MIME message costs milliseconds; replacing three placeholders costs microseconds. When the
    placeholders did not survive intact (a body encoded as quoted-printable for its very long lines), each
    recipient's message is built in full instead.
    """

    ADDRESS = "erasmi-recipient@placeholder.invalid"
    MESSAGE_ID = "<erasmi-message-id@placeholder.invalid>"
    TOKEN = "ERASMI-SUBSCRIBER-TOKEN"

    def __init__(self, mailing: Mailing, composed: composing.Composed):
        self.mailing, self.composed = mailing, composed
        email = message(mailing, composed, self.ADDRESS, self.TOKEN, message_id=self.MESSAGE_ID)
        self.data = wire_bytes(email)
        text, html = composed.personal(self.TOKEN)
        expected = text.count(self.TOKEN) + html.count(self.TOKEN) + 2  # and List-Unsubscribe, List-Help
        self.fast = (
            self.data.count(self.TOKEN.encode()) == expected
            and self.data.count(self.MESSAGE_ID.encode()) == 1
            and self.data.count(self.ADDRESS.encode()) == 1
        )

    def bytes_for(self, delivery: "Delivery", token: str) -> bytes:
        if not self.fast:
            email = message(self.mailing, self.composed, delivery.email, token, message_id=delivery.message_id)
            return wire_bytes(email)
        return (
            self.data.replace(self.ADDRESS.encode(), delivery.email.encode(), 1)
            .replace(self.MESSAGE_ID.encode(), delivery.message_id.encode(), 1)
            .replace(self.TOKEN.encode(), token.encode())
        )


class Sender:
    """One connection to the mail server for a batch; SMTP is spoken here so the final "." waits for `commit`.

    With PIPELINING (RFC 2920, which Postfix and most servers offer) MAIL, RCPT and DATA go out together:
    two round trips per message instead of four.
    """

    def __init__(self):
        self.backend = get_connection()
        self.smtp = isinstance(self.backend, SMTPBackend)

    def __enter__(self):
        self.backend.open()
        if self.smtp:
            self.backend.connection.ehlo_or_helo_if_needed()
            # Each message ends with a small write (the final "."), sent after the body: with Nagle's
            # algorithm it waits for the server's delayed ACK (40 ms on Linux), capping a connection at
            # about 25 messages a second.
            sock = getattr(self.backend.connection, "sock", None)
            if sock is not None:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return self

    def __exit__(self, *exc):
        self.backend.close()

    def send(
        self,
        recipient: str,
        data: Callable[[], bytes],
        email: Callable[[], EmailMultiAlternatives],
        commit: Callable[[], bool],
    ) -> str | Failure:
        if not self.smtp:  # console, file or memory backends (development, tests)
            if not commit():
                return LOST
            self.backend.send_messages([email()])
            return SENT
        server = self.backend.connection
        sender = sanitize_address(settings.DEFAULT_FROM_EMAIL, settings.DEFAULT_CHARSET)
        recipient = sanitize_address(recipient, settings.DEFAULT_CHARSET)
        if server.does_esmtp and server.has_extn("pipelining"):
            server.send(f"MAIL FROM:<{_address(sender)}>\r\nRCPT TO:<{_address(recipient)}>\r\nDATA\r\n".encode())
            replies = [server.getreply() for _ in range(3)]
        else:
            replies = [server.mail(sender)]
            if replies[-1][0] == 250:
                replies.append(server.rcpt(recipient))
                if replies[-1][0] in (250, 251):
                    replies.append(server.docmd("data"))
        for (code, reply), expected in zip(replies, ((250,), (250, 251), (354,)), strict=False):
            if code not in expected:
                return self._refused(code, reply, in_data=len(replies) == 3 and replies[2][0] == 354)
        if len(replies) < 3:
            return self._refused(*replies[-1])
        server.send(data())
        if not commit():
            # Someone else holds the row now: end the session without the "." so the server drops the message.
            self._reconnect()
            return LOST
        server.send(b".\r\n")
        code, reply = server.getreply()
        if code != 250:
            return Failure(code, reply.decode(errors="replace"))
        return SENT

    def _reconnect(self) -> None:
        self.backend.close()
        self.backend.open()
        self.backend.connection.ehlo_or_helo_if_needed()

    def _refused(self, code: int, reply: bytes, in_data: bool = False) -> Failure:
        if in_data:  # pipelined: the server waits for a message we do not send
            self._reconnect()
        else:
            try:
                self.backend.connection.rset()
            except smtplib.SMTPServerDisconnected:
                self._reconnect()
        return Failure(code, reply.decode(errors="replace"))


def _address(sanitized: str) -> str:
    from email.utils import parseaddr

    return parseaddr(sanitized)[1]


def release_abandoned(mailing: Mailing) -> int:
    """Claims older than the task lease were left by a killed sender; none of their messages reached the server."""
    cutoff = timezone.now() - datetime.timedelta(seconds=settings.ERASMI_TASK_LEASE)
    return Delivery.objects.filter(mailing=mailing, state=Delivery.State.CLAIMED, claimed_at__lt=cutoff).update(
        state=Delivery.State.PENDING, claim=None, claimed_at=None
    )


def claim(mailing: Mailing, size: int) -> tuple[uuid.UUID, list[Delivery]]:
    token = uuid.uuid4()
    with transaction.atomic():
        pending = Delivery.objects.filter(mailing=mailing, state=Delivery.State.PENDING).order_by("pk")
        if connection.features.has_select_for_update_skip_locked:
            ids = list(pending.select_for_update(skip_locked=True).values_list("pk", flat=True)[:size])
        else:  # SQLite: the transaction holds the write lock, one UPDATE claims the rows
            ids = pending.values("pk")[:size]
        Delivery.objects.filter(pk__in=ids, state=Delivery.State.PENDING).update(
            state=Delivery.State.CLAIMED, claim=token, claimed_at=timezone.now()
        )
    batch = list(Delivery.objects.filter(claim=token, state=Delivery.State.CLAIMED).select_related("subscriber"))
    return token, batch


def _record_failure(delivery: Delivery, failure: Failure) -> None:
    Delivery.objects.filter(pk=delivery.pk).update(state=Delivery.State.FAILED, error=failure.text[:300])
    if failure.permanent and delivery.subscriber_id:
        Subscriber.objects.filter(pk=delivery.subscriber_id).update(
            failures=F("failures") + 1, last_error=f"{failure.code} {failure.text}"[:300]
        )
        Subscriber.objects.filter(pk=delivery.subscriber_id, failures__gte=Subscriber.FAILURES_TO_PAUSE).update(
            paused=True
        )


def send(mailing: Mailing, deadline: Deadline | None = None) -> bool:
    """Send pending deliveries until none is left (True) or the deadline passed (False: more to do).

    ERASMI_MAIL_CONNECTIONS senders work side by side, each with its own SMTP and database connection and
    its own claims: while one waits for the server's reply, another sends.
    """
    deadline = deadline or Deadline()
    release_abandoned(mailing)
    templates = _templates_for(mailing)
    senders = max(1, settings.ERASMI_MAIL_CONNECTIONS)
    if senders == 1:
        _send_batches(mailing, deadline, templates, settings.ERASMI_MAIL_RATE)
    else:
        with ThreadPoolExecutor(senders) as pool:
            rate = settings.ERASMI_MAIL_RATE / senders
            args = (_send_batches, mailing, deadline, templates, rate)
            futures = [pool.submit(_in_thread, *args) for _ in range(senders)]
            for future in futures:
                future.result()
    return finish(mailing)


def _in_thread(function, *args):
    try:
        return function(*args)
    finally:
        connection.close()


_built: dict[tuple, "Templates"] = {}


def _templates_for(mailing: Mailing) -> "Templates":
    """The follow-up tasks of a send, run by the same worker process, reuse its messages (fixed once it started)."""
    key = (mailing.pk, mailing.created)
    if key not in _built:
        for old in list(_built)[:-3]:
            del _built[old]
        _built[key] = Templates(mailing)
    return _built[key]


class Templates:
    """The message per reader language, built once per send and shared by its senders."""

    def __init__(self, mailing: Mailing):
        self.mailing, self.compose, self.built, self.lock = mailing, composing.Cache(mailing), {}, threading.Lock()

    def __call__(self, language: str) -> Template:
        with self.lock:
            if language not in self.built:
                self.built[language] = Template(self.mailing, self.compose(language))
            return self.built[language]


def _send_batches(mailing: Mailing, deadline: Deadline, templates: Templates, rate: float) -> None:
    pace = time.monotonic()
    while not deadline.passed():
        claim_id, batch = claim(mailing, settings.ERASMI_MAIL_BATCH)
        if not batch:
            break
        try:
            with Sender() as sender:
                for delivery in batch:
                    template = templates(delivery.language)
                    own = delivery.subscriber.token if delivery.subscriber_id else None

                    def commit(delivery=delivery, claim_id=claim_id):
                        mine = Delivery.objects.filter(pk=delivery.pk, claim=claim_id, state=Delivery.State.CLAIMED)
                        return bool(mine.update(state=Delivery.State.SENT, sent_at=timezone.now()))

                    outcome = sender.send(
                        delivery.email,
                        lambda delivery=delivery, template=template, own=own: template.bytes_for(delivery, own),
                        lambda delivery=delivery, template=template, own=own: message(
                            mailing, template.composed, delivery.email, own, message_id=delivery.message_id
                        ),
                        commit,
                    )
                    if isinstance(outcome, Failure):
                        _record_failure(delivery, outcome)
                    elif outcome == SENT and delivery.subscriber_id and delivery.subscriber.failures:
                        Subscriber.objects.filter(pk=delivery.subscriber_id).update(failures=0)
                    if rate:
                        pace = max(pace + 1 / rate, time.monotonic() - 1)
                        time.sleep(max(0.0, pace - time.monotonic()))
        finally:
            # What this batch did not get to (the server went away) is free for the next run at once.
            Delivery.objects.filter(claim=claim_id, state=Delivery.State.CLAIMED).update(
                state=Delivery.State.PENDING, claim=None, claimed_at=None
            )


def finish(mailing: Mailing) -> bool:
    """Mark the mailing sent when no delivery is left; False while some are pending."""
    open_rows = Delivery.objects.filter(mailing=mailing, state__in=[Delivery.State.PENDING, Delivery.State.CLAIMED])
    if open_rows.filter(state=Delivery.State.PENDING).exists():
        return False
    if not open_rows.exists():
        Mailing.objects.filter(pk=mailing.pk, state=Mailing.State.SENDING).update(
            state=Mailing.State.SENT, sent=timezone.now()
        )
    return True  # rows still claimed belong to another sender, which finishes them
