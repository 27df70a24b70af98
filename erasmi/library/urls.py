from django.urls import path, re_path

from erasmi.library import views

app_name = "library"
urlpatterns = [
    path("", views.resource_list, name="list"),
    re_path(r"^export\.(?P<fmt>jsonld|csv)$", views.export, name="export"),
    path("submit/", views.submit, name="submit"),
    path("review/", views.review_queue, name="review_queue"),
    path("<slug:slug>/", views.resource_detail, name="detail"),
    path("<slug:slug>/file/", views.download, name="download"),
    path("<slug:slug>/edit/<str:language>/", views.edit, name="edit"),
    path("<slug:slug>/review/", views.review, name="review"),
    path("<slug:slug>/share/", views.share, name="share"),
    path("<slug:slug>/comments/", views.comment, name="comment"),
    path("<slug:slug>/comments/<id:pk>/report/", views.report, name="report"),
    path("<slug:slug>/comments/<id:pk>/<str:action>/", views.moderate, name="moderate"),
]
