from django.contrib import admin

from erasmi.networks.models import Membership, Network, Organisation, Person, Role, WorkingGroup


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


class RoleInline(admin.TabularInline):
    model = Role
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "country"]
    search_fields = ["name", "city"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RoleInline, MembershipInline]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "actor_type", "sector", "city"]
    list_filter = ["actor_type", "sector"]
    search_fields = ["name", "city"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "organisation", "email"]
    search_fields = ["last_name", "first_name", "email"]
    autocomplete_fields = ["organisation", "user"]


@admin.register(WorkingGroup)
class WorkingGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "network", "kind", "lead"]
    list_filter = ["network", "kind"]
    search_fields = ["name"]
    filter_horizontal = ["members"]
