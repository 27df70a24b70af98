"""Workflows of the library: submission, review (the submitter is told), the discussion and its moderation."""

import datetime
import re

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from erasmi.core import mail
from erasmi.core.slugs import slug_for
from erasmi.library.models import Comment, Report, Resource, ResourceTranslation, Tag


def tag_names(text: str) -> list[str]:
    """The tags typed as "a, b; c", each once, in the order typed."""
    names = [" ".join(part.split())[:80] for part in re.split(r"[,;\n]", text or "")]
    seen, result = set(), []
    for name in names:
        key = slugify(name)[:80]
        if name and key and key not in seen:
            seen.add(key)
            result.append(name)
    return result


def set_tags(resource: Resource, text: str) -> None:
    tags = []
    for name in tag_names(text):
        tag, _created = Tag.objects.get_or_create(slug=slugify(name)[:80], defaults={"name": name})
        tags.append(tag)
    resource.tags.set(tags)


def save_translation(resource: Resource, language: str, *, title: str, description: str) -> ResourceTranslation:
    """Save the title and description in one language; the original's change leaves translations outdated."""
    version = resource.translations.filter(language=language).first() or ResourceTranslation(
        resource=resource, language=language
    )
    version.title, version.description = title, description
    if language == resource.original_language:
        version.state = ResourceTranslation.State.ORIGINAL
    elif original := resource.translations.filter(language=resource.original_language).first():
        version.state, version.source_digest = ResourceTranslation.State.TRANSLATED, original.digest()
    version.save()
    return version


def _create(base: str, **fields) -> Resource:
    """A new resource under a free slug; two at once with the same title get two slugs, never an error."""
    n = 1 + Resource.objects.filter(slug__regex=rf"^{re.escape(base)}(-[0-9]+)?$").count()
    for attempt in range(50):
        slug = base if n + attempt == 1 else f"{base}-{n + attempt}"
        if Resource.objects.filter(slug=slug).exists():
            continue
        try:
            with transaction.atomic():
                return Resource.objects.create(slug=slug, **fields)
        except IntegrityError:
            continue
    raise RuntimeError(f"no free slug for {base!r}")


@transaction.atomic
def submit_resource(
    *, user, language: str, title: str, description: str = "", tags: str = "", upload=None, **fields
) -> Resource:
    """A signed-in member proposes a resource; it waits for an editor."""
    resource = _create(
        slug_for(title, 120, "resource"),
        original_language=language,
        submitted_by=user,
        status=Resource.Status.SUBMITTED,
        **fields,
    )
    if upload is not None:
        attach(resource, upload)
    save_translation(resource, language, title=title, description=description)
    set_tags(resource, tags)
    return resource


@transaction.atomic
def edit_resource(
    resource: Resource,
    *,
    user,
    language: str,
    changes: list[str],
    title: str,
    description: str,
    tags: str = "",
    upload=None,
    fields: dict,
) -> Resource:
    """Save what an edit changed (only that); the submitter's answer to a request for changes goes back to review."""
    changes = set(changes)
    if changes & {"title", "description"} or not resource.translations.filter(language=language).exists():
        save_translation(resource, language, title=title, description=description)
    changed_fields = {name for name in fields if name in changes} | ({"languages"} if "spoken" in changes else set())
    if changed_fields:
        for name in changed_fields:
            setattr(resource, name, fields[name])
        resource.save()
    if "tags" in changes:
        set_tags(resource, tags)
    if "upload" in changes and upload is not None:
        attach(resource, upload)
    if not getattr(user, "is_editor", False) and resource.status == Resource.Status.CHANGES_REQUESTED:
        resource.set_status(Resource.Status.SUBMITTED)
    return resource


def attach(resource: Resource, upload) -> None:
    """Store an uploaded file (checked by the form with networks.uploads) under a name of our own."""
    if resource.file:
        resource.file.delete(save=False)
    resource.file_name, resource.file_size = upload.name, upload.size
    resource.file.save(upload.name, upload, save=False)
    resource.link = ""
    resource.save()


def share(resource: Resource, shared: bool) -> None:
    """Shared, a network's resource is seen by everyone once published; else by the network's members only."""
    resource.shared = shared
    resource.save(update_fields=["shared", "updated"])


