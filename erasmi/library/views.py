from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from erasmi.core import languages, once, permissions
from erasmi.core.forms import locked
from erasmi.core.paging import paginate
from erasmi.core.spreadsheets import csv_response
from erasmi.library import exports, filters, services
from erasmi.library.forms import CommentForm, ResourceForm, ReviewForm
from erasmi.library.models import Comment, Resource


def resource_list(request):
    language = languages.current()
    flt = filters.ResourceFilter.from_params(request.GET)
    found = filters.find(request.user, flt, language)
    page, query = paginate(request, found.ids, settings.ERASMI_PAGE_SIZE)
    context = {
        "page": page,
        "items": [(r, r.translation(language)) for r in filters.load(page.object_list)],
        "facets": filters.facets(found, flt),
        "filter": flt,
        "sorts": list(filters.SORTS.items()),
        "query": query,
    }
    template = "library/_results.html" if request.headers.get("HX-Request") else "library/list.html"
    return render(request, template, context)


def _visible(request, slug) -> Resource:
    resource = get_object_or_404(Resource.objects.with_listing().select_related("network", "submitted_by"), slug=slug)
    permissions.require(request.user, "resource.view", resource, hide=True)
    return resource


def resource_detail(request, slug, form=None, status=200):
    resource = _visible(request, slug)
    language = languages.current()
    version = resource.translation(language)
    moderator = permissions.can(request.user, "resource.moderate", resource)
    comments = (
        resource.comments.shown_to(request.user, moderator=moderator)
        .select_related("author")
        .annotate(report_count=Count("reports"))
    )
    if request.user.is_authenticated:
        comments = comments.annotate(reported=Count("reports", filter=Q(reports__reporter=request.user)))
    return render(
        request,
        "library/detail.html",
        {
            "resource": resource,
            "t": version,
            "fallback": version.language != language,
            "attribution": resource.attribution(version.title),
            "json_ld": exports.learning_resource(resource, version),
            "versions": [(code, languages.name(code)) for code in resource.available_languages()],
            "spoken": [languages.world_name(code) for code in resource.languages],
            "comments": comments,
            "comment_form": form or CommentForm(),
            "moderator": moderator,
            "can_comment": permissions.can(request.user, "resource.comment", resource),
            "can_edit": permissions.can(request.user, "resource.edit", resource),
            "can_review": permissions.can(request.user, "resource.review", resource),
            "can_share": permissions.can(request.user, "resource.share", resource),
            "review_form": ReviewForm(),
            "missing_languages": [
                (code, languages.name(code)) for code in languages.codes() if code not in resource.available_languages()
            ],
        },
        status=status,
    )


def download(request, slug):
    """The file leaves the library only through the permission check of the resource."""
    resource = _visible(request, slug)
    if not resource.file:
        raise Http404
    return FileResponse(resource.file.open("rb"), as_attachment=True, filename=resource.file_name)


@login_required
def submit(request):
    language = languages.current()
    form = ResourceForm(request.POST or None, request.FILES or None, user=request.user, language=language)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if earlier := once.claim(request, form):
                return redirect(earlier)
            data = form.cleaned_data
            resource = services.submit_resource(
                user=request.user,
                language=language,
                title=data["title"],
                description=data["description"],
                tags=data["tags"],
                upload=data.get("upload"),
                **form.resource_fields(),
            )
            once.done(request, form, resource.get_absolute_url())
        messages.success(request, _("Thank you. Your resource was submitted and will be reviewed by an editor."))
        return redirect(resource.get_absolute_url())
    return render(request, "library/form.html", {"form": form, "resource": None}, status=400 if form.errors else 200)


@login_required
def edit(request, slug, language):
    resource = _visible(request, slug)
    permissions.require(request.user, "resource.edit", resource)
    if language not in languages.codes():
        return redirect("library:edit", slug=slug, language=languages.current())
    if request.method != "POST":
        form = _form(request, None, resource, language)
    else:
        with transaction.atomic():
            form = _form(request, request.POST, locked(resource), language, request.FILES)
            if form.is_valid():
                if form.changed:
                    data = form.cleaned_data
                    services.edit_resource(
                        resource,
                        user=request.user,
                        language=language,
                        changes=form.changes,
                        title=data["title"],
                        description=data["description"],
                        tags=data.get("tags", ""),
                        upload=data.get("upload"),
                        fields=form.resource_fields(),
                    )
                    messages.success(request, _("Your changes were saved."))
                else:
                    messages.info(request, _("Nothing was changed."))
                return redirect(resource.get_absolute_url())
    return render(
        request,
        "library/form.html",
        {"form": form, "resource": resource, "language": language},
        status=400 if form.errors else 200,
    )


