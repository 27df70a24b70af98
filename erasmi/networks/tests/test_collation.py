"""Lists of names sort as the reader's language does: "Afrikanisch" before "AWO", "Ärztekammer" with the A's."""

import datetime
import re

from erasmi.networks.models import Membership, Organisation


def _join(network, *names):
    for name in names:
        Membership.objects.create(
            network=network,
            organisation=Organisation.objects.create(name=name, actor_type=Organisation.ActorType.WELFARE),
            joined=datetime.date(2015, 1, 1),
        )


def _in_page(html: str, names) -> list[str]:
    return sorted(names, key=lambda name: html.index(name))


def test_member_list_sorts_as_the_reader_reads(client, coordinator, erfurt_network):
    _join(erfurt_network, "AWO Thüringen", "Ärztekammer", "bildungswerk e.V.", "Çorum Kültür Derneği")
    client.force_login(coordinator)
    html = client.get("/de/networks/erfurt/members/").text
    names = ["Afrikanisch-Deutscher Verein", "Ärztekammer", "AWO Thüringen", "bildungswerk e.V.", "Caritas",
             "Çorum Kültür Derneği", "Stadt Erfurt", "VHS"]  # fmt: skip
    assert _in_page(html, names) == names


def test_member_list_pages_follow_the_readers_order(client, coordinator, erfurt_network, settings):
    _join(erfurt_network, *[f"Zentrum {n:03}" for n in range(100)], "AWO Thüringen", "Ärztekammer")
    client.force_login(coordinator)
    first = client.get("/de/networks/erfurt/members/").text
    assert "Ärztekammer" in first and "AWO Thüringen" in first
    assert "Zentrum 093" in first and "Zentrum 094" not in first
    second = client.get("/de/networks/erfurt/members/?page=2").text
    assert re.findall(r"Zentrum 09[4-9]", second) == [
        "Zentrum 094",
        "Zentrum 095",
        "Zentrum 096",
        "Zentrum 097",
        "Zentrum 098",
        "Zentrum 099",
    ]


def test_organisations_to_choose_for_a_person_sort_as_the_reader_reads(coordinator, erfurt_network):
    from erasmi.networks.forms import PersonForm

    _join(erfurt_network, "AWO Thüringen", "Ärztekammer")
    choices = [label for value, label in PersonForm(network=erfurt_network).fields["organisation"].choices if value]
    assert choices == ["Afrikanisch-Deutscher Verein", "Ärztekammer", "AWO Thüringen", "Caritas", "Stadt Erfurt", "VHS"]