REVIEW_DECISIONS = {
    "publish": Resource.Status.PUBLISHED,
    "request_changes": Resource.Status.CHANGES_REQUESTED,
    "withdraw": Resource.Status.WITHDRAWN,
}


@transaction.atomic
def review(resource: Resource, decision: str, *, reviewer, comment: str = "") -> Resource:
    """An editor's decision; the submitter is told by mail, in their language."""
    resource.set_status(REVIEW_DECISIONS[decision])
    transaction.on_commit(lambda: tell_submitter(resource, decision, comment))
    return resource


def tell_submitter(resource: Resource, decision: str, comment: str = "") -> None:
    user = resource.submitted_by
    if user is None or not user.email:
        return
    with translation.override(user.language or settings.LANGUAGE_CODE):
        version = resource.translation()
        values = {
            "title": version.title if version else resource.slug,
            "url": settings.SITE_URL + resource.get_absolute_url(),
        }
        if decision == "publish":
            subject = _("Your resource “%(title)s” is published") % values
            body = _("An editor published your resource “%(title)s” in the library: %(url)s") % values
        elif decision == "request_changes":
            subject = _("Your resource “%(title)s”: changes requested") % values
            body = _("An editor asks for changes to your resource “%(title)s” before publishing it: %(url)s") % values
        else:
            subject = _("Your resource “%(title)s” was withdrawn") % values
            body = _("An editor withdrew your resource “%(title)s” from the library: %(url)s") % values
        if comment.strip():
            body += "\n\n" + _("The editor's comment:") + "\n" + comment.strip()
        mail.send(subject, body, [user.email])


# -- discussion ----------------------------------------------------------------


COMMENTS_PER_WINDOW = 10
COMMENT_WINDOW = datetime.timedelta(minutes=10)


def may_comment(user) -> bool:
    """Anyone may sign up and every comment is mailed to those taking part: a flood of comments stops here."""
    since = timezone.now() - COMMENT_WINDOW
    return Comment.objects.filter(author=user, created__gte=since).count() < COMMENTS_PER_WINDOW


def add_comment(resource: Resource, *, author, body: str) -> Comment:
    comment = Comment.objects.create(resource=resource, author=author, body=body.replace("\r\n", "\n").strip())
    comment_added(comment)
    return comment


def comment_added(comment: Comment) -> int:
    """Those who take part in the discussion (who shared the resource, who commented) hear of a new comment,
    in the same transaction as the comment (a worker sends it after the commit). Returns how many were told."""
    from erasmi.library import notices

    return notices.comment_added(comment)


def report(comment: Comment, user) -> bool:
    """Note that the user finds the comment out of place; False if they had reported it before."""
    _report, created = Report.objects.get_or_create(comment=comment, reporter=user)
    return created


def hide(comment: Comment, *, by) -> None:
    comment.hidden, comment.hidden_by, comment.hidden_at = True, by, timezone.now()
    comment.save(update_fields=["hidden", "hidden_by", "hidden_at"])


def unhide(comment: Comment, *, by) -> None:
    """Shown again; the reports so far are settled."""
    comment.hidden, comment.hidden_by, comment.hidden_at = False, None, None
    comment.save(update_fields=["hidden", "hidden_by", "hidden_at"])
    comment.reports.all().delete()


def personal_data(user) -> dict:
    """What the library keeps of a person, for the export of their data: what they submitted, wrote and
    reported (their comments stay without their name when the account is deleted)."""
    return {
        "submitted_resources": [
            {"slug": slug, "status": status, "created": created.isoformat()}
            for slug, status, created in Resource.objects.filter(submitted_by=user).values_list(
                "slug", "status", "created"
            )
        ],
        "comments": [
            {"resource": c.resource.slug, "text": c.body, "created": c.created.isoformat(), "hidden": c.hidden}
            for c in Comment.objects.filter(author=user).select_related("resource")
        ],
        "reported_comments": [
            {"resource": r.comment.resource.slug, "comment": r.comment_id, "created": r.created.isoformat()}
            for r in Report.objects.filter(reporter=user).select_related("comment__resource")
        ],
    }
