from django.contrib import admin

from erasmi.library.models import Comment, Resource, ResourceTranslation, Tag


class TranslationInline(admin.StackedInline):
    model = ResourceTranslation
    extra = 0
    exclude = ["search_text"]


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = ["slug", "kind", "status", "licence", "network", "shared"]
    list_filter = ["status", "kind", "licence", "shared"]
    search_fields = ["slug", "translations__title", "author", "organisation"]
    inlines = [TranslationInline]
    raw_id_fields = ["submitted_by", "network"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["slug", "name"]
    search_fields = ["slug", "name"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["resource", "author", "created", "hidden"]
    list_filter = ["hidden"]
    raw_id_fields = ["resource", "author", "hidden_by"]
