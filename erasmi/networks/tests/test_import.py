import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from erasmi.networks.models import Membership, Organisation

GOOD_CSV = (
    "Organisation;Akteurstyp;Ort;Sprachen;Beitritt;Kooperationsvereinbarung\n"
    "Stadt Erfurt;Behörde;Erfurt;de;01.01.2004;15.03.2004\n"
    "Türkischer Elternverein;Migrant*innenselbstorganisation;Erfurt;de, tr;2011-05-01;\n"
    "Neue Sprachschule;Bildungsträger;Weimar;de,en,uk;01.09.2024;\n"
).encode("cp1252", errors="replace")


def upload(client, name, data):
    return client.post(reverse("networks:members_import", args=["erfurt"]), {"file": SimpleUploadedFile(name, data)})


def test_preview_then_import_of_a_semicolon_csv_as_excel_writes_it(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    response = upload(client, "mitglieder.csv", GOOD_CSV)  # Windows-1252, as Excel saves it
    rows = response.context["rows"]
    assert [(r.number, r.action, r.errors) for r in rows] == [(2, "update", []), (3, "new", []), (4, "new", [])]
    assert Organisation.objects.filter(name="Neue Sprachschule").count() == 0  # nothing written yet
    client.post(reverse("networks:members_import", args=["erfurt"]), {"confirm": "1"})
    school = Membership.objects.get(network=erfurt_network, organisation__name="Neue Sprachschule")
    assert school.joined == datetime.date(2024, 9, 1)
    assert school.organisation.actor_type == Organisation.ActorType.EDUCATION
    assert school.organisation.languages == ["de", "en", "uk"]
    elternverein = Organisation.objects.get(name="Türkischer Elternverein")
    assert elternverein.actor_type == Organisation.ActorType.MIGRANT_ORGANISATION
    assert elternverein.sector == Organisation.Sector.NON_STATE


def test_existing_members_are_updated_not_duplicated(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    response = upload(client, "m.csv", GOOD_CSV)
    assert response.context["rows"][0].action == "update"  # "Stadt Erfurt" is already a member
    client.post(reverse("networks:members_import", args=["erfurt"]), {"confirm": "1"})
    assert Organisation.objects.filter(name="Stadt Erfurt").count() == 1
    membership = Membership.objects.get(network=erfurt_network, organisation__name="Stadt Erfurt")
    assert membership.agreement_signed == datetime.date(2004, 3, 15)


def test_rows_with_errors_are_explained_and_nothing_is_written(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    before = Organisation.objects.count()
    bad = (
        b"Organisation,Actor type,Joined,Left,E-mail\n"
        b"Good Org,NGO,2020-01-01,,a@example.org\n"
        b",NGO,2020-01-01,,\n"
        b"Club,Verein,2020-01-01,,\n"
        b"Late Ltd,Company,32.01.2020,,\n"
        b"Backwards,Company,2020-05-01,2019-01-01,\n"
        b"Mailer,NGO,2020-01-01,,not-an-address\n"
        b"Good Org,NGO,2020-01-01,,\n"
    )
    response = upload(client, "members.csv", bad)
    errors = {r.number: " ".join(r.errors) for r in response.context["rows"] if r.errors}
    assert errors[3] == "The organisation's name is missing."
    assert errors[4].startswith("'Verein' is not an actor type; use one of: Authority, Welfare association")
    assert "'32.01.2020' in the column Joined is not a date" in errors[5]
    assert errors[6] == "The member left before joining."
    assert errors[7] == "'not-an-address' is not an e-mail address."
    assert errors[8] == "The organisation appears already in row 2."
    assert "6 rows have errors" in response.text
    response = client.post(reverse("networks:members_import", args=["erfurt"]), {"confirm": "1"}, follow=True)
    assert "nothing was imported" in response.text
    assert Organisation.objects.count() == before


def test_xlsx_with_real_date_cells_is_read(client, coordinator, erfurt_network):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Name", "Actor type", "Member since", "Website"])
    sheet.append(["Caritas Weimar", "Welfare association", datetime.datetime(2015, 6, 1), "caritas-weimar.example"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    client.force_login(coordinator)
    upload(client, "members.xlsx", buffer.getvalue())
    client.post(reverse("networks:members_import", args=["erfurt"]), {"confirm": "1"})
    membership = Membership.objects.get(organisation__name="Caritas Weimar")
    assert membership.joined == datetime.date(2015, 6, 1)
    assert membership.organisation.website == "https://caritas-weimar.example"


def test_files_that_are_not_member_lists_are_refused(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    assert "Upload a CSV or XLSX file." in upload(client, "members.pdf", b"%PDF-1.4").text
    assert "The file is not an XLSX workbook." in upload(client, "members.xlsx", b"not a zip").text
    response = upload(client, "members.csv", b"Foo,Bar\n1,2\n")
    assert "The first row must name the columns; missing: Organisation, Actor type." in response.text


def test_only_coordinators_import(client, member, other_member, erfurt_network):
    client.force_login(member)
    assert client.get(reverse("networks:members_import", args=["erfurt"])).status_code == 404
    client.force_login(other_member)
    assert client.get(reverse("networks:members_import", args=["erfurt"])).status_code == 404


def test_an_xlsx_saved_by_libreoffice_is_imported(client, coordinator, erfurt_network, tmp_path):
    import os
    import shutil
    import subprocess

    import pytest

    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is not installed (scripts/ensure-test-tools installs it)")
        pytest.skip("LibreOffice is not installed")
    source = tmp_path / "mitglieder.csv"
    source.write_text(
        "Organisation;Akteurstyp;Ort;Beitritt\nBürgerstiftung Erfurt;NGO;Erfurt;2019-04-01\n"
        "Kulturverein Ukraine;Migrant*innenselbstorganisation;Erfurt;2022-10-15\n",
        encoding="utf-8",
    )
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--infilter=CSV:59,34,76,1",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    workbook = (tmp_path / "mitglieder.xlsx").read_bytes()
    client.force_login(coordinator)
    response = upload(client, "mitglieder.xlsx", workbook)
    assert [r.errors for r in response.context["rows"]] == [[], []]
    client.post(reverse("networks:members_import", args=["erfurt"]), {"confirm": "1"})
    ukraine = Membership.objects.get(organisation__name="Kulturverein Ukraine")
    assert ukraine.joined == datetime.date(2022, 10, 15)
    assert ukraine.organisation.actor_type == Organisation.ActorType.MIGRANT_ORGANISATION
