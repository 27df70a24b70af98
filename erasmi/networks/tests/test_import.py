import datetime
import io
import os
import shutil
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from model_bakery import baker
from openpyxl import Workbook

from erasmi.core import tabular
from erasmi.core.tests.parallel import at_once
from erasmi.networks import importers
from erasmi.networks.models import HistoryEntry, MemberImportPreview, Membership, Organisation, Person, Role

GOOD_CSV = (
    "Organisation;Akteurstyp;Ort;Sprachen;Beitritt;Kooperationsvereinbarung\n"
    "Stadt Erfurt;Behörde;Erfurt;de;01.01.2004;15.03.2004\n"
    "Türkischer Elternverein;Migrant*innenselbstorganisation;Erfurt;de, tr;2011-05-01;\n"
    "Neue Sprachschule;Bildungsträger;Weimar;de,en,uk;01.09.2024;\n"
).encode("cp1252", errors="replace")


def url(language="en"):
    with translation.override(language):
        return reverse("networks:members_import", args=["erfurt"])


def upload(client, name, data, language="en"):
    return client.post(url(language), {"file": SimpleUploadedFile(name, data)})


def confirm(client, response, language="en"):
    """Press "import now" on the preview page the response shows."""
    return client.post(url(language), {"confirm": "1", "preview": str(response.context["preview"].pk)}, follow=True)


def rows_of(response):
    return {r.number: " ".join(r.errors) for r in response.context["rows"]}


