from django.contrib import admin

from erasmi.learning.models import MethodCard, MethodCardTranslation, Unit, UnitTranslation


class UnitTranslationInline(admin.StackedInline):
    model = UnitTranslation
    extra = 0
    fields = ["language", "state", "title", "summary"]
    readonly_fields = ["state"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["slug", "position", "status", "original_language"]
    inlines = [UnitTranslationInline]


class CardTranslationInline(admin.StackedInline):
    model = MethodCardTranslation
    extra = 0
    fields = ["language", "state", "title", "summary"]
    readonly_fields = ["state"]


@admin.register(MethodCard)
class MethodCardAdmin(admin.ModelAdmin):
    list_display = ["slug", "position", "status"]
    inlines = [CardTranslationInline]
