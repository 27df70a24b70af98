from django.shortcuts import render

from erasmi.compendium.models import Practice
from erasmi.core import languages


def home(request):
    language = languages.current()
    recent = Practice.objects.published().with_listing().order_by("-published_at", "slug")[:6]
    return render(
        request,
        "core/home.html",
        {
            "recent": [(p, p.translation(language)) for p in recent],
            "practice_count": Practice.objects.published().count(),
        },
    )
