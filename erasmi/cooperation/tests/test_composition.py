"""Composition and heterogeneity of the membership, year on year."""

import datetime

import pytest

from erasmi.cooperation import analysis
from erasmi.cooperation.tests.conftest import add_member
from erasmi.networks.models import Organisation
from erasmi.networks.tests.factories import make_network

T = Organisation.ActorType


def test_blau_index_by_hand():
    assert analysis.blau([5]) == 0
    assert analysis.blau([1, 1, 1, 1, 1]) == pytest.approx(0.8)
    assert analysis.blau([2, 1, 1]) == pytest.approx(1 - (0.25 + 0.0625 + 0.0625))
    assert analysis.blau([]) == 0


def test_the_membership_of_each_year_with_its_shares(db):
    network = make_network("years")
    add_member(network, "Amt", T.AUTHORITY, datetime.date(2021, 2, 1))
    add_member(network, "Verein", T.MIGRANT_ORGANISATION, datetime.date(2021, 5, 1), left=datetime.date(2022, 3, 1))
    add_member(network, "Caritas", T.WELFARE, datetime.date(2022, 7, 1))
    add_member(network, "Elternverein", T.MIGRANT_ORGANISATION, datetime.date(2023, 1, 10))
    add_member(network, "Jobcenter", T.AUTHORITY, datetime.date(2023, 4, 1))

    years = analysis.composition(network, today=datetime.date(2023, 6, 30))

    assert [(y.year, y.members, y.joined, y.left) for y in years] == [
        (2021, 2, 2, 0),
        (2022, 2, 1, 1),
        (2023, 4, 2, 0),
    ]
    y2021, y2022, y2023 = years
    assert y2021.state_share == 0.5 and y2021.migrant_share == 0.5 and y2021.blau == pytest.approx(0.5)
    assert y2022.migrant_share == 0 and y2022.by_type == {T.AUTHORITY: 1, T.WELFARE: 1}
    # 2023: two authorities, one welfare association, one migrant organisation: 1 − (¼ + 1/16 + 1/16).
    assert y2023.on == datetime.date(2023, 6, 30)
    assert y2023.state_share == 0.5 and y2023.migrant_share == 0.25
    assert y2023.blau == pytest.approx(0.625)


def test_a_network_without_members_has_no_years(db):
    assert analysis.composition(make_network("empty")) == []
