import datetime
import io
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from erasmi.events.models import Registration
from erasmi.networks.models import HistoryEntry, Membership, Organisation, Person
from erasmi.networks.tests.factories import make_event
from erasmi.plans import report
from erasmi.plans.models import AnnualReport, Target
from erasmi.plans.tests.factories import make_plan

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _join(network, name, actor_type, joined, left=None):
    organisation = Organisation.objects.create(name=name, actor_type=actor_type)
    return Membership.objects.create(network=network, organisation=organisation, joined=joined, left=left)


def _rows(section) -> dict:
    return {row[0]: row[1:] for table in section["tables"] for row in table["rows"]}


def _section(network, key, year=2025, language="en"):
    return next(s for s in report.build(network, year, language) if s["key"] == key)


def test_members_joined_and_left_are_counted_by_actor_type_and_sector_beside_the_year_before(erfurt_network):
    A = Organisation.ActorType
    _join(erfurt_network, "Migrantenverein", A.MIGRANT_ORGANISATION, datetime.date(2025, 3, 1))
    _join(erfurt_network, "Elternverein", A.MIGRANT_ORGANISATION, datetime.date(2025, 9, 1))
    _join(erfurt_network, "Jobcenter", A.AUTHORITY, datetime.date(2024, 2, 1), left=datetime.date(2025, 5, 1))
    _join(erfurt_network, "Firma", A.COMPANY, datetime.date(2024, 6, 1))
    rows = _rows(_section(erfurt_network, "members"))
    # joined 2025, joined 2024, left 2025, left 2024, members end 2025, members end 2024
    assert rows["Migrant self-organisation"] == [2, 0, 0, 0, 3, 1]
    assert rows["Authority"] == [0, 1, 1, 0, 1, 2]
    assert rows["Company"] == [0, 1, 0, 0, 1, 1]  # "Former Ltd" left in 2020
    assert rows["State"] == [0, 1, 1, 0, 1, 2]
    assert rows["Non-state"] == [2, 1, 0, 0, 6, 4]
    assert rows["All members"] == [2, 2, 1, 0, 7, 6]


def test_meetings_held_and_attendance_are_counted_without_cancelled_meetings(erfurt_network, member, coordinator):
    start = timezone.make_aware(datetime.datetime(2025, 4, 1, 10))
    held = make_event(erfurt_network, start=start)
    make_event(erfurt_network, start=start.replace(year=2024), title="Before")
    cancelled = make_event(erfurt_network, start=start.replace(month=5), title="Cancelled")
    cancelled.status = "cancelled"
    cancelled.save()
    for user, attended in ((member, True), (coordinator, False)):
        Registration.objects.create(event=held, person=Person.for_user(user), status="confirmed", attended=attended)
    rows = _rows(_section(erfurt_network, "meetings"))
    assert rows["Network meeting"] == [1, 1]
    assert rows["All meetings"] == [1, 1]
    assert rows["Registrations"] == [2, 0]
    assert rows["Attended (as recorded in the minutes)"] == [1, 0]


def test_offers_added_and_confirmed_come_from_the_networks_history(erfurt_network, coordinator):
    def note(action, when):
        entry = HistoryEntry.objects.create(
            network=erfurt_network, action=action, object_type="offer", object_id="1", object_repr="Kurs"
        )
        HistoryEntry.objects.filter(pk=entry.pk).update(created=timezone.make_aware(when))

    note("created", datetime.datetime(2025, 2, 1))
    note("confirmed", datetime.datetime(2025, 8, 1))
    note("created", datetime.datetime(2024, 2, 1))
    rows = _rows(_section(erfurt_network, "offers"))
    assert rows["Offers added"] == [1, 1] and rows["Offers confirmed as current"] == [1, 0]


def test_the_plan_section_sets_each_indicators_target_against_its_actual_at_the_end_of_the_year(erfurt_network):
    make_plan(erfurt_network)
    section = _section(erfurt_network, "plan")
    indicators = section["tables"][1]["rows"]
    assert indicators == [["Kursplätze", "Plätze", 100, 150, 135, None]]
    assert _rows(section)["running"] == [1, None]


def test_sections_are_worded_in_the_language_of_the_report(erfurt_network):
    titles = [s["title"] for s in report.build(erfurt_network, 2025, "de")]
    assert "Mitglieder" in titles


