"""The history reads in the reader's language: kinds, fields and values, for new and older entries."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from erasmi.networks.models import HistoryEntry, Membership, WorkingGroup
from erasmi.networks.tests.factories import make_event

ENGLISH_NAMES = [
    ">membership<",
    "membership “",
    "working group “",
    "event “",
    "agreement_signed",
    "agreement_date_unknown",
    "row:",
    "place:",
    "topic:",
    "capacity",
    "formats:",
    "None",
    "2009-06-20",
    "['discussion'",
    "network_cafe",
]


@pytest.fixture
def changed_things(client, coordinator, erfurt_network):
    """A coordinator records an agreement and changes a meeting; older entries were written as text."""
    client.force_login(coordinator)
    membership = Membership.objects.get(organisation__name="Caritas")
    client.post(
        reverse("networks:membership", args=["erfurt", membership.pk]),
        {"joined": "2010-01-01", "agreement_signed": "2009-06-20", "listed_publicly": "on"},
    )
    event = make_event(erfurt_network, title="Netzwerktreffen")
    client.post(
        reverse("events:edit", args=["erfurt", event.pk]),
        {
            "title": "Netzwerktreffen",
            "kind": "network_meeting",
            "formats": ["discussion", "network_cafe"],
            "starts": "2030-01-10T15:00",
            "ends": "2030-01-10T17:00",
            "place": "Rathaus",
            "visibility": "members",
            "capacity": "25",
        },
    )
    group = WorkingGroup.objects.get()
    # As the history wrote them before: English model names and every value as text.
    HistoryEntry.objects.create(
        network=erfurt_network,
        actor=coordinator,
        action="imported",
        object_type="membership",
        object_id=str(membership.pk),
        object_repr="Caritas in Network erfurt",
        changes={"row": "5", "agreement_signed": "2009-06-20", "agreement_date_unknown": "False"},
    )
    HistoryEntry.objects.create(
        network=erfurt_network,
        actor=coordinator,
        action="changed",
        object_type="working group",
        object_id=str(group.pk),
        object_repr="Sprache",
        changes={"topic": "Sprachkurse", "lead": "None"},
    )
    HistoryEntry.objects.create(
        network=erfurt_network,
        actor=coordinator,
        action="changed",
        object_type="event",
        object_id=str(event.pk),
        object_repr="Netzwerktreffen",
        changes={"formats": "['discussion', 'network_cafe']", "place": "Rathaus", "capacity": "5"},
    )
    return client


def _history(client, language: str) -> str:
    with translation.override(language):
        url = reverse("networks:history", args=["erfurt"])
    return client.get(url, HTTP_ACCEPT_LANGUAGE=language).text


def _without_tags(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_the_history_in_german_names_kinds_fields_and_dates_as_germans_write_them(changed_things):
    page = _without_tags(_history(changed_things, "de"))
    assert "Mitgliedschaft" in page
    assert "Kooperationsvereinbarung unterzeichnet: 20. Juni 2009" in page
    assert "Auf der öffentlichen Seite des Netzwerks gezeigt: ja" in page
    assert "Arbeitsgruppe „Sprache“" in page or "Arbeitsgruppe “Sprache”" in page
    assert "Formate: Diskussionsrunde, Netzwerkcafé mit Info-Tischen" in page
    assert "Ort: Rathaus" in page and "Thema: Sprachkurse" in page and "Zeile: 5" in page
    assert '<option value="membership">Mitgliedschaft</option>' in page
    for english in ENGLISH_NAMES:
        assert english not in page, english


def test_the_history_in_turkish_names_kinds_fields_and_dates_as_turkish_readers_write_them(changed_things):
    page = _without_tags(_history(changed_things, "tr"))
    assert "Üyelik" in page
    assert "20 Haziran 2009" in page
    assert "İşbirliği anlaşması imzalandı: 20 Haziran 2009" in page
    for english in ENGLISH_NAMES:
        assert english not in page, english


def test_the_kind_filter_lists_translated_kinds_and_shows_only_that_kind(changed_things):
    with translation.override("de"):
        url = reverse("networks:history", args=["erfurt"])
    page = changed_things.get(url, {"type": "event"}).text
    assert '<option value="event" selected>Treffen</option>' in page
    assert '<option value="membership">Mitgliedschaft</option>' in page
    assert "Rathaus" in page and "Sprachkurse" not in page and "20. Juni 2009" not in page


def test_a_cancelled_meeting_a_join_request_and_a_district_read_as_what_they_are(client, coordinator, erfurt_network):
    from django.utils import translation

    from erasmi.networks.models import JoinRequest
    from erasmi.networks.tests.factories import make_event
    from erasmi.offers.models import Area

    event = make_event(erfurt_network, title="Netzwerktreffen")
    HistoryEntry.record(erfurt_network, coordinator, HistoryEntry.Action.CANCELLED, event, {"mails": 2})
    from model_bakery import baker

    requester = baker.make("accounts.User", email="lars@example.org")
    request = JoinRequest.objects.create(network=erfurt_network, user=requester, first_name="Lars", last_name="J")
    HistoryEntry.record(erfurt_network, coordinator, HistoryEntry.Action.DECLINED, request)
    district = Area.objects.create(network=erfurt_network, name="Altstadt", postcodes=["99084"])
    HistoryEntry.record(erfurt_network, coordinator, HistoryEntry.Action.CREATED, district)
    client.force_login(coordinator)
    with translation.override("de"):
        page = client.get(reverse("networks:history", args=["erfurt"])).text
    assert "hat das Treffen „Netzwerktreffen“ abgesagt" in page and "Versandte Mails: 2" in page
    assert "hat die Beitrittsanfrage von „Lars J“ abgelehnt" in page
    assert "hat Stadtteil „Altstadt“ angelegt" in page
