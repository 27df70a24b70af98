from django.contrib import admin

from erasmi.compendium.models import Practice, PracticeRevision, PracticeTranslation, Term


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["slug", "kind", "names"]
    list_filter = ["kind"]
    search_fields = ["slug", "names"]


class TranslationInline(admin.StackedInline):
    model = PracticeTranslation
    extra = 0
    exclude = ["search_text"]


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = ["slug", "status", "country", "founding_year", "member_count", "is_example", "updated"]
    list_filter = ["status", "is_example", "country", "network_type"]
    search_fields = ["slug", "translations__name"]
    filter_horizontal = ["fields_of_action", "target_groups"]
    inlines = [TranslationInline]


@admin.register(PracticeRevision)
class PracticeRevisionAdmin(admin.ModelAdmin):
    list_display = ["practice", "action", "language", "author", "created"]
    list_filter = ["action"]
    readonly_fields = ["practice", "author", "action", "language", "comment", "snapshot", "created"]