def test_the_report_page_makes_the_same_number_of_queries_however_much_data(
    erfurt_network, member, django_assert_num_queries
):
    make_plan(erfurt_network)
    client = _client(member)
    url = reverse("plans:report", args=[erfurt_network.slug, 2025])
    client.get(url)
    # 18 for the plan's own sections, 2 for the surveys' (the year's surveys, the self-assessments)
    with django_assert_num_queries(20) as captured:
        assert client.get(url).status_code == 200
    count = len(captured)
    for n in range(5):
        make_event(erfurt_network, start=timezone.make_aware(datetime.datetime(2025, 6, 1 + n, 10)))
        _join(erfurt_network, f"Org {n}", "ngo", datetime.date(2025, 1, 1))
    with django_assert_num_queries(count):
        client.get(url)


def test_the_coordinator_writes_narratives_and_sets_targets_that_the_report_shows(erfurt_network, coordinator):
    client = _client(coordinator)
    url = reverse("plans:report_edit", args=[erfurt_network.slug, 2025])
    form = client.get(url).context["form"]
    data = {"version_token": form["version_token"].value(), "introduction": "Ein gutes Jahr <script>x</script>"}
    client.post(url, data)
    saved = AnnualReport.objects.get()
    assert saved.narratives == {"introduction": "Ein gutes Jahr <script>x</script>"}
    target_form = client.get(url).context["target_form"]
    client.post(
        url,
        {
            "add_target": "1",
            "name": "Kursplätze",
            "unit": "Plätze",
            "baseline": "135",
            "target": "160",
            "once": target_form["once"].value(),
        },
    )
    assert Target.objects.get().target == Decimal(160)
    page = client.get(reverse("plans:report", args=[erfurt_network.slug, 2025])).content.decode()
    assert "Ein gutes Jahr &lt;script&gt;" in page and "<script>x" not in page
    assert "Target figures for 2026" in page and "160" in page
    # Saved unchanged: nothing written.
    entries = HistoryEntry.objects.count()
    form = client.get(url).context["form"]
    client.post(url, {"version_token": form["version_token"].value(), "introduction": saved.narratives["introduction"]})
    assert HistoryEntry.objects.count() == entries


def test_the_coordinator_carries_the_targets_into_next_years_plan(erfurt_network, coordinator):
    saved = AnnualReport.objects.create(network=erfurt_network, year=2025)
    saved.targets.create(name="Mitglieder", target=Decimal(12))
    response = _client(coordinator).post(reverse("plans:targets_carry", args=[erfurt_network.slug, 2025]))
    plan = erfurt_network.plans.get()
    assert response.url == plan.get_absolute_url()
    assert plan.starts == datetime.date(2026, 1, 1)
    assert [(i.name, i.target) for i in plan.indicators.all()] == [("Mitglieder", Decimal(12))]


def test_only_coordinators_edit_the_report_and_only_members_see_it(erfurt_network, member, other_network, other_member):
    url = reverse("plans:report", args=[erfurt_network.slug, 2025])
    assert _client(member).get(url).status_code == 200
    assert _client(member).get(reverse("plans:report_edit", args=[erfurt_network.slug, 2025])).status_code == 403
    assert _client(other_member).get(url).status_code == 404
    assert _client(other_member).get(f"{url}report.pdf").status_code == 404
    assert Client().get(url).status_code == 302  # to sign in


def test_the_report_pdf_is_in_the_chosen_language_with_next_years_targets(erfurt_network, member):
    make_plan(erfurt_network)
    saved = AnnualReport.objects.create(
        network=erfurt_network, year=2025, narratives={"members": "Zwei neue Vereine <b>kamen</b> dazu."}
    )
    saved.targets.create(name="Kursplätze", unit="Plätze", target=Decimal(160))
    response = _client(member).get(reverse("plans:report_pdf", args=[erfurt_network.slug, 2025]), {"language": "de"})
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Jahresbericht 2025" in text
    assert "Zwei neue Vereine <b>kamen</b> dazu." in text
    assert "Kursplätze" in text and "160" in text


def test_the_report_page_shows_its_body_in_the_chosen_language(erfurt_network, member):
    url = reverse("plans:report", args=[erfurt_network.slug, 2025])
    page = _client(member).get(url, {"language": "tr"}).content.decode()
    assert 'lang="tr"' in page and "Language of the report" in page
