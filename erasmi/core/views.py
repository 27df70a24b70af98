from django.http import JsonResponse
from django.shortcuts import render

from erasmi.compendium.models import Practice
from erasmi.core import languages, start
from erasmi.core.models import ContentVersion, LastVisit


def home(request):
    """The platform's front page; for someone signed in, their overview first (see core.start)."""
    sections = []
    if request.user.is_authenticated:
        since = LastVisit.visit(request.user)
        sections = start.sections(start.Overview(request.user, since=since))
    language = languages.current()
    recent = Practice.objects.published().with_listing().order_by("-published_at", "slug")[:6]
    return render(
        request,
        "core/home.html",
        {
            "recent": [(p, p.translation(language)) for p in recent],
            "practice_count": Practice.objects.published().count(),
            "sections": sections,
        },
    )


def bad_request(request, exception=None):
    """400 in the user's language: the reason when the platform gave one, otherwise a general one."""
    from django.core.exceptions import BadRequest
    from django.utils.translation import gettext as _

    if isinstance(exception, BadRequest) and str(exception):
        message = str(exception)
    else:
        message = _("The request was not understood; please check the address or the form.")
    return render(request, "core/error.html", {"status": 400, "message": message}, status=400)


def floor(request):
    """The benchmark's floor: one indexed row as JSON, what Django itself serves at best (BENCH_FLOOR=1 only)."""
    return JsonResponse(ContentVersion.objects.filter(key="compendium").values("key", "token").first() or {})
