"""Mail leaves Erasmi here: user text in a subject stays on one line, control characters never reach a mail.

Django refuses a header with a line break (BadHeaderError), so a title typed with one would stop a
whole run of reminders; here it becomes a space. Bodies are plain text: line breaks stay, other
control characters go.
"""

import re

from django.core.mail import EmailMessage, get_connection, send_mail

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def subject_line(text: str, limit: int = 200) -> str:
    line = " ".join(str(text).split())
    return _CONTROL.sub("", line)[:limit]


def body_text(text: str) -> str:
    return _CONTROL.sub("", str(text).replace("\r\n", "\n").replace("\r", "\n"))


def send(subject: str, body: str, recipients: list[str], *, sender: str | None = None) -> int:
    """Send a plain-text mail (through the configured backend, SMTP in production)."""
    return send_mail(subject_line(subject), body_text(body), sender, recipients)


def send_many(mails: list[tuple[str, str, list[str]]], *, sender: str | None = None) -> int:
    """Send several plain-text mails (subject, body, recipients) over one connection.

    The connection is opened before the first mail: a server that cannot be reached sends none.
    """
    messages = [EmailMessage(subject_line(s), body_text(b), sender, to) for s, b, to in mails]
    if not messages:
        return 0
    with get_connection() as connection:
        return connection.send_messages(messages)


def html_text(text: str) -> str:
    """User text for an HTML mail: escaped, control characters gone, paragraphs and line breaks kept."""
    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    paragraphs = [p for p in re.split(r"\n\s*\n", body_text(text).strip()) if p.strip()]
    return mark_safe("".join(f"<p>{escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs))  # noqa: S308


def header_value(text: str) -> str:
    """A header built from user text (a list's name): one line, no control characters."""
    return subject_line(text, limit=900)
