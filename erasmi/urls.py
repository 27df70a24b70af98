from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from erasmi.api.api import api
from erasmi.events.urls import feed_urlpatterns

handler400 = "erasmi.core.views.bad_request"

urlpatterns = [
    path("api/", api.urls),
    *feed_urlpatterns,
]
urlpatterns += i18n_patterns(
    path("", include("erasmi.core.urls")),
    path("compendium/", include("erasmi.compendium.urls")),
    path("networks/", include("erasmi.networks.urls")),
    path("networks/", include("erasmi.events.urls")),
    path("offers/", include("erasmi.offers.urls")),
    path("accounts/", include("erasmi.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
)
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
