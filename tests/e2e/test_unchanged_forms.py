"""Every edit form, opened in German, Turkish, Italian and Danish and saved unchanged in a real browser,
changes nothing and writes no history."""

import datetime

import pytest
from django.forms.models import model_to_dict
from django.utils import timezone

from tests.e2e.conftest import make_user, sign_in

LANGUAGES = ["de", "tr", "it", "da"]


def _records():
    from erasmi.compendium import services, vocabulary
    from erasmi.compendium.importers import read_file
    from erasmi.compendium.models import Practice, Term
    from erasmi.compendium.seeds import ERFURT_DE, ERFURT_TR
    from erasmi.events.models import Event, Registration
    from erasmi.networks.models import Membership, Network, Organisation, Person, Role, WorkingGroup
    from erasmi.offers import vocabulary as offer_vocabulary
    from erasmi.offers.models import Category, Offer, TargetGroup

    vocabulary.load(Term)  # a transactional test empties the tables the migrations filled
    offer_vocabulary.load(Category, TargetGroup)
    services.import_profiles([read_file(ERFURT_DE), read_file(ERFURT_TR)])
    practice = Practice.objects.get()
    network = Network.objects.create(slug="erfurt", name="Netzwerk für Integration Erfurt", city="Erfurt")
    coordinator = make_user("coordinator@example.org", role="editor")
    person = Person.for_user(coordinator)
    Role.objects.create(network=network, person=person, kind=Role.Kind.COORDINATOR)
    caritas = Organisation.objects.create(name="Caritas", actor_type="welfare", city="Erfurt")
    membership = Membership.objects.create(
        network=network,
        organisation=caritas,
        joined=datetime.date(2009, 6, 1),
        left=datetime.date(2031, 12, 31),
        agreement_signed=datetime.date(2009, 6, 15),
    )
    group = WorkingGroup.objects.create(
        network=network,
        slug="sprache",
        name="Sprache und Bildung",
        topic="Sprachkurse",
        goals="Kurse abstimmen\nLücken finden",
        kind=WorkingGroup.Kind.TEMPORARY,
        ends=datetime.date(2030, 6, 30),
        lead=person,
    )
    group.members.set([person])
    starts = timezone.make_aware(datetime.datetime(2030, 3, 12, 10, 0))
    event = Event.objects.create(
        network=network,
        working_group=group,
        title="Netzwerktreffen",
        kind=Event.Kind.NETWORK_MEETING,
        formats=["panel", "network_cafe"],
        starts=starts,
        ends=starts + datetime.timedelta(hours=2, minutes=30),
        place="Rathaus",
        capacity=40,
        agenda="1. Begrüßung\n2. Berichte\n3. Netzwerkcafé",
        minutes="Alle waren da.\nDas nächste Treffen im Mai.",
        decisions="AG Sprache wird verlängert.",
    )
    Registration.objects.create(event=event, person=person, status=Registration.Status.CONFIRMED, attended=True)
    offer = Offer.objects.create(
        organisation=caritas,
        network=network,
        titles={"de": "Sprachcafé", "tr": "Dil kafesi", "it": "Caffè linguistico", "da": "Sprogcafé"},
        descriptions={"de": "Deutsch üben\nbei Kaffee"},
        category=Category.objects.get(slug="counselling"),
        languages=["de", "ar", "uk"],
        address="Anger 1",
        postcode="99084",
        city="Erfurt",
        latitude=50.978713,
        longitude=11.032835,
        starts=datetime.date(2024, 3, 1),
        ends=datetime.date(2030, 12, 31),
        schedule=[{"weekday": 1, "start": "10:00", "end": "12:30"}],
        cost="2,50 €",
        confirmed=timezone.localdate(),
    )
    offer.target_groups.set(TargetGroup.objects.all()[:2])
    from erasmi.plans.models import AnnualReport, Measure, Plan

    plan = Plan.objects.create(
        network=network, title="Aktionsplan 2030", starts=datetime.date(2030, 1, 1), ends=datetime.date(2030, 12, 31)
    )
    goal = plan.goals.create(title="Sprachkurse für alle", description="Niemand wartet\nauf einen Platz.")
    measure = Measure.objects.create(
        goal=goal,
        title="Kursplätze abstimmen",
        description="Eine Übersicht\naller Träger",
        lead=caritas,
        working_group=group,
        deadline=datetime.date(2030, 6, 30),
        status="running",
        progress=45,
    )
    measure.partners.set([caritas])
    from decimal import Decimal

    from erasmi.plans.models import Indicator

    indicator = Indicator.objects.create(
        plan=plan, measure=measure, name="Kursplätze", unit="Plätze", baseline=Decimal("12.5"), target=Decimal(100)
    )
    AnnualReport.objects.create(
        network=network, year=2025, narratives={"introduction": "Ein gutes Jahr.\nMit neuen Mitgliedern."}
    )
    return {
        "plan": f"/networks/erfurt/plans/{plan.pk}/edit/",
        "goal": f"/networks/erfurt/goals/{goal.pk}/edit/",
        "indicator": f"/networks/erfurt/indicators/{indicator.pk}/edit/",
        "measure": f"/networks/erfurt/measures/{measure.pk}/edit/",
        "report": "/networks/erfurt/report/2025/edit/",
        "membership": f"/networks/erfurt/members/{membership.pk}/",
        "offer": f"/offers/{offer.pk}/edit/",
        "event": f"/networks/erfurt/events/{event.pk}/edit/",
        "minutes": f"/networks/erfurt/events/{event.pk}/minutes/",
        "group": "/networks/erfurt/groups/sprache/edit/",
        "practice": f"/compendium/{practice.slug}/edit/{{language}}/",
    }


def _snapshot() -> dict:
    from erasmi.compendium.models import Practice, PracticeProposal, PracticeRevision, PracticeTranslation
    from erasmi.events.models import Event, Registration
    from erasmi.networks.models import HistoryEntry, Membership, WorkingGroup
    from erasmi.offers.models import Offer
    from erasmi.plans.models import AnnualReport, Goal, Indicator, Measure, Plan

    rows = {}
    models = (Membership, WorkingGroup, Event, Registration, Offer, Practice, PracticeTranslation)
    for model in (*models, Plan, Goal, Measure, Indicator, AnnualReport):
        for obj in model.objects.order_by("pk"):
            values = model_to_dict(obj)
            for name in ("updated", "search_text"):
                values.pop(name, None)
            rows[f"{model.__name__}:{obj.pk}"] = {key: str(value) for key, value in values.items()}
    rows["history"] = HistoryEntry.objects.count()
    rows["revisions"] = PracticeRevision.objects.count()
    rows["proposals"] = PracticeProposal.objects.count()
    return rows


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_edit_form_saved_unchanged_changes_nothing(page, transactional_db, language):
    urls = _records()
    before = _snapshot()
    sign_in(page, "coordinator@example.org", language=language)
    forms = dict(urls)
    if language not in ("de", "tr"):
        forms.pop("practice")  # the seed profile has German and Turkish versions only
    for name, path in forms.items():
        url = f"/{language}{path.format(language=language)}"
        page.goto(url)
        form = page.locator("main form").filter(has=page.locator("input[name=version_token]"))
        with page.expect_navigation():
            form.locator("button[type=submit]").last.click()
        assert page.locator(".error").count() == 0, f"{name}: {page.locator('.error').first.inner_text()}"
        after = _snapshot()
        changed = {key: (before.get(key), value) for key, value in after.items() if before.get(key) != value}
        assert not changed, f"{name} in {language} changed {changed}"
