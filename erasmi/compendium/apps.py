from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompendiumConfig(AppConfig):
    name = "erasmi.compendium"
    label = "compendium"
    verbose_name = _("Compendium of good practice")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from erasmi.compendium import (
            index,
            rules,  # noqa: F401  (registers the permission rules)
        )
        from erasmi.compendium.models import Practice, PracticeTranslation, Term
        from erasmi.core import search

        for model in (Practice, PracticeTranslation, Term):
            post_save.connect(index.changed, sender=model, dispatch_uid=f"compendium-index-save-{model.__name__}")
            post_delete.connect(index.changed, sender=model, dispatch_uid=f"compendium-index-delete-{model.__name__}")
        post_delete.connect(search.forget, sender=PracticeTranslation, dispatch_uid="compendium-search-forget")
        for through in (Practice.fields_of_action.through, Practice.target_groups.through):
            m2m_changed.connect(index.changed, sender=through, dispatch_uid=f"compendium-index-m2m-{through.__name__}")
