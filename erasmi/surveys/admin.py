from django.contrib import admin

from erasmi.surveys.models import Survey, SurveyTranslation


class TranslationInline(admin.StackedInline):
    model = SurveyTranslation
    extra = 0


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["__str__", "network", "kind", "year", "opens", "closes", "anonymous"]
    list_filter = ["kind", "anonymous"]
    inlines = [TranslationInline]
