from django.contrib import admin

from erasmi.events.models import Event, Registration


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    raw_id_fields = ["person"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "network", "kind", "starts", "visibility", "capacity"]
    list_filter = ["network", "kind", "visibility"]
    search_fields = ["title"]
    date_hierarchy = "starts"
    inlines = [RegistrationInline]
