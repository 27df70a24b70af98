from django.contrib import admin

from erasmi.offers.models import Area, Category, Offer, Place, TargetGroup


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["slug", "parent", "names"]
    search_fields = ["slug", "names"]


@admin.register(TargetGroup)
class TargetGroupAdmin(admin.ModelAdmin):
    list_display = ["slug", "names"]


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["name", "network", "south", "west", "north", "east"]
    list_filter = ["network"]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["postcode", "name", "region", "country", "latitude", "longitude"]
    list_filter = ["country"]  # no country: entered here by hand, kept when load_places reloads a country
    search_fields = ["postcode", "name", "key"]


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organisation", "category", "city", "online", "confirmed"]
    list_filter = ["category", "online", "network"]
    search_fields = ["search_text"]
    raw_id_fields = ["organisation"]
    filter_horizontal = ["target_groups"]
