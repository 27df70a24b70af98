from django.contrib import admin

from erasmi.cooperation.models import Partnership


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["organisation", "partner", "network", "since", "state"]
    list_filter = ["state", "network"]
    raw_id_fields = ["organisation", "partner", "proposed_by", "answered_by"]
