import icalendar
from playwright.sync_api import expect

from tests.e2e.conftest import make_user, sign_in, sign_out


def _network():
    from erasmi.networks.models import Network, Person, Role

    network = Network.objects.create(slug="erfurt", name="Netzwerk für Integration Erfurt", city="Erfurt")
    coordinator = make_user("coordinator@example.org")
    Role.objects.create(network=network, person=Person.for_user(coordinator), kind=Role.Kind.COORDINATOR)
    for email, name in [("anna@example.org", "Anna"), ("bora@example.org", "Bora")]:
        user = make_user(email)
        user.first_name = name
        user.save()
        Role.objects.create(network=network, person=Person.for_user(user), kind=Role.Kind.MEMBER)
    return network


def test_coordinator_and_members_run_a_meeting(page, transactional_db):
    from erasmi.compendium import vocabulary
    from erasmi.compendium.models import Term

    vocabulary.load(Term)
    _network()

    # The coordinator creates a working group and schedules its meeting with one place.
    sign_in(page, "coordinator@example.org")
    page.goto("/en/networks/erfurt/")
    page.get_by_role("link", name="New working group").click()
    page.get_by_label("Name *").fill("Sprache und Bildung")
    page.get_by_label("Topic", exact=True).fill("Language courses")
    page.get_by_label("Anna").check()
    page.get_by_label("Bora").check()
    page.get_by_role("button", name="Create working group").click()
    expect(page.get_by_role("heading", name="Sprache und Bildung")).to_be_visible()

    page.goto("/en/networks/erfurt/")
    page.get_by_role("link", name="Schedule a meeting").click()
    page.get_by_label("Title *").fill("AG Sprache: Kursplanung")
    page.get_by_label("Kind *").select_option("group_meeting")
    page.get_by_label("Working group").select_option(label="Sprache und Bildung")
    page.get_by_label("Starts *").fill("2030-03-12T10:00")
    page.get_by_label("Ends *").fill("2030-03-12T12:00")
    page.get_by_label("Place", exact=True).fill("Zentrum für Integration")
    page.get_by_label("Places", exact=True).fill("1")
    page.get_by_label("Agenda", exact=True).fill("Kurse 2030\nRäume")
    page.get_by_role("button", name="Schedule", exact=True).click()
    expect(page.get_by_text("The meeting was scheduled.")).to_be_visible()
    meeting_url = page.url
    sign_out(page)

    # Anna takes the only place, Bora goes on the waiting list.
    sign_in(page, "anna@example.org")
    page.goto(meeting_url)
    page.get_by_role("button", name="Register").click()
    expect(page.locator("#registration-status")).to_have_text("Registered")
    sign_out(page)
    sign_in(page, "bora@example.org")
    page.goto(meeting_url)
    page.get_by_role("button", name="Register").click()
    expect(page.locator("#registration-status")).to_have_text("On the waiting list")
    sign_out(page)

    # Anna cancels: Bora moves up.
    sign_in(page, "anna@example.org")
    page.goto(meeting_url)
    page.get_by_role("button", name="Cancel my registration").click()
    expect(page.get_by_text("Your registration was cancelled.")).to_be_visible()
    sign_out(page)
    sign_in(page, "bora@example.org")
    page.goto(meeting_url)
    expect(page.locator("#registration-status")).to_have_text("Registered")

    # Bora subscribes to the personal feed: the members-only meeting is in it.
    page.goto("/en/networks/erfurt/calendar/?view=list")
    feed = page.locator("#personal-feed").get_attribute("href")
    calendar = icalendar.Calendar.from_ical(page.request.get(feed).body())
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["AG Sprache: Kursplanung"]
    sign_out(page)

    # The coordinator writes the minutes; members read them.
    sign_in(page, "coordinator@example.org")
    page.goto(meeting_url)
    page.get_by_role("link", name="Write minutes, decisions and attendance").click()
    page.get_by_label("Minutes").fill("Wir planen drei Abendkurse.\nDienstags und donnerstags.")
    page.get_by_label("Decisions").fill("Start im April")
    page.get_by_label("Bora", exact=True).check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#minutes")).to_have_text(
        "Wir planen drei Abendkurse.\nDienstags und donnerstags.", use_inner_text=True
    )
    expect(page.get_by_text("attended")).to_be_visible()
