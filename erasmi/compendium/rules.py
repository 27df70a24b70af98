"""Permission rules of the compendium (see erasmi.core.permissions)."""

from erasmi.compendium.models import Practice
from erasmi.core.permissions import is_editor, rule


def _is_author(user, practice) -> bool:
    return bool(user.is_authenticated and practice.submitted_by_id == user.pk)


@rule("practice.view")
def view(user, practice):
    return practice.status == Practice.Status.PUBLISHED or is_editor(user) or _is_author(user, practice)


@rule("practice.edit")
def edit(user, practice):
    # Editors always; authors their own profile (once published, their change waits for an editor).
    return is_editor(user) or _is_author(user, practice)


@rule("practice.review")
def review(user, practice):
    return is_editor(user)


@rule("practice.review_queue")
def review_queue(user, _obj):
    return is_editor(user)


@rule("practice.history")
def history(user, practice):
    return is_editor(user) or _is_author(user, practice)


@rule("vocabulary.review")
def vocabulary_review(user, _obj):
    return is_editor(user)
