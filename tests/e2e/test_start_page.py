from playwright.sync_api import expect

from tests.e2e.conftest import make_user, sign_in


def test_a_member_sees_their_start_page_in_turkish(page, transactional_db):
    from erasmi.events import services
    from erasmi.networks.models import Network, Person, Role, Task, WorkingGroup
    from erasmi.networks.tests.factories import make_event

    network = Network.objects.create(slug="erfurt", name="Netzwerk für Integration Erfurt")
    first = make_user("anna@example.org")
    member = make_user("bora@example.org")
    for user in (first, member):
        Role.objects.create(network=network, person=Person.for_user(user), kind=Role.Kind.MEMBER)
    group = WorkingGroup.objects.create(network=network, slug="sprache", name="Sprache", lead=Person.for_user(member))
    Task.objects.create(working_group=group, title="Kursliste schicken")
    meeting = make_event(network, title="Kursplanung", capacity=1)
    services.register(meeting, Person.for_user(first))
    services.register(meeting, Person.for_user(member))

    sign_in(page, "bora@example.org", language="tr")
    expect(page.get_by_role("heading", name="Genel bakışınız")).to_be_visible()
    expect(page.get_by_role("link", name="Netzwerk für Integration Erfurt")).to_be_visible()
    expect(page.get_by_text("bekleme listesinde, sıra 1")).to_be_visible()
    expect(page.get_by_role("link", name="Kursliste schicken")).to_be_visible()
    page.get_by_role("link", name="Kursplanung").click()
    expect(page.get_by_role("heading", name="Kursplanung")).to_be_visible()
