"""The graph page: for the network's members only, the same data as graph and tables, cached until data changes."""

import datetime
import re

import pytest
from django.urls import reverse

from erasmi.cooperation import versions
from erasmi.cooperation.models import Partnership
from erasmi.cooperation.tests.conftest import add_member, add_person
from erasmi.networks.tests.factories import make_network

WARM = 8  # session, user, network, role, content version, the versions of the action plan (2) and surveys (1)


def paragraph(html: str, id_: str) -> str:
    return re.search(rf'<p id="{id_}">(.*?)</p>', html, re.S).group(1)


def page(client, network):
    return client.get(reverse("cooperation:graph", args=[network.slug]))


def test_a_member_sees_the_graph_the_tables_and_the_composition(client, member, path):
    client.force_login(member)
    response = page(client, path.network)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="node t-') == 5
    assert html.count("<line ") == 3
    assert 'data-sources="partnerships"' in html
    assert 'tabindex="0" role="button"' in html
    assert "Org E" in paragraph(html, "isolated")
    assert "Org A; Org B" in paragraph(html, "bridging")
    assert "Shared working group" in html and "Declared partnership" in html
    assert "Blau's index, 0 = all of one type" in html.replace("&#x27;", "'") and ": 0.80" in html
    assert "Content-Security-Policy" not in html and " style=" not in html  # no inline styles (CSP)


def test_the_page_is_linked_from_the_networks_page_for_members(client, member, path):
    client.force_login(member)
    html = client.get(path.network.get_absolute_url()).content.decode()
    assert reverse("cooperation:graph", args=[path.network.slug]) in html


@pytest.mark.parametrize("url", ["graph", "export", "csv", "partnerships", "partnership_create"])
def test_visitors_and_other_networks_members_find_nothing(client, other_member, path, url):
    make_network("other", member_users=[other_member])
    args = {"export": ["graphml"], "csv": ["ties"]}.get(url, [])
    address = reverse(f"cooperation:{url}", args=[path.network.slug, *args])
    assert client.get(address).status_code == 404
    client.force_login(other_member)
    assert client.get(address).status_code == 404


def test_the_page_is_in_german_for_a_german_reader(client, member, path):
    client.force_login(member)
    response = client.get(f"/de/cooperation/{path.network.slug}/")
    html = response.content.decode()
    assert "Wer kooperiert mit wem" in html
    assert "Gemeinsame Arbeitsgruppe" in html


def test_a_new_partnership_shows_at_once(client, member, path):
    client.force_login(member)
    assert "Org E" in paragraph(page(client, path.network).content.decode(), "isolated")
    Partnership.objects.create(
        network=path.network,
        organisation=path.orgs["A"],
        partner=path.orgs["E"],
        since=datetime.date(2024, 1, 1),
        state=Partnership.State.CONFIRMED,
    )
    html = page(client, path.network).content.decode()
    assert "Org E" not in paragraph(html, "isolated")
    assert "<dd>0.400</dd>" in html  # the density: 4 ties of 10 possible


def test_an_unchanged_network_is_read_from_the_cache(client, member, path, monkeypatch):
    from erasmi.cooperation import analysis

    client.force_login(member)
    page(client, path.network)

    def computed_again(*args, **kwargs):
        raise AssertionError("computed again")

    monkeypatch.setattr(analysis, "_measure", computed_again)
    monkeypatch.setattr(analysis, "layout_positions", computed_again)
    assert page(client, path.network).status_code == 200


def test_a_bulk_change_without_signals_is_noticed(client, member, path):
    from erasmi.events.models import Registration

    client.force_login(member)
    b, c = sorted([path.orgs["B"].pk, path.orgs["C"].pk])
    tie = f'data-a="{b}" data-b="{c}"'
    assert tie in page(client, path.network).content.decode()
    Registration.objects.filter(person=path.people["C"]).delete()  # a queryset delete sends no post_delete per row
    assert tie not in page(client, path.network).content.decode()


def test_the_number_of_queries_does_not_grow_with_the_network(client, member, path, django_assert_num_queries):
    client.force_login(member)
    page(client, path.network)  # warm the cache

    with django_assert_num_queries(WARM):
        page(client, path.network)
    for n in range(30):
        organisation = add_member(path.network, f"More {n}", "ngo", datetime.date(2024, 1, 1))
        path.group.members.add(add_person(path.network, organisation))
    page(client, path.network)
    with django_assert_num_queries(WARM):
        page(client, path.network)
    versions.bump([path.network.pk])
    with django_assert_num_queries(WARM + 12):  # measured afresh: twelve more, whatever the size
        page(client, path.network)


def test_a_large_graph_draws_and_lists_part_of_its_ties_and_says_so(client, member, path, monkeypatch):
    from erasmi.cooperation import views

    monkeypatch.setattr(views, "DRAWN_TIES", 2)
    monkeypatch.setattr(views, "LISTED_TIES", 1)
    client.force_login(member)
    html = page(client, path.network).content.decode()
    assert html.count("<line ") == 2
    assert "The graph draws 2 of 3 ties" in html
    assert "The table lists 1 of 3 ties" in html


def test_a_registered_source_with_a_version_shows_its_new_ties_at_once(client, member, path):
    from erasmi.cooperation import sources

    measures = []  # what the other app holds: joint measures of the action plan

    def joint_measures(network):
        yield from measures

    sources.register_source("sample", "Joint measures", joint_measures, version=lambda network: len(measures))
    try:
        client.force_login(member)
        assert "Org E" in paragraph(page(client, path.network).content.decode(), "isolated")
        measures.append((path.orgs["A"].pk, path.orgs["E"].pk, datetime.date(2024, 5, 1)))
        html = page(client, path.network).content.decode()
        assert "Org E" not in paragraph(html, "isolated")
        assert 'data-sources="sample"' in html
    finally:
        sources._sources.pop("sample")


def test_an_estimated_betweenness_says_from_how_many_organisations_in_german(client, member, path, monkeypatch):
    from erasmi.cooperation import analysis

    monkeypatch.setattr(analysis, "EXACT_BETWEENNESS_UP_TO", 2)
    monkeypatch.setattr(analysis, "BETWEENNESS_WORK", 1)
    monkeypatch.setattr(analysis, "BETWEENNESS_PIVOTS", 3)
    client.force_login(member)
    html = client.get(f"/de/cooperation/{path.network.slug}/").content.decode()
    assert "die von 3 zufällig gewählten Organisationen ausgehen" in html


def test_the_drawn_symbols_and_lines_are_escaped(client, member, path):
    organisation = path.orgs["A"]
    organisation.name = '<script>"A" & B</script>'
    organisation.save()
    client.force_login(member)
    html = page(client, path.network).content.decode()
    assert 'data-name="&lt;script&gt;&quot;A&quot; &amp; B&lt;/script&gt;"' in html
    assert "<script>" not in html.split('class="coop-svg"')[1].split("</svg>")[0]
