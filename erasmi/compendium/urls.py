from django.urls import path, re_path

from erasmi.compendium import views

app_name = "compendium"
urlpatterns = [
    path("", views.practice_list, name="list"),
    path("compare/", views.compare, name="compare"),
    re_path(r"^export\.(?P<fmt>json|csv|pdf)$", views.export, name="export"),
    path("submit/", views.submit, name="submit"),
    path("mine/", views.mine, name="mine"),
    path("review/", views.review_queue, name="review_queue"),
    path("vocabulary/", views.vocabulary_review, name="vocabulary"),
    path("vocabulary/<int:pk>/<str:decision>/", views.vocabulary_decide, name="vocabulary_decide"),
    path("<slug:slug>/", views.practice_detail, name="detail"),
    path("<slug:slug>/pdf/", views.practice_pdf, name="pdf"),
    path("<slug:slug>/edit/<str:language>/", views.edit, name="edit"),
    path("<slug:slug>/history/", views.history, name="history"),
    path("<slug:slug>/review/", views.review, name="review"),
]
