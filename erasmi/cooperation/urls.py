from django.urls import path, re_path

from erasmi.cooperation import views

app_name = "cooperation"
urlpatterns = [
    path("<slug:slug>/", views.graph, name="graph"),
    re_path(r"^(?P<slug>[-a-zA-Z0-9_]+)/cooperation\.(?P<fmt>graphml|gexf)$", views.export_graph, name="export"),
    re_path(r"^(?P<slug>[-a-zA-Z0-9_]+)/(?P<table>organisations|ties)\.csv$", views.export_csv, name="csv"),
    path("<slug:slug>/partnerships/", views.partnerships, name="partnerships"),
    path("<slug:slug>/partnerships/new/", views.partnership_create, name="partnership_create"),
    path("<slug:slug>/partnerships/<id:pk>/answer/", views.partnership_answer, name="partnership_answer"),
]
