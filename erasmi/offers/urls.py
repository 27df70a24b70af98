from django.urls import path, re_path

from erasmi.offers import districts, views

app_name = "offers"
urlpatterns = [
    path("", views.offer_list, name="list"),
    path("new/", views.offer_edit, name="create"),
    re_path(r"^export\.(?P<fmt>csv|geojson)$", views.export, name="export"),
    path("<id:pk>/", views.offer_detail, name="detail"),
    path("<id:pk>/edit/", views.offer_edit, name="edit"),
    path("report/<slug:slug>/", views.coordination_report, name="report"),
    path("districts/<slug:slug>/", districts.district_list, name="districts"),
    path("districts/<slug:slug>/<id:pk>/", districts.district_edit, name="district_edit"),
    path("districts/<slug:slug>/<id:pk>/delete/", districts.district_delete, name="district_delete"),
]
