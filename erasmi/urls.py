from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static as serve_files
from django.contrib import admin
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path

from erasmi.api.api import api
from erasmi.events.urls import feed_urlpatterns
from erasmi.surveys.urls import public_urlpatterns as public_survey_urlpatterns

handler400 = "erasmi.core.views.bad_request"


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; the icon is a static file."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


urlpatterns = [
    path("favicon.ico", favicon),
    path("api/", api.urls),
    *feed_urlpatterns,
]
urlpatterns += i18n_patterns(
    path("", include("erasmi.core.urls")),
    path("compendium/", include("erasmi.compendium.urls")),
    path("networks/", include("erasmi.networks.urls")),
    path("networks/", include("erasmi.events.urls")),
    path("offers/", include("erasmi.offers.urls")),
    path("library/", include("erasmi.library.urls")),
    path("toolkit/", include("erasmi.learning.urls")),
    path("cooperation/", include("erasmi.cooperation.urls")),
    path("networks/", include("erasmi.plans.urls")),
    path("networks/", include("erasmi.surveys.urls")),
    path("surveys/", include((public_survey_urlpatterns, "surveys_public"))),
    path("", include("erasmi.mailings.urls")),
    path("accounts/", include("erasmi.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("notifications/", include("erasmi.notifications.urls")),
    path("admin/", admin.site.urls),
)
if settings.ERASMI_BENCH_FLOOR:
    from erasmi.core.views import floor

    urlpatterns.append(path("bench/floor", floor))
if settings.DEBUG:
    urlpatterns += serve_files(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
