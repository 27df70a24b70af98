from django.contrib import admin

from erasmi.plans.models import AnnualReport, Goal, Indicator, IndicatorValue, Measure, Plan, Target


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["title", "network", "starts", "ends"]
    list_filter = ["network"]


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin):
    list_display = ["title", "goal", "lead", "deadline", "status", "progress"]
    list_filter = ["status"]
    raw_id_fields = ["goal", "lead", "working_group", "partners"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "plan", "measure", "unit", "baseline", "target"]
    raw_id_fields = ["plan", "measure"]


admin.site.register(Goal)
admin.site.register(IndicatorValue)
admin.site.register(AnnualReport)
admin.site.register(Target)
