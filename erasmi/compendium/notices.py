"""The compendium's review, told: editors hear of a submission, authors of the editor's decision."""

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import translation

from erasmi.accounts.models import User
from erasmi.compendium.models import Practice
from erasmi.notifications.models import Topic
from erasmi.notifications.services import notify, recipient


def _title(practice: Practice, language: str) -> str:
    version = practice.translation(language)
    return version.name if version else practice.slug


def submitted(practice: Practice, revision_pk: int) -> int:
    """Every editor is told of a new submission or a proposed change, once per revision."""
    editors = User.objects.filter(is_active=True).filter(
        Q(is_superuser=True) | Q(role__in=[User.Role.EDITOR, User.Role.ADMIN])
    )
    told = 0
    for editor in editors:
        address, language = recipient(user=editor)
        with translation.override(language):
            url = settings.SITE_URL + reverse("compendium:review", args=[practice.slug])
        told += bool(
            notify(
                topic=Topic.PRACTICES,
                key=f"practice-submitted:{revision_pk}:{editor.pk}",
                address=address,
                language=language,
                template="notifications/mail/practice_submitted.txt",
                context={"title": _title(practice, language), "url": url},
            )
        )
    return told


def decided(practice: Practice, decision: str, revision_pk: int, comment: str) -> bool:
    """The author hears that changes are asked for, or that the practice is published."""
    template = {"publish": "practice_published", "request_changes": "practice_changes"}.get(decision)
    author = practice.submitted_by
    if template is None or author is None:
        return False
    address, language = recipient(user=author)
    with translation.override(language):
        url = settings.SITE_URL + practice.get_absolute_url()
    return bool(
        notify(
            topic=Topic.PRACTICES,
            key=f"practice-{decision}:{revision_pk}",
            address=address,
            language=language,
            template=f"notifications/mail/{template}.txt",
            context={"title": _title(practice, language), "url": url, "comment": comment},
        )
    )
