"""Nothing lost: dates in every language, unchanged saves, two people editing the same record."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from erasmi.core.tests.formdata import as_browser_sends
from erasmi.core.tests.parallel import at_once
from erasmi.events.models import Event
from erasmi.networks.models import HistoryEntry, Membership
from erasmi.networks.tests.factories import make_event
from erasmi.offers.models import Category, Offer

LANGUAGES = ["de", "tr", "it", "da"]


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def offer(erfurt_network):
    return Offer.objects.create(
        organisation=erfurt_network.memberships.first().organisation,
        network=erfurt_network,
        titles={"de": "Sprachcafé", "en": "Language café"},
        category=Category.objects.get(slug="counselling"),
        latitude=50.9787,
        longitude=11.0328,
        starts=datetime.date(2024, 3, 1),
        ends=datetime.date(2026, 12, 31),
        schedule=[{"weekday": 1, "start": "10:00", "end": "12:00"}],
        cost="kostenlos",
    )


def _membership(network):
    membership = network.memberships.get(organisation__name="Caritas")
    membership.agreement_signed = datetime.date(2009, 6, 1)
    membership.save()
    return membership


@pytest.mark.parametrize("language", LANGUAGES)
def test_date_inputs_carry_iso_dates_in_every_language(client, coordinator, erfurt_network, language):
    membership = _membership(erfurt_network)
    client.force_login(coordinator)
    page = client.get(url("networks:membership", "erfurt", membership.pk, language=language))
    assert 'type="date"' in page.text
    assert 'value="2009-06-01"' in page.text and 'value="2010-01-01"' in page.text
    assert "01.06.2009" not in page.text and "01/06/2009" not in page.text


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_membership_saved_unchanged_changes_nothing_and_writes_no_history(
    client, coordinator, erfurt_network, language
):
    membership = _membership(erfurt_network)
    client.force_login(coordinator)
    edit = url("networks:membership", "erfurt", membership.pk, language=language)
    assert client.post(edit, as_browser_sends(client.get(edit).context["form"])).status_code == 302
    membership.refresh_from_db()
    assert (membership.joined, membership.left, membership.agreement_signed) == (
        datetime.date(2010, 1, 1),
        None,
        datetime.date(2009, 6, 1),
    )
    assert not HistoryEntry.objects.filter(action=HistoryEntry.Action.CHANGED).exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_offer_saved_unchanged_keeps_its_dates_coordinates_and_times(client, coordinator, offer, language):
    client.force_login(coordinator)
    edit = url("offers:edit", offer.pk, language=language)
    form = client.get(edit).context["form"]
    data = as_browser_sends(form)
    assert data["starts"] == "2024-03-01" and data["latitude"] == "50.9787"
    assert client.post(edit, data).status_code == 302
    saved = Offer.objects.get(pk=offer.pk)
    for field in ("titles", "starts", "ends", "latitude", "longitude", "schedule", "cost", "languages"):
        assert getattr(saved, field) == getattr(offer, field), field


def test_an_unchanged_agenda_sent_with_the_browsers_line_ends_is_not_logged(client, coordinator, erfurt_network):
    event = make_event(erfurt_network)
    Event.objects.filter(pk=event.pk).update(agenda="1. Welcome\n2. Reports\n3. Café")
    client.force_login(coordinator)
    edit = url("events:edit", "erfurt", event.pk, language="de")
    data = as_browser_sends(client.get(edit).context["form"])
    assert "\r\n" in data["agenda"]
    client.post(edit, data)
    assert Event.objects.get(pk=event.pk).agenda == "1. Welcome\n2. Reports\n3. Café"
    assert not HistoryEntry.objects.filter(action=HistoryEntry.Action.CHANGED).exists()
    data["agenda"] += "\r\n4. Next date"
    client.post(edit, data)
    entry = HistoryEntry.objects.get(action=HistoryEntry.Action.CHANGED)
    assert list(entry.changes) == ["agenda"]


def test_two_people_changing_different_fields_of_an_offer_both_keep_their_change(client, coordinator, offer):
    client.force_login(coordinator)
    edit = url("offers:edit", offer.pk)
    first = as_browser_sends(client.get(edit).context["form"])
    second = as_browser_sends(client.get(edit).context["form"])
    client.post(edit, {**first, "cost": "5 € per month"})
    response = client.post(edit, {**second, "accessibility": "step-free"})
    assert response.status_code == 302
    saved = Offer.objects.get(pk=offer.pk)
    assert (saved.cost, saved.accessibility) == ("5 € per month", "step-free")


def test_the_same_field_changed_by_two_people_is_a_conflict_that_shows_the_other_value(client, coordinator, offer):
    client.force_login(coordinator)
    edit = url("offers:edit", offer.pk, language="de")
    first = as_browser_sends(client.get(edit).context["form"])
    second = as_browser_sends(client.get(edit).context["form"])
    client.post(edit, {**first, "cost": "5 € im Monat"})
    response = client.post(edit, {**second, "cost": "3 € pro Termin"})
    assert response.status_code == 400
    assert "Jemand anderes" in response.text
    assert response.context["form"].errors["cost"] == ["Zwischenzeitlich geändert in „5 € im Monat“."]
    assert Offer.objects.get(pk=offer.pk).cost == "5 € im Monat"
    # Shown again, the form answers to the record as it is now: saving it again is a decision.
    again = as_browser_sends(response.context["form"])
    assert again["cost"] == "3 € pro Termin"
    assert client.post(edit, again).status_code == 302
    assert Offer.objects.get(pk=offer.pk).cost == "3 € pro Termin"


def test_titles_saved_in_german_and_english_keep_each_other(client, coordinator, offer):
    client.force_login(coordinator)
    german, english = url("offers:edit", offer.pk, language="de"), url("offers:edit", offer.pk, language="en")
    de = as_browser_sends(client.get(german).context["form"])
    en = as_browser_sends(client.get(english).context["form"])
    client.post(german, {**de, "title": "Sprachcafé am Anger"})
    client.post(english, {**en, "title": "Language café at the Anger"})
    assert Offer.objects.get(pk=offer.pk).titles == {"de": "Sprachcafé am Anger", "en": "Language café at the Anger"}


@pytest.mark.django_db(transaction=True)
def test_titles_saved_at_the_same_moment_in_five_languages_are_all_kept(erfurt_network, coordinator):
    offer = Offer.objects.create(
        organisation=erfurt_network.memberships.first().organisation,
        network=erfurt_network,
        titles={"de": "Sprachcafé"},
        # a transactional test may run after another emptied the tables the migrations filled
        category=Category.objects.get_or_create(slug="counselling", defaults={"names": {"en": "Counselling"}})[0],
        online=True,
    )
    forms = {}
    for language in ["de", "en", "tr", "it", "da"]:
        client = Client()
        client.force_login(coordinator)
        edit = url("offers:edit", offer.pk, language=language)
        forms[language] = (client, edit, as_browser_sends(client.get(edit).context["form"]))
    statuses = at_once(
        lambda c=client, e=edit, d=data, code=code: c.post(e, {**d, "title": f"Title {code}"}).status_code
        for code, (client, edit, data) in forms.items()
    )
    assert statuses == [302] * 5
    assert Offer.objects.get(pk=offer.pk).titles == {code: f"Title {code}" for code in forms}


def test_a_membership_end_recorded_meanwhile_is_not_undone_by_an_old_form(client, coordinator, erfurt_network):
    membership = _membership(erfurt_network)
    client.force_login(coordinator)
    edit = url("networks:membership", "erfurt", membership.pk, language="de")
    stale = as_browser_sends(client.get(edit).context["form"])
    Membership.objects.filter(pk=membership.pk).update(left=datetime.date(2025, 12, 31))
    client.post(edit, {**stale, "agreement_signed": "2011-02-03"})
    membership.refresh_from_db()
    assert membership.left == datetime.date(2025, 12, 31)
    assert membership.agreement_signed == datetime.date(2011, 2, 3)


def test_a_conflicting_date_is_shown_as_the_reader_writes_dates(client, coordinator, erfurt_network):
    membership = _membership(erfurt_network)
    client.force_login(coordinator)
    edit = url("networks:membership", "erfurt", membership.pk, language="de")
    stale = as_browser_sends(client.get(edit).context["form"])
    Membership.objects.filter(pk=membership.pk).update(agreement_signed=datetime.date(2010, 3, 4))
    response = client.post(edit, {**stale, "agreement_signed": "2011-02-03"})
    assert response.status_code == 400
    assert "4. März 2010" in response.context["form"].errors["agreement_signed"][0]
    assert Membership.objects.get(pk=membership.pk).agreement_signed == datetime.date(2010, 3, 4)
