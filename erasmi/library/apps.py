from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "erasmi.library"
    label = "library"
    verbose_name = _("Library of open educational resources")

    def ready(self):
        from django.db.models.signals import post_delete

        from erasmi.core import search
        from erasmi.library import rules  # noqa: F401  (registers the permission rules)
        from erasmi.library.models import ResourceTranslation

        post_delete.connect(search.forget, sender=ResourceTranslation, dispatch_uid="library-search-forget")
