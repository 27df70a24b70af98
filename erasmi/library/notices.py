"""A new comment, told to those who take part in the resource's discussion."""

from django.conf import settings
from django.utils import translation

from erasmi.accounts.models import User
from erasmi.core import permissions
from erasmi.library.models import Comment
from erasmi.notifications.models import Topic
from erasmi.notifications.services import notify, recipient


def comment_added(comment: Comment) -> int:
    resource = comment.resource
    ids = set(
        Comment.objects.filter(resource=resource, hidden=False).exclude(author=None).values_list("author", flat=True)
    )
    if resource.submitted_by_id:
        ids.add(resource.submitted_by_id)
    ids.discard(comment.author_id)
    told = 0
    for user in User.objects.filter(pk__in=ids, is_active=True):
        if not permissions.can(user, "resource.view", resource):
            continue  # left the network, or the resource is internal again: its discussion is not theirs
        address, language = recipient(user=user)
        with translation.override(language):
            version = resource.translation(language)
            context = {
                "title": version.title if version else resource.slug,
                "author": comment.author_name(),
                "body": comment.body,
                "url": settings.SITE_URL + resource.get_absolute_url() + f"#comment-{comment.pk}",
            }
        told += bool(
            notify(
                topic=Topic.DISCUSSIONS,
                key=f"comment:{comment.pk}:{user.pk}",
                address=address,
                language=language,
                template="notifications/mail/comment_added.txt",
                context=context,
            )
        )
    return told
