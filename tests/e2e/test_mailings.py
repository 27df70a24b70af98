"""A coordinator writes news, composes the info mail for one working group in German and Turkish, previews it,
sends a test to themselves and schedules it; a member changes their choices from the link in the mail."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import make_user, sign_in


def test_coordinator_composes_previews_tests_and_schedules_and_a_member_changes_their_choices(
    browser, live_server, smtp_server, transactional_db, settings
):
    from erasmi.mailings import sending, services
    from erasmi.mailings.models import Mailing, Subscriber
    from erasmi.networks import demo as network_demo
    from erasmi.networks.models import Person

    settings.ERASMI_MAIL_CONNECTIONS = 1
    coordinator, member = make_user("coordinator@example.org"), make_user("member@example.org")
    network = network_demo.load({"coordinator": coordinator, "member": member})
    group = network.working_groups.get(name="Sprache und Bildung")
    group.members.add(Person.for_user(member))
    Subscriber.objects.create(
        network=network,
        email=member.email,
        language="de",
        person=Person.for_user(member),
        state=Subscriber.State.CONFIRMED,
    )
    Subscriber.objects.create(network=network, email="elsewhere@example.org", language="de", state="confirmed")

    # Tall enough that the test-send button is on screen beside the loaded preview (it scrolls the page).
    context = browser.new_context(base_url=live_server.url, locale="de-DE", viewport={"width": 1280, "height": 1600})
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, "coordinator@example.org", language="de")
    page.goto("/de/networks/demostadt/")
    page.get_by_role("link", name="Infomail", exact=True).click()

    page.get_by_role("link", name="Neuigkeit schreiben").click()
    page.get_by_label("Titel *").fill("Neue Sprachkurse ab März")
    page.get_by_label("Text *").fill("Die Volkshochschule bietet zwei neue Kurse an.")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("Die Neuigkeit wurde gespeichert.")).to_be_visible()

    page.get_by_role("link", name="Infomail zusammenstellen").click()
    page.get_by_label("Betreff *").fill("Infomail März")
    page.get_by_label("Einleitung").fill("Liebe Mitglieder der Arbeitsgruppe,")
    page.get_by_label("Neue Sprachkurse ab März").check()
    page.get_by_label("Arbeitsgruppe: Sprache und Bildung").check()
    page.get_by_role("button", name="Als Entwurf speichern").click()
    expect(page.get_by_text("Die Infomail wurde als Entwurf gespeichert.")).to_be_visible()

    page.get_by_role("link", name="Hinzufügen Türkçe").click()
    page.get_by_label("Betreff *").fill("Mart bülteni")
    page.get_by_label("Einleitung").fill("Çalışma grubunun sevgili üyeleri,")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("Die Fassung wurde gespeichert.")).to_be_visible()

    page.get_by_role("link", name="Vorschau Türkçe").click()
    preview = page.frame_locator("iframe.mail-preview")
    expect(preview.locator("h1")).to_have_text("Mart bülteni")
    # The news item has no Turkish version: the preview shows it as written, in German.
    expect(preview.get_by_text("Neue Sprachkurse ab März")).to_be_visible()

    page.locator("select[name=language]").select_option("tr")
    page.get_by_role("button", name="Test an coordinator@example.org senden").click()
    expect(page.get_by_text("Eine Test-E-Mail wurde an coordinator@example.org gesendet.")).to_be_visible()
    test_mail = smtp_server.messages[-1]
    assert test_mail["to"] == ["coordinator@example.org"]
    assert test_mail["message"]["Subject"] == "[Test] Mart bülteni"

    when = timezone.localtime(timezone.now() + datetime.timedelta(days=1)).replace(second=0, microsecond=0)
    page.get_by_label("Senden am").fill(when.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Planen").click()
    expect(page.get_by_text("Die Infomail wird am")).to_be_visible()
    mailing = Mailing.objects.get(versions__subject="Infomail März")
    assert mailing.state == Mailing.State.SCHEDULED and mailing.scheduled_for == when

    # The next day the scheduler starts it and a worker sends it (here in this process).
    assert services.start_due(when + datetime.timedelta(minutes=1)) == 1
    mailing.refresh_from_db()
    assert sending.send(mailing)
    to_member = [m["message"] for m in smtp_server.messages if m["to"] == [member.email]]
    assert len(to_member) == 1 and not [m for m in smtp_server.messages if m["to"] == ["elsewhere@example.org"]]
    text = to_member[0].get_body(preferencelist=("plain",)).get_content()
    link = re.search(r"Wählen Sie, welche E-Mails Sie erhalten und in welcher Sprache: (\S+)", text).group(1)

    stranger = browser.new_context(base_url=live_server.url, locale="de-DE").new_page()  # not signed in
    stranger.goto(link.replace(settings.SITE_URL, ""))
    stranger.get_by_label("Sprache der E-Mails").select_option("tr")
    stranger.get_by_label("den Kalender der Treffen (alle zwei Monate)").uncheck()
    stranger.get_by_role("button", name="Speichern").click()
    expect(stranger.get_by_text("Ihre Auswahl wurde gespeichert.")).to_be_visible()
    subscription = Subscriber.objects.get(email=member.email)
    assert (subscription.language, subscription.wants_info, subscription.wants_digest) == ("tr", True, False)
    context.close()
