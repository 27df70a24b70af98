"""A coordinator keeps the member organisations and lets a newcomer in, only through Erasmi's pages."""

from playwright.sync_api import expect

from tests.e2e.conftest import make_user, sign_in, sign_out


def _network():
    from erasmi.networks.models import Network, Person, Role

    network = Network.objects.create(slug="erfurt", name="Netzwerk für Integration Erfurt", city="Erfurt")
    coordinator = make_user("coordinator@example.org")
    Role.objects.create(network=network, person=Person.for_user(coordinator), kind=Role.Kind.COORDINATOR)
    make_user("jana@example.org")
    return network


def test_coordinator_adds_edits_and_ends_a_membership_and_accepts_a_newcomer(page, transactional_db):
    from erasmi.networks.models import Organisation, Role

    network = _network()

    sign_in(page, "coordinator@example.org")
    page.goto("/en/networks/erfurt/members/")
    page.get_by_role("link", name="Add an organisation").click()
    page.get_by_label("Name *").fill("Kulturverein Mosaik")
    page.get_by_label("Actor type *").select_option("migrant_org")
    page.get_by_label("City").fill("Erfurt")
    page.get_by_label("Phone").fill("0361 123")
    page.get_by_label("Languages spoken").fill("Deutsch, Türkçe")
    page.get_by_role("button", name="Add the organisation").click()
    expect(page.get_by_text("Kulturverein Mosaik was added as a member.")).to_be_visible()

    page.get_by_label("Website").fill("https://mosaik.example.org")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The organisation was saved.")).to_be_visible()
    assert Organisation.objects.get(name="Kulturverein Mosaik").languages == ["de", "tr"]

    page.get_by_role("link", name="End the membership").click()
    expect(page.get_by_text("from that day its people lose access")).to_be_visible()
    page.get_by_role("button", name="End the membership").click()
    expect(page.get_by_text("The membership of Kulturverein Mosaik ends on")).to_be_visible()
    assert not network.memberships.current().exists()
    sign_out(page)

    sign_in(page, "jana@example.org")
    page.goto("/en/networks/erfurt/")
    page.get_by_role("link", name="Ask to join").click()
    page.get_by_label("First name *").fill("Jana")
    page.get_by_label("Last name *").fill("Neu")
    page.get_by_label("Your organisation").fill("Kulturverein Mosaik")
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_text("Your request was sent.")).to_be_visible()
    sign_out(page)

    sign_in(page, "coordinator@example.org")
    page.goto("/en/networks/erfurt/people/")
    page.get_by_role("button", name="Accept Jana Neu").click()
    expect(page.get_by_text("Jana Neu is now a member of the network.")).to_be_visible()
    expect(page.get_by_role("cell", name="Jana Neu", exact=True)).to_be_visible()
    assert Role.objects.filter(network=network, person__user__email="jana@example.org").exists()
