"""Subscribers and mailings for tests."""

from erasmi.mailings.models import Mailing, MailingVersion, NewsItem, NewsVersion, Subscriber, TranslationState


def subscriber(network, email, language="de", person=None, **fields) -> Subscriber:
    return Subscriber.objects.create(
        network=network, email=email, language=language, person=person, state=Subscriber.State.CONFIRMED, **fields
    )


def news(network, title="Neue Sprachkurse", body="Ab März gibt es <b>zwei</b> neue Kurse.", language="de"):
    item = NewsItem.objects.create(network=network)
    NewsVersion.objects.create(item=item, language=language, title=title, body=body)
    return item


def mailing(network, *, segments=("all",), versions=(("de", "Infomail März", "Liebe Mitglieder,"),), news_items=()):
    result = Mailing.objects.create(network=network, segments=list(segments))
    for number, (language, subject, intro) in enumerate(versions):
        MailingVersion.objects.create(
            mailing=result,
            language=language,
            subject=subject,
            intro=intro,
            state=TranslationState.ORIGINAL if number == 0 else TranslationState.TRANSLATED,
        )
    result.news.set(news_items)
    return result