def test_preview_then_import_of_a_semicolon_csv_as_excel_writes_it(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    response = upload(client, "mitglieder.csv", GOOD_CSV)  # Windows-1252, as Excel saves it
    rows = response.context["rows"]
    assert [(r.number, r.action, r.errors) for r in rows] == [(2, "update", []), (3, "new", []), (4, "new", [])]
    assert Organisation.objects.filter(name="Neue Sprachschule").count() == 0  # nothing written yet
    confirm(client, response)
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
    confirm(client, response)
    assert Organisation.objects.filter(name="Stadt Erfurt").count() == 1
    membership = Membership.objects.get(network=erfurt_network, organisation__name="Stadt Erfurt")
    assert membership.agreement_signed == datetime.date(2004, 3, 15)


def test_rows_with_errors_name_row_and_column_and_nothing_is_written(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    before = Organisation.objects.count()
    bad = (
        b"Organisation,Actor type,Joined,Left,E-mail\n"
        b"Good Org,NGO,2020-01-01,,a@example.org\n"
        b",NGO,2020-01-01,,\n"
        b"Club,Spaceship,2020-01-01,,\n"
        b"Late Ltd,Company,32.01.2020,,\n"
        b"Backwards,Company,2020-05-01,2019-01-01,\n"
        b"Mailer,NGO,2020-01-01,,not-an-address\n"
        b"Good Org,NGO,2020-01-01,,\n"
    )
    response = upload(client, "members.csv", bad)
    errors = rows_of(response)
    assert errors[2] == ""
    assert errors[3] == "Column “Organisation”: The organisation's name is missing."
    assert errors[4].startswith(
        "Column “Actor type”: 'Spaceship' is not an actor type; use one of: Authority, Welfare association"
    )
    assert errors[5] == "Column “Joined”: '32.01.2020' is not a date (e.g. 2021-03-31 or 31.03.2021)."
    assert errors[6] == "Column “Left”: The member left before joining."
    assert errors[7] == "Column “E-mail”: 'not-an-address' is not an e-mail address."
    assert errors[8] == "Column “Organisation”: The organisation appears already in row 2."
    assert "6 rows have errors" in response.text
    assert response.context["preview"] is None and "Import now" not in response.text
    assert Organisation.objects.count() == before


def test_errors_are_in_the_users_language(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    data = b"Organisation;Akteurstyp;Beitritt\nX;Raumschiff;1.1.2020\n"
    response = upload(client, "m.csv", data, language="de")
    assert rows_of(response)[2].startswith("Spalte „Akteurstyp“: 'Raumschiff' ist kein Akteurstyp")


def test_xlsx_with_real_date_cells_is_read(client, coordinator, erfurt_network):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Name", "Actor type", "Member since", "Website"])
    sheet.append(["Caritas Weimar", "Welfare association", datetime.datetime(2015, 6, 1), "caritas-weimar.example"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    client.force_login(coordinator)
    confirm(client, upload(client, "members.xlsx", buffer.getvalue()))
    membership = Membership.objects.get(organisation__name="Caritas Weimar")
    assert membership.joined == datetime.date(2015, 6, 1)
    assert membership.organisation.website == "https://caritas-weimar.example"


def test_files_that_are_not_member_lists_are_refused(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    assert "Upload a CSV or XLSX file." in upload(client, "members.pdf", b"%PDF-1.4").text
    assert "The file is not an XLSX workbook." in upload(client, "members.xlsx", b"not a zip").text
    response = upload(client, "members.csv", b"Foo,Bar\n1,2\n")
    assert response.status_code == 400
    assert "No row names the columns “Organisation”, “Actor type”." in response.context["problem"]


def test_a_header_that_cannot_be_read_says_what_was_found(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    data = "Träger;Sorte;Ort\r\nStadt Erfurt;Behörde;Erfurt\r\n".encode("cp1252")
    problem = upload(client, "m.csv", data).context["problem"]
    assert "read as a CSV file in Windows-1252, cells separated by semicolons" in problem
    assert "its first row reads: “Träger” | “Sorte” | “Ort”" in problem


def test_only_coordinators_import(client, member, other_member, erfurt_network):
    client.force_login(member)
    assert client.get(url()).status_code == 404
    client.force_login(other_member)
    assert client.get(url()).status_code == 404


# -- files as coordinators make them ------------------------------------------------------------

GERMAN_EXCEL = (
    "Organisation;Akteurstyp;Straße;PLZ;Ort;Kooperationsvereinbarung;Bemerkung\r\n"
    '"Bündnis ""Weltoffenes Erfurt""; Kreisverband";Verein;"Anger 1; Hinterhaus";99084;Erfurt;ja;"Treffen: Mo; Mi"\r\n'
    'Afrikanisch-Deutscher Verein;Migrantenselbstorganisation;;;Erfurt;nein;"Kontakt: Frau Diallo; Tel. 123"\r\n'
    'Helferkreis Nord;Ehrenamtliche Initiative;;;Erfurt;;"Sprachcafé; Fahrradwerkstatt"\r\n'
    "Diakonie Mitteldeutschland;Wohlfahrtsverband;;;Halle (Saale);12.05.2019;\r\n"
    'Frauen*zentrum Brennessel;Migrant:innenselbstorganisation;;;Erfurt;Ja;"Beratung; Kurse"\r\n'
).encode("cp1252")


def test_a_german_excel_csv_with_crlf_and_quoted_semicolons_is_imported(client, coordinator, erfurt_network):
    Membership.objects.filter(organisation__name="Afrikanisch-Deutscher Verein").update(
        agreement_signed=datetime.date(2012, 1, 1)
    )
    client.force_login(coordinator)
    response = upload(client, "Mitglieder.csv", GERMAN_EXCEL)
    assert rows_of(response) == {2: "", 3: "", 4: "", 5: "", 6: ""}
    confirm(client, response)
    buendnis = Membership.objects.get(organisation__name='Bündnis "Weltoffenes Erfurt"; Kreisverband')
    assert buendnis.organisation.actor_type == Organisation.ActorType.NGO
    assert buendnis.organisation.street == "Anger 1; Hinterhaus"
    assert buendnis.organisation.postcode == "99084"
    assert buendnis.agreement_signed is None and buendnis.agreement_date_unknown  # "ja": signed, date unknown
    afrikanisch = Membership.objects.get(organisation__name="Afrikanisch-Deutscher Verein")
    assert afrikanisch.agreement_signed is None and not afrikanisch.agreement_date_unknown  # "nein"
    types = dict(Organisation.objects.values_list("name", "actor_type"))
    assert types["Helferkreis Nord"] == Organisation.ActorType.VOLUNTEER_GROUP
    assert types["Diakonie Mitteldeutschland"] == Organisation.ActorType.WELFARE
    assert types["Frauen*zentrum Brennessel"] == Organisation.ActorType.MIGRANT_ORGANISATION
    assert Membership.objects.get(organisation__name="Diakonie Mitteldeutschland").agreement_signed == datetime.date(
        2019, 5, 12
    )


def test_a_semicolon_file_whose_quoted_cells_end_the_lines_is_not_read_as_commas(client, coordinator, erfurt_network):
    data = (
        "Organisation;Akteurstyp;Bemerkung\r\n"
        'Bürgertreff Süd;Verein;"Treffen: Mo; Mi"\r\n'
        'Grünes Band;NGO;"Kontakt: Frau Roth; Tel. 123"\r\n'
    ).encode("cp1252")
    client.force_login(coordinator)
    response = upload(client, "Mitglieder.csv", data)
    assert response.context["problem"] is None
    assert rows_of(response) == {2: "", 3: ""}
    assert response.context["columns"]["ignored"] == ["Bemerkung"]


def test_a_utf8_csv_with_byte_order_mark_and_a_tab_separated_file_are_read(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    bom = "\ufeffKuruluş,Aktör türü,Şehir,Katılım\nİzmir Göçmen Derneği,Göçmen örgütü,İzmir,2020-02-01\n"
    response = upload(client, "uyeler.csv", bom.encode("utf-8"))
    assert rows_of(response) == {2: ""}
    confirm(client, response)
    assert Organisation.objects.get(name="İzmir Göçmen Derneği").city == "İzmir"
    tabs = (
        "Organizzazione\tTipo di attore\tCittà\tAccordo di cooperazione\r\nCooperativa Sole\tAssociazione\tRoma\tsì\r\n"
    )
    response = upload(client, "membri.txt", tabs.encode("utf-16"))  # Excel's "Unicode text"
    assert rows_of(response) == {2: ""}
    confirm(client, response)
    sole = Membership.objects.get(organisation__name="Cooperativa Sole")
    assert sole.organisation.actor_type == Organisation.ActorType.NGO and sole.agreement_date_unknown


@pytest.mark.parametrize(
    ("answer", "signed"),
    [
        ("ja", True),
        ("nein", False),
        ("evet", True),
        ("hayır", False),
        ("sì", True),
        ("no", False),
        ("yes", True),
        ("ja", True),
        ("nej", False),
        ("X", True),
    ],
)
def test_yes_and_no_answer_the_agreement_column_in_every_language(answer, signed, erfurt_network):
    data = f"Organisation;Akteurstyp;Kooperationsvereinbarung\nA;NGO;{answer}\n".encode()
    (row,) = importers.read_members("m.csv", data).rows
    assert row.errors == [] and row.values["agreement"] == ("yes" if signed else "no")


@pytest.mark.parametrize(
    ("name", "actor_type"),
    [
        ("Verein", "ngo"),
        ("Migrantenselbstorganisation", "migrant_org"),
        ("Migrant*innen-Selbstorganisation", "migrant_org"),
        ("MigrantInnenselbstorganisation", "migrant_org"),
        ("Migrant_innenselbstorganisation", "migrant_org"),
        ("Ehrenamtliche Initiative", "volunteer_group"),
        ("Wohlfahrtsverband", "welfare"),
        ("Kommune", "authority"),
        ("Dernek", "ngo"),
        ("Göçmen örgütü", "migrant_org"),
        ("Gönüllü grubu", "volunteer_group"),
        ("Associazione di migranti", "migrant_org"),
        ("Ente del terzo settore", "ngo"),
        ("Indvandrerforening", "migrant_org"),
        ("Frivilliggruppe", "volunteer_group"),
        ("virksomhed", "company"),
        ("Migrant self-organization", "migrant_org"),
        ("Charity", "ngo"),
    ],
)
def test_usual_names_of_actor_types_in_five_languages_are_understood(name, actor_type, erfurt_network):
    data = f"Organisation;Akteurstyp\nA;{name}\n".encode()
    (row,) = importers.read_members("m.csv", data).rows
    assert (row.errors, row.values["actor_type"]) == ([], actor_type)


def test_a_languages_column_becomes_language_codes(erfurt_network):
    data = (
        "Organisation;Akteurstyp;Sprachen\n"
        "A;NGO;Deutsch, Arabisch, Türkçe\n"
        "B;NGO;de en tr\n"
        "C;NGO;Englisch und Farsi\n"
        "D;NGO;Klingonisch\n"
    ).encode()
    rows = importers.read_members("m.csv", data).rows
    assert [r.values["languages"] for r in rows[:3]] == [["de", "ar", "tr"], ["de", "en", "tr"], ["en", "fa"]]
    assert rows[3].errors == [
        "Column “Sprachen”: 'Klingonisch' is not a language we know; use a language code such as de or tr."
    ]


def test_contact_person_columns_create_the_organisations_people_without_touching_accounts(
    client, coordinator, erfurt_network, other_network
):
    someone = baker.make("accounts.User", email="ayse@example.org")
    elsewhere = Person.objects.create(first_name="Ayşe", last_name="Yılmaz", email="ayse@example.org")
    Role.objects.create(network=other_network, person=elsewhere)
    data = (
        "Organisation;Akteurstyp;Ansprechpartner*in;E-Mail Ansprechpartner;Telefon\n"
        "Caritas;Wohlfahrtsverband;Ayşe Yılmaz;ayse@example.org;0361 123456\n"
        "VHS;Bildungsträger;Müller, Jens;;\n"
    ).encode()
    client.force_login(coordinator)
    response = upload(client, "m.csv", data)
    assert rows_of(response) == {2: "", 3: ""}
    confirm(client, response)
    ayse = Person.objects.get(organisation__name="Caritas")
    assert (ayse.first_name, ayse.last_name, ayse.email, ayse.phone) == (
        "Ayşe",
        "Yılmaz",
        "ayse@example.org",
        "0361 123456",
    )
    assert ayse.user is None and ayse != elsewhere  # no account linked; the other network's person is not touched
    assert Person.objects.get(pk=elsewhere.pk).organisation is None
    assert not Person.objects.filter(user=someone).exists()
    assert Role.objects.get(person=ayse, network=erfurt_network).kind == Role.Kind.MEMBER
    jens = Person.objects.get(organisation__name="VHS")
    assert (jens.first_name, jens.last_name) == ("Jens", "Müller")
    # Each row's person is the organisation's contact person in this network.
    assert erfurt_network.memberships.get(organisation__name="Caritas").contact == ayse
    assert erfurt_network.memberships.get(organisation__name="VHS").contact == jens
    again = upload(client, "m.csv", data)  # the same list again: the same people, nothing to change
    assert {r.action for r in again.context["rows"]} == {"unchanged"}
    confirm(client, again)
    assert Person.objects.filter(organisation__name__in=["Caritas", "VHS"]).count() == 2


def test_a_working_groups_column_puts_the_organisations_contact_into_the_groups(client, coordinator, erfurt_network):
    erfurt_network.working_groups.create(slug="arbeit", name="Arbeit, Ausbildung")
    erfurt_network.working_groups.create(slug="wohnen", name="Wohnen")
    data = (
        "Organisation;Akteurstyp;Kontaktperson;Arbeitsgruppen\n"
        'Caritas;Wohlfahrtsverband;Eva Roth;"Sprache; Wohnen"\n'
        "VHS;Bildungsträger;Ali Kaya;Arbeit, Ausbildung\n"
    ).encode()
    client.force_login(coordinator)
    response = upload(client, "m.csv", data)
    assert rows_of(response) == {2: "", 3: ""}
    confirm(client, response)
    eva = Person.objects.get(last_name="Roth")
    assert sorted(eva.working_groups.values_list("name", flat=True)) == ["Sprache", "Wohnen"]
    assert list(Person.objects.get(last_name="Kaya").working_groups.values_list("slug", flat=True)) == ["arbeit"]
    wrong = "Organisation;Akteurstyp;Kontaktperson;AG\nCaritas;NGO;Eva Roth;Sprache, Kochen\nVHS;NGO;;Sprache\n"
    errors = rows_of(upload(client, "m.csv", wrong.encode()))
    assert errors[2].startswith("Column “AG”: The network has no working group “Kochen”; its groups are: Arbeit")
    assert errors[3].startswith("Column “AG”: Working groups are made of people")


def test_the_preview_names_the_columns_it_reads_and_those_it_ignores(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    response = upload(client, "Mitglieder.csv", GERMAN_EXCEL)
    used = response.context["columns"]["used"]
    assert ("Akteurstyp", "Actor type") in used and ("PLZ", "Postcode") in used
    assert response.context["columns"]["ignored"] == ["Bemerkung"]
    assert "Columns not read (their contents are not imported): “Bemerkung”" in response.text


def test_rows_are_numbered_as_the_spreadsheet_shows_them(erfurt_network):
    data = (
        "Mitgliederliste Netzwerk Erfurt, Stand März 2025\n"  # a title above the header
        "\n"
        "Organisation,Akteurstyp,Ort\n"
        'Stadt Erfurt,Behörde,"Erfurt\nAltstadt"\n'  # a cell with a line break is one row
        "\n"
        ",Behörde,Erfurt\n"
    ).encode()
    rows = importers.read_members("m.csv", data).rows
    assert [(r.number, r.errors) for r in rows] == [
        (4, []),
        (6, ["Column “Organisation”: The organisation's name is missing."]),
    ]


def test_cells_an_export_protected_with_an_apostrophe_read_back_unchanged(erfurt_network):
    data = b"Organisation;Akteurstyp\n'=Gleich & Gerecht e.V.;Verein\n"
    (row,) = importers.read_members("m.csv", data).rows
    assert row.values["name"] == "=Gleich & Gerecht e.V."


# -- the export reads back -----------------------------------------------------------------------


def _snapshot(network):
    return sorted(
        (
            m.organisation.name,
            m.organisation.actor_type,
            m.organisation.sector,
            m.organisation.city,
            tuple(m.organisation.languages),
            m.organisation.website,
            m.organisation.email,
            m.joined,
            m.left,
            m.agreement_signed,
            m.agreement_date_unknown,
        )
        for m in network.memberships.select_related("organisation")
    )


@pytest.mark.parametrize(
    ("exported_in", "imported_in"),
    [(x, x) for x in ["de", "en", "tr", "it", "da"]]
    + [("de", "tr"), ("en", "da"), ("tr", "it"), ("it", "de"), ("da", "en")],
)
def test_a_member_list_exported_in_any_language_imports_again_unchanged(
    client, coordinator, erfurt_network, exported_in, imported_in
):
    Organisation.objects.filter(name="Caritas").update(
        city="Erfurt",
        website="https://caritas-erfurt.example",
        email="info@caritas-erfurt.example",
        languages=["de", "ar"],
    )
    Membership.objects.filter(organisation__name="VHS").update(agreement_signed=datetime.date(2011, 2, 3))
    Membership.objects.filter(organisation__name="Caritas").update(agreement_date_unknown=True)  # signed, no date
    before, people = _snapshot(erfurt_network), Person.objects.count()
    client.force_login(coordinator)
    with translation.override(exported_in):
        export = client.get(reverse("networks:members_xlsx", args=["erfurt"]) + "?former=1").content
    response = upload(client, "members.xlsx", export, language=imported_in)
    assert rows_of(response) == dict.fromkeys(range(2, 7), "")
    assert response.context["columns"]["ignored"] == []
    assert {r.action for r in response.context["rows"]} == {"unchanged"}
    confirm(client, response, language=imported_in)
    assert _snapshot(erfurt_network) == before
    assert not HistoryEntry.objects.filter(action=HistoryEntry.Action.IMPORTED).exists()  # nothing changed
    assert (Organisation.objects.count(), Person.objects.count()) == (5, people)


# -- limits --------------------------------------------------------------------------------------


def _xlsx(rows: int) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["Organisation", "Actor type"])
    for n in range(rows):
        sheet.append([f"Org {n}", "NGO"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_the_row_limit_is_checked_while_reading(erfurt_network):
    assert len(importers.read_members("m.xlsx", _xlsx(50), max_rows=50).rows) == 50
    with pytest.raises(importers.ImportFileError, match="more than 50 rows"):
        importers.read_members("m.xlsx", _xlsx(51), max_rows=50)
    csv = ("Organisation;Akteurstyp\n" + "A;NGO\n" * 51).encode()
    with pytest.raises(importers.ImportFileError, match="more than 50 rows"):
        importers.read_members("m.csv", csv, max_rows=50)


def test_a_workbook_that_unpacks_to_more_than_the_limit_is_refused(erfurt_network, settings, monkeypatch):
    from erasmi.core import tabular

    monkeypatch.setattr(tabular, "MAX_UNPACKED", 10_000)
    with pytest.raises(importers.ImportFileError, match="The workbook is too large"):
        importers.read_members("m.xlsx", _xlsx(500))


# -- double submits ------------------------------------------------------------------------------


def test_a_second_click_on_import_now_imports_nothing_more(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    response = upload(client, "m.csv", GOOD_CSV)
    confirm(client, response)
    again = confirm(client, response)
    assert "This preview was imported already or has expired" in again.text
    assert Organisation.objects.filter(name="Neue Sprachschule").count() == 1
    assert HistoryEntry.objects.filter(action=HistoryEntry.Action.IMPORTED).count() == 3


def test_another_user_cannot_confirm_a_coordinators_preview(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    response = upload(client, "m.csv", GOOD_CSV)
    other = baker.make("accounts.User", email="co2@example.org")
    Role.objects.create(network=erfurt_network, person=Person.for_user(other), kind=Role.Kind.COORDINATOR)
    client.force_login(other)
    confirm(client, response)
    assert not Organisation.objects.filter(name="Neue Sprachschule").exists()
    assert MemberImportPreview.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_five_parallel_clicks_on_import_now_import_the_members_once(coordinator, erfurt_network):
    first = Client()
    first.force_login(coordinator)
    preview = upload(first, "m.csv", GOOD_CSV).context["preview"]
    clients = []
    for _n in range(5):
        browser = Client()
        browser.cookies = first.cookies  # the same browser session, five requests at once
        clients.append(browser)
    data = {"confirm": "1", "preview": str(preview.pk)}
    results = at_once(lambda b=browser: b.post(url(), data).status_code for browser in clients)
    assert results == [302] * 5
    assert Organisation.objects.filter(name="Neue Sprachschule").count() == 1
    assert Membership.objects.filter(organisation__name="Türkischer Elternverein").count() == 1
    assert HistoryEntry.objects.filter(action=HistoryEntry.Action.IMPORTED).count() == 3
    assert not MemberImportPreview.objects.exists()


# -- programs ------------------------------------------------------------------------------------


def test_an_xlsx_saved_by_libreoffice_is_imported(client, coordinator, erfurt_network, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is not installed (scripts/ensure-test-tools installs it)")
        pytest.skip("LibreOffice is not installed")
    source = tmp_path / "mitglieder.csv"
    source.write_text(
        "Organisation;Akteurstyp;Ort;Beitritt;Kooperationsvereinbarung;Ansprechperson;Sprachen\n"
        "Bürgerstiftung Erfurt;NGO;Erfurt;2019-04-01;nein;;Deutsch\n"
        "Kulturverein Ukraine;Migrant*innenselbstorganisation;Erfurt;2022-10-15;ja;Olena Koval;Ukrainisch, Russisch\n",
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
    confirm(client, response)
    ukraine = Membership.objects.get(organisation__name="Kulturverein Ukraine")
    assert ukraine.joined == datetime.date(2022, 10, 15)  # LibreOffice made it a date cell
    assert ukraine.organisation.actor_type == Organisation.ActorType.MIGRANT_ORGANISATION
    assert ukraine.organisation.languages == ["uk", "ru"]
    assert ukraine.agreement_date_unknown
    assert ukraine.organisation.people.get().last_name == "Koval"


def test_an_agreement_signed_on_an_unknown_date_is_exported_as_yes_in_the_readers_language(
    client, coordinator, erfurt_network
):
    from openpyxl import load_workbook

    Membership.objects.filter(organisation__name="Caritas").update(agreement_date_unknown=True)
    client.force_login(coordinator)
    with translation.override("de"):
        export = client.get(reverse("networks:members_xlsx", args=["erfurt"])).content
    sheet = load_workbook(io.BytesIO(export)).active
    header = [cell.value for cell in sheet[1]]
    caritas = next(row for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] == "Caritas")
    assert caritas[header.index("Kooperationsvereinbarung unterzeichnet")] == "ja"


def test_a_cell_far_to_the_right_does_not_make_every_row_huge():
    import tracemalloc

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for _ in range(2000):
        sheet.append(["Org"] + [None] * 16382 + ["x"])  # column XFD
    buffer = io.BytesIO()
    workbook.save(buffer)
    tracemalloc.start()
    rows = tabular.read("wide.xlsx", buffer.getvalue(), max_rows=5000).rows
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(rows) == 2000 and max(len(cells) for _, cells in rows) <= tabular.MAX_COLUMNS
    assert peak < 50 * 1024 * 1024


def test_a_workbook_saved_with_a_csv_name_is_read_as_a_workbook(client, coordinator, erfurt_network):
    workbook = Workbook()
    workbook.active.append(["Organisation", "Akteurstyp"])
    workbook.active.append(["Neuer Verein", "Verein"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert tabular.read("mitglieder.csv", buffer.getvalue(), max_rows=10).rows[1][1] == ["Neuer Verein", "Verein"]


def test_a_german_error_quotes_each_column_name_the_german_way(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    response = upload(client, "members.csv", "Name;Ort\r\nCaritas;Erfurt\r\n".encode("cp1252"), language="de")
    assert "die Spalten „Organisation“, „Akteurstyp“." in response.context["problem"]
