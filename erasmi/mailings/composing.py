"""What an info mail says in a language: subject, plain text and HTML, rendered once per language pair.

The recipient's own links (preferences, unsubscribe) are placeholders replaced per recipient, so a send
to 10,000 addresses renders the templates once per language, not once per address.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from erasmi.core import languages, mail
from erasmi.mailings.models import Mailing

PREFERENCES = "ERASMI-PREFERENCES-LINK"
UNSUBSCRIBE = "ERASMI-UNSUBSCRIBE-LINK"


@dataclass
class Composed:
    subject: str
    text: str
    html: str
    language: str  # the language of the content
    reader: str  # the language of the frame (headings, footer) and of the fallback note

    def personal(self, token: str | None) -> tuple[str, str]:
        """Text and HTML with the subscriber's own links (their token; None for a test send)."""
        preferences, unsubscribe = links(token, self.reader)
        text = self.text.replace(PREFERENCES, preferences).replace(UNSUBSCRIBE, unsubscribe)
        html = self.html.replace(PREFERENCES, preferences).replace(UNSUBSCRIBE, unsubscribe)
        return text, html


def links(token: str | None, language: str) -> tuple[str, str]:
    if token is None:  # a test send to oneself
        return settings.SITE_URL, settings.SITE_URL
    with translation.override(language):
        return (
            settings.SITE_URL + reverse("mailings:preferences", args=[token]),
            settings.SITE_URL + reverse("mailings:unsubscribe", args=[token]),
        )


def upcoming_meetings(network, *, members: bool, until: datetime.datetime | None = None) -> list[dict]:
    """The network's next meetings as plain data (kept on the mailing when it is sent)."""
    from erasmi.events.models import Event

    events = Event.objects.filter(network=network, status=Event.Status.SCHEDULED).upcoming()
    if not members:
        events = events.filter(visibility=Event.Visibility.PUBLIC)
    if until:
        events = events.filter(starts__lt=until)
    url = settings.SITE_URL
    return [
        {
            "title": e.title,
            # Its versions in other languages: each mail shows the title in the mail's language where there is one.
            "titles": _titles(e),
            "starts": e.starts.isoformat(),
            "place": e.place or (_("online") if e.online_url else ""),
            "path": e.get_absolute_url().split("/", 2)[2],  # without the language prefix
            "members_only": e.visibility == Event.Visibility.MEMBERS,
            "url": url,
        }
        for e in events.order_by("starts")[:30]
    ]


def _titles(event) -> dict[str, str]:
    """The meeting's title in each language it is written or translated in."""
    found = (event.text_in("title", code) for code in languages.codes())
    return {language: title for title, language in found if language}


def meetings_for(mailing: Mailing) -> list[dict]:
    if mailing.meetings or mailing.state == Mailing.State.SENT:
        return mailing.meetings
    if not mailing.with_meetings:
        return []
    until = timezone.now() + datetime.timedelta(days=62) if mailing.kind == Mailing.Kind.DIGEST else None
    return upcoming_meetings(mailing.network, members=mailing.for_members_only(), until=until)


def context(mailing: Mailing, reader: str) -> dict:
    """What the mail and its archive page show, for a reader of the language."""
    version = mailing.version(reader)
    language = version.language if version else reader
    news = []
    for item in mailing.news.all():
        news_version = item.version(language)
        if news_version:
            news.append(news_version)
    meetings = []
    for meeting in meetings_for(mailing):
        starts = timezone.localtime(datetime.datetime.fromisoformat(meeting["starts"]))
        meetings.append(
            {
                **meeting,
                "title": (meeting.get("titles") or {}).get(language) or meeting["title"],
                "starts": starts,
                "link": f"{meeting['url']}/{reader}/{meeting['path']}",
            }
        )
    return {
        "mailing": mailing,
        "network": mailing.network,
        "version": version,
        "subject": version.subject if version else mailing.get_kind_display(),
        "news": news,
        "meetings": meetings,
        "language": language,
        "reader": reader,
        "fallback": language != reader,
        "language_name": _in_sentence(languages.name_in_words(language), reader),
        "reader_language_name": _in_sentence(languages.name_in_words(reader), reader),
        "archive_url": settings.SITE_URL
        + reverse("mailings:archived", kwargs={"slug": mailing.network.slug, "pk": mailing.pk}),
        "site_url": settings.SITE_URL,
        "preferences_url": PREFERENCES,
        "unsubscribe_url": UNSUBSCRIBE,
    }


# Languages whose writers put language names in lower case inside a sentence ("in italiano", "på dansk").
_LOWER_CASE_NAMES = {"it", "da", "es", "fr", "pt", "sv", "nb", "pl", "ru", "uk"}


def _in_sentence(name: str, reader: str) -> str:
    return name[:1].lower() + name[1:] if reader in _LOWER_CASE_NAMES else name


def compose(mailing: Mailing, reader: str) -> Composed:
    """The mail for a reader of the language: its version in that language, else the original with a note."""
    with translation.override(reader):
        data = context(mailing, reader)
        text = render_to_string("mailings/mail.txt", data)
        html = render_to_string("mailings/mail.html", data)
    return Composed(mail.subject_line(data["subject"]), mail.body_text(text), html, data["language"], reader)


class Cache:
    """One composition per reader language, for one send."""

    def __init__(self, mailing: Mailing):
        self.mailing = mailing
        self.composed: dict[str, Composed] = {}

    def __call__(self, reader: str) -> Composed:
        if reader not in self.composed:
            self.composed[reader] = compose(self.mailing, reader)
        return self.composed[reader]
