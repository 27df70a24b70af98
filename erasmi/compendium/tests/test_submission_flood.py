"""Every submitted practice is mailed to every editor: one account cannot flood the editors' mailboxes."""

from django.urls import reverse

from erasmi.compendium.models import Practice
from erasmi.compendium.tests.test_submission import FORM


def test_a_sixth_practice_within_an_hour_waits_with_a_message_in_the_page_language(client, member):
    client.force_login(member)
    statuses = [client.post(reverse("compendium:submit"), {**FORM, "name": f"Rete {n}"}).status_code for n in range(6)]

    assert statuses == [302] * 5 + [429]
    assert Practice.objects.count() == 5
    response = client.post("/de/compendium/submit/", {**FORM, "name": "Rete 7"})
    assert "Bitte haben Sie etwas Geduld" in response.content.decode()
