"""The info mail in the demo: subscribers, news in two languages, one sent info mail in the archive, a draft."""

from django.utils import timezone

from erasmi.mailings.models import Mailing, MailingVersion, NewsItem, NewsVersion, Subscriber, TranslationState
from erasmi.networks.models import Network, Person

NEWS = [
    (
        ("de", "Neue Sprachkurse ab März", "Die Volkshochschule bietet ab März zwei neue Integrationskurse an."),
        (
            "tr",
            "Mart ayından itibaren yeni dil kursları",
            "Halk eğitim merkezi Mart ayından itibaren iki yeni uyum kursu sunuyor.",
        ),
    ),
]


def load(network: Network, users: dict) -> int:
    if Mailing.objects.filter(network=network).exists():
        return Subscriber.objects.filter(network=network).count()
    for key in ("coordinator", "member"):
        user = users[key]
        Subscriber.objects.get_or_create(
            network=network,
            email=user.email,
            defaults={
                "language": "de",
                "person": Person.for_user(user),
                "state": Subscriber.State.CONFIRMED,
                "confirmed": timezone.now(),
            },
        )
    for email, language in [("besucherin@example.org", "tr"), ("visitatore@example.org", "it")]:
        Subscriber.objects.get_or_create(
            network=network,
            email=email,
            defaults={"language": language, "state": Subscriber.State.CONFIRMED, "confirmed": timezone.now()},
        )
    items = []
    for versions in NEWS:
        item = NewsItem.objects.create(network=network, author=users["coordinator"])
        for number, (language, title, body) in enumerate(versions):
            state = TranslationState.ORIGINAL if number == 0 else TranslationState.TRANSLATED
            NewsVersion.objects.create(item=item, language=language, state=state, title=title, body=body)
        items.append(item)
    sent = Mailing.objects.create(
        network=network,
        visibility=Mailing.Visibility.PUBLIC,
        segments=["all"],
        state=Mailing.State.SENT,
        sent=timezone.now(),
        created_by=users["coordinator"],
    )
    sent.news.set(items)
    MailingVersion.objects.create(mailing=sent, language="de", subject="Infomail Februar", intro="Liebe Mitglieder,")
    MailingVersion.objects.create(
        mailing=sent, language="tr", subject="Şubat bülteni", intro="Sevgili üyeler,", state=TranslationState.TRANSLATED
    )
    draft = Mailing.objects.create(network=network, segments=["members"], created_by=users["coordinator"])
    MailingVersion.objects.create(mailing=draft, language="de", subject="Infomail März", intro="Liebe Mitglieder,")
    return Subscriber.objects.filter(network=network).count()
