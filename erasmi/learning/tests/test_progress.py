"""My progress: each learner sees their own; what the browser kept joins the account on signing in."""

import json

from django.urls import reverse
from django.utils import translation

from erasmi.learning.models import Progress, Unit


def progress_page(client, language="en"):
    with translation.override(language):
        return client.get(reverse("learning:progress")).content.decode()


def test_a_learner_sees_their_own_progress_and_not_anothers(client, toolkit, member, other_member):
    Progress.objects.create(user=member, unit=Unit.objects.get(slug="information-flow"), pages_seen=[1, 2])
    Progress.objects.create(
        user=other_member, unit=Unit.objects.get(slug="working-groups"), pages_seen=[1], exercise_done=True
    )
    client.force_login(member)
    page = progress_page(client)
    assert "2 of 2 pages read" in page
    assert "1 of 2 pages read" not in page
    client.force_login(other_member)
    assert "1 of 2 pages read, exercise answered" in progress_page(client)


def test_progress_survives_signing_out_and_in_again(client, toolkit, member):
    client.force_login(member)
    with translation.override("de"):
        client.get(reverse("learning:page", args=["founding-a-network", 1]))
    client.logout()
    client.force_login(member)
    assert "1 von 3 Seiten gelesen" in progress_page(client, "de")


def test_the_browsers_progress_is_carried_over_for_a_signed_in_learner_only(client, toolkit, member):
    with translation.override("en"):
        url = reverse("learning:carry_over")
    body = json.dumps({"founding-a-network": {"pages": [1, 2, 3], "exercise": True}})
    assert client.post(url, body, content_type="application/json").status_code == 302  # to signing in
    client.force_login(member)
    response = client.post(url, body, content_type="application/json")
    assert response.json() == {"units": 1}
    assert Progress.objects.get(user=member).share(3) == 100
    assert client.post(url, "{not json", content_type="application/json").status_code == 400


def test_the_learners_data_export_holds_their_progress_and_notes_and_deleting_the_account_erases_them(
    client, toolkit, member
):
    from erasmi.learning.models import ReflectionNote

    unit = Unit.objects.get(slug="working-groups")
    Progress.objects.create(user=member, unit=unit, pages_seen=[1])
    ReflectionNote.objects.create(user=member, unit=unit, text="Nur für mich.")
    client.force_login(member)
    data = json.loads(client.get(reverse("accounts:data")).content)
    assert data["toolkit"]["progress"] == [{"unit": "working-groups", "pages_read": [1], "exercise_answered": False}]
    assert data["toolkit"]["reflection_notes"][0]["text"] == "Nur für mich."
    member.delete()
    assert not Progress.objects.exists() and not ReflectionNote.objects.exists()