def _form(request, data, resource, language, files=None) -> ResourceForm:
    version = resource.translations.filter(language=language).first()
    return ResourceForm(data, files, instance=resource, user=request.user, language=language, translation=version)


@login_required
def review_queue(request):
    permissions.require(request.user, "resource.review")
    waiting = (
        Resource.objects.exclude(status=Resource.Status.PUBLISHED)
        .with_listing()
        .select_related("submitted_by", "network")
        .order_by("-updated")
    )
    reported = (
        Comment.objects.filter(hidden=False, reports__isnull=False)
        .annotate(report_count=Count("reports"))
        .select_related("resource", "author")
        .order_by("-report_count", "created")
    )
    return render(
        request,
        "library/review_queue.html",
        {"items": [(r, r.translation()) for r in waiting], "reported": reported},
    )


@require_POST
@login_required
def review(request, slug):
    resource = _visible(request, slug)
    permissions.require(request.user, "resource.review", resource)
    form = ReviewForm(request.POST)
    if form.is_valid():
        with transaction.atomic():
            if once.claim(request, form):  # a double click decides (and mails the submitter) once
                return redirect(resource.get_absolute_url())
            services.review(
                resource, form.cleaned_data["decision"], reviewer=request.user, comment=form.cleaned_data["comment"]
            )
            once.done(request, form, resource.get_absolute_url())
        messages.success(request, _("Your decision was recorded. The submitter is told by e-mail."))
    else:
        for error in form.errors.values():
            messages.error(request, error[0])
    return redirect(resource.get_absolute_url())


@require_POST
@login_required
def share(request, slug):
    """Share a network's resource with all networks, or make it internal to the network again."""
    resource = _visible(request, slug)
    permissions.require(request.user, "resource.share", resource)
    services.share(resource, request.POST.get("shared") == "1")
    if resource.shared:
        messages.success(request, _("The resource is shared with all networks."))
    else:
        messages.success(request, _("The resource is internal to the network again."))
    return redirect(resource.get_absolute_url())


@require_POST
@login_required
def comment(request, slug):
    resource = _visible(request, slug)
    permissions.require(request.user, "resource.comment", resource)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return resource_detail(request, slug, form=form, status=400)
    if not services.may_comment(request.user):
        form.add_error("body", _("Be patient, you are sending too many requests."))
        return resource_detail(request, slug, form=form, status=429)
    with transaction.atomic():
        if earlier := once.claim(request, form):  # a double click posts once
            return redirect(earlier)
        new = services.add_comment(resource, author=request.user, body=form.cleaned_data["body"])
        after = f"{resource.get_absolute_url()}#comment-{new.pk}"
        once.done(request, form, after)
    messages.success(request, _("Your comment is published."))
    return redirect(after)


def _comment(request, slug, pk) -> Comment:
    resource = _visible(request, slug)
    found = get_object_or_404(Comment.objects.select_related("resource"), pk=pk, resource=resource)
    if found.hidden and not permissions.can(request.user, "resource.moderate", resource):
        raise Http404
    return found


@require_POST
@login_required
def report(request, slug, pk):
    found = _comment(request, slug, pk)
    services.report(found, request.user)
    messages.success(request, _("Thank you. The moderators will look at the comment."))
    return redirect(f"{found.resource.get_absolute_url()}#comment-{found.pk}")


@require_POST
@login_required
def moderate(request, slug, pk, action):
    if action not in ("hide", "unhide"):
        raise Http404
    found = _comment(request, slug, pk)
    permissions.require(request.user, "resource.moderate", found.resource)
    if action == "hide":
        services.hide(found, by=request.user)
        messages.success(request, _("The comment is hidden."))
    elif action == "unhide":
        services.unhide(found, by=request.user)
        messages.success(request, _("The comment is shown again."))
    return redirect(f"{found.resource.get_absolute_url()}#comment-{found.pk}")


def export(request, fmt):
    """The whole library as the reader may see it: JSON-LD (schema.org LearningResource) or CSV."""
    flt = filters.ResourceFilter.from_params(request.GET)
    found = filters.find(request.user, flt)
    resources = filters.load(found.ids)
    if fmt == "csv":
        return csv_response(exports.csv_rows(resources), "erasmi-library.csv")
    response = HttpResponse(exports.to_json(resources), content_type="application/ld+json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="erasmi-library.jsonld"'
    return response
