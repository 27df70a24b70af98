import datetime

from django.core.management import call_command

from erasmi.networks.models import Organisation, Person
from erasmi.offers.models import Category, Offer
from erasmi.offers.services import remind_outdated


def _offer(confirmed):
    organisation = Organisation.objects.create(name="Sprachschule", actor_type="education")
    Person.objects.create(
        first_name="Ana", last_name="Lehr", email="ana@sprachschule.example", organisation=organisation
    )
    return Offer.objects.create(
        organisation=organisation,
        titles={"en": "German A1"},
        category=Category.objects.first(),
        online=True,
        confirmed=confirmed,
    )


def test_owner_is_reminded_once_of_an_offer_not_confirmed_for_six_months(smtp_server):
    today = datetime.date.today()
    stale = _offer(confirmed=today - datetime.timedelta(days=200))
    assert stale.possibly_outdated
    assert remind_outdated(today) == 1
    message = smtp_server.messages[0]
    assert message["to"] == ["ana@sprachschule.example"]
    assert "German A1" in message["message"]["Subject"]
    assert f"/offers/{stale.pk}/edit/" in smtp_server.body()
    assert remind_outdated(today) == 0  # not twice
    assert remind_outdated(today + datetime.timedelta(days=31)) == 1  # a month later again


def test_current_offers_get_no_reminder(smtp_server):
    _offer(confirmed=datetime.date.today())
    call_command("remind_outdated_offers", verbosity=0)
    assert smtp_server.messages == []


def test_a_title_with_a_line_break_stays_in_the_subject_and_adds_no_header(smtp_server):
    today = datetime.date.today()
    stale = _offer(confirmed=today - datetime.timedelta(days=200))
    stale.titles = {"en": "German A1\r\nBcc: victim@example.org"}
    stale.save()
    assert remind_outdated(today) == 1
    message = smtp_server.messages[0]
    assert message["to"] == ["ana@sprachschule.example"]
    assert message["message"]["Subject"].endswith("German A1 Bcc: victim@example.org")
    assert message["message"]["Bcc"] is None
