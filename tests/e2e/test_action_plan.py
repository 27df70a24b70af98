"""A network's yearly cycle in the browser: a coordinator drafts the action plan, the lead organisation's member
records progress on a phone, the coordinator runs the self-assessment, three members answer it on a phone in
German, Turkish and Italian, and the coordinator reads the results and produces the annual report PDF with next
year's targets."""

import datetime
import io

from pypdf import PdfReader

from tests.e2e.conftest import make_user, sign_in, sign_out

ANSWERS = [("de", "member@example.org", 4), ("tr", "baris@example.org", 5), ("it", "chiara@example.org", 2)]


def _network(coordinator, member):
    from erasmi.networks.models import Membership, Organisation, Person
    from erasmi.networks.tests.factories import make_network

    others = [make_user(email) for _language, email, _rating in ANSWERS[1:]]
    network = make_network("erfurt", coordinator, [member, *others])
    for name, actor_type in [("Caritas", "welfare"), ("Stadt Erfurt", "authority"), ("VHS", "education")]:
        organisation = Organisation.objects.create(name=name, actor_type=actor_type)
        Membership.objects.create(network=network, organisation=organisation, joined=datetime.date(2020, 1, 1))
    Person.objects.filter(user=member).update(organisation=Organisation.objects.get(name="Caritas"))
    return network


def _add_measure(page, goal: str, title: str, lead: str, deadline: str):
    page.get_by_role("link", name="Add a measure", exact=True).first.click()
    page.locator("select[name=goal]").select_option(label=goal)
    page.locator("input[name=title]").fill(title)
    page.locator("select[name=lead]").select_option(label=lead)
    page.locator("input[name=deadline]").fill(deadline)
    page.get_by_role("button", name="Add the measure").click()
    page.get_by_role("heading", name=title).wait_for()


def test_a_coordinator_plans_a_lead_records_progress_on_a_phone_and_the_report_goes_out_as_pdf(browser, live_server):
    from erasmi.plans.models import IndicatorValue, Measure, Plan
    from erasmi.surveys.models import Survey

    coordinator = make_user("coordinator@example.org")
    member = make_user("member@example.org")
    _network(coordinator, member)
    today = datetime.date.today()
    year = today.year

    def soon(days: int) -> str:
        return (today + datetime.timedelta(days=days)).isoformat()

    # The coordinator drafts the plan: two goals, three measures, an indicator.
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, "coordinator@example.org")
    page.goto("/en/networks/erfurt/")
    page.get_by_role("link", name="Action plans").click()
    page.get_by_role("button", name="Create the plan").click()
    page.get_by_role("heading", name=f"Action plan {year}").wait_for()
    for goal in ("Language courses for everyone", "Ways into work"):
        page.get_by_role("link", name="Add a goal").click()
        page.locator("input[name=title]").fill(goal)
        page.get_by_role("button", name="Add the goal").click()
        page.get_by_role("heading", name=goal).wait_for()
    _add_measure(page, "Language courses for everyone", "Match course places", "Caritas", soon(20))
    page.goto(Plan.objects.get().get_absolute_url())
    _add_measure(page, "Language courses for everyone", "Childcare during courses", "VHS", soon(40))
    page.goto(Plan.objects.get().get_absolute_url())
    _add_measure(page, "Ways into work", "Job fair", "Stadt Erfurt", soon(90))
    page.goto(Measure.objects.get(title="Match course places").get_absolute_url())
    page.get_by_text("Add an indicator").click()
    page.locator("input[name=name]").fill("Course places")
    page.locator("input[name=unit]").fill("places")
    page.locator("input[name=baseline]").fill("100")
    page.locator("input[name=target]").fill("150")
    page.get_by_role("button", name="Add the indicator").click()
    page.get_by_role("row", name="Course places").wait_for()
    sign_out(page)
    context.close()
    assert Measure.objects.count() == 3

    # Someone of the lead organisation records progress and a value on a phone, in German.
    phone = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740})
    page = phone.new_page()
    sign_in(page, "member@example.org", language="de")
    page.get_by_role("link", name="Match course places").click()  # due soon: on the start page
    page.get_by_role("link", name="Maßnahme und Fortschritt bearbeiten").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.locator("select[name=status]").select_option("running")
    page.locator("input[name=progress]").fill("60")
    page.get_by_role("button", name="Speichern").click()
    page.get_by_text("Die Maßnahme wurde gespeichert.").wait_for()
    page.get_by_role("link", name="Wert erfassen").first.click()
    page.locator("input[name=value]").fill("132")
    page.get_by_role("button", name="Wert erfassen").click()
    page.get_by_text("Der Wert wurde erfasst.").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_text("Werte von „Course places“").click()
    page.get_by_text("erfasst von member@example.org").wait_for()
    phone.close()
    measure = Measure.objects.get(title="Match course places")
    assert (measure.status, measure.progress) == ("running", 60)
    assert IndicatorValue.objects.get().recorded_by == member

    # The coordinator starts the self-assessment; three members answer on a phone, each in their language.
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, "coordinator@example.org")
    page.goto("/en/networks/erfurt/")
    page.get_by_role("link", name="Surveys").click()
    page.get_by_role("button", name=f"Start the self-assessment {year}").click()
    page.get_by_role("heading", name=f"ERASMI self-assessment {year}").wait_for()
    survey = Survey.objects.get()
    for language, email, rating in ANSWERS:
        phone = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740}, is_mobile=True)
        answering = phone.new_page()
        sign_in(answering, email, language=language)
        answering.goto(f"/{language}/")
        answering.get_by_role("link", name=survey.title(language)).click()
        for group in answering.locator("fieldset").all():
            group.locator(f"input[value='{rating}']").check()
        answering.locator("form button[type=submit]").last.click()
        answering.locator("[role=status]").wait_for()
        assert answering.evaluate("document.documentElement.scrollWidth") <= 360
        phone.close()
    page.goto(f"/en/networks/erfurt/surveys/{survey.pk}/results/")
    page.get_by_text("3 people answered.").wait_for()
    sign_out(page)
    context.close()

    # The coordinator writes the report, sets next year's targets and downloads the PDF in German.
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    sign_in(page, "coordinator@example.org")
    page.goto(f"/en/networks/erfurt/report/{year}/")
    page.get_by_role("row", name="Course places").wait_for()
    page.get_by_role("link", name="Write the texts and set next year's targets").click()
    page.get_by_label("Introduction").fill("A year of building up.")
    page.get_by_role("button", name="Save the texts").click()
    page.get_by_text("The report was saved.").wait_for()
    page.locator("input[name=name]").fill("Course places")
    page.locator("input[name=unit]").fill("places")
    page.locator("input[name=baseline]").fill("132")
    page.locator("input[name=target]").fill("180")
    page.get_by_role("button", name="Add the target figure").click()
    page.get_by_text("The target figure was added.").wait_for()
    page.goto(f"/en/networks/erfurt/report/{year}/")
    page.locator("select[name=language]").select_option("de")
    page.get_by_role("button", name="Show").click()
    page.get_by_role("heading", name=f"Zielzahlen für {year + 1}").wait_for()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as PDF").click()
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(open(download.value.path(), "rb").read())).pages)
    assert f"Jahresbericht {year}" in text and f"Zielzahlen für {year + 1}" in text
    assert "A year of building up." in text and "180" in text
    assert "Umfragen und Selbsteinschätzung" in text  # the self-assessment beside the year before
    page.get_by_role("button", name=f"Carry the target figures into the plan for {year + 1}").click()
    page.get_by_role("heading", name=f"Action plan {year + 1}").wait_for()
    context.close()
