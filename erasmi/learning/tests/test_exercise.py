"""The exercise: feedback on each answer chosen, and reflection notes only their author reads."""

from django.urls import reverse
from django.utils import translation

from erasmi.learning.models import Progress, ReflectionNote


def url(slug="working-groups", language="en"):
    with translation.override(language):
        return reverse("learning:exercise", args=[slug])


def test_the_right_choice_gets_praise_and_the_feedback_of_each_answer(client, toolkit):
    page = client.post(url(), {"q0": ["0", "2"]}).content.decode()
    assert "Right." in page
    assert "Correct: the result, the deadline and the content are clear." in page
    assert "Correct: the number and the period make the goal checkable." in page


def test_a_wrong_choice_is_explained(client, toolkit):
    page = client.post(url("founding-a-network", "de"), {"q0": "0"}).content.decode()
    assert "Nicht ganz." in page
    assert "Eine Bereitschaftserklärung begründet keine Haftung" in page


def test_no_answer_is_an_error_in_the_readers_language(client, toolkit):
    response = client.post(url("founding-a-network", "tr"), {})
    assert response.status_code == 400
    assert "Choose an answer." not in response.content.decode()


def test_answering_marks_the_exercise_done_for_a_signed_in_learner(client, toolkit, member):
    client.force_login(member)
    client.post(url(), {"q0": ["1"]})
    assert Progress.objects.get(user=member, unit__slug="working-groups").exercise_done


def test_reflection_notes_are_kept_for_their_author_and_nobody_else(client, toolkit, member, other_member):
    client.force_login(member)
    response = client.post(url(), {"text": "Unser Ziel: eine Liste bis März.", "save_note": ""})
    assert response.status_code == 302
    assert "Unser Ziel: eine Liste bis März." in client.get(url()).content.decode()
    client.force_login(other_member)
    assert "Unser Ziel" not in client.get(url()).content.decode()
    client.post(url(), {"text": "Meine eigene Notiz.", "save_note": ""})
    assert ReflectionNote.objects.get(user=member).text == "Unser Ziel: eine Liste bis März."
    client.logout()
    assert "Unser Ziel" not in client.get(url()).content.decode()


def test_a_visitor_cannot_save_notes(client, toolkit):
    response = client.post(url(), {"text": "x", "save_note": ""})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not ReflectionNote.objects.exists()
