from django.urls import path

from erasmi.learning import views

app_name = "learning"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.unit_new, name="unit_new"),
    path("methods/", views.card_list, name="cards"),
    path("methods/new/", views.card_new, name="card_new"),
    path("methods/<slug:slug>/settings/", views.card_settings, name="card_settings"),
    path("methods/<slug:slug>/", views.card_detail, name="card"),
    path("methods/<slug:slug>/edit/<str:language>/", views.card_edit, name="card_edit"),
    path("progress/", views.my_progress, name="progress"),
    path("progress/carry-over/", views.carry_over, name="carry_over"),
    path("<slug:slug>/", views.unit_detail, name="unit"),
    path("<slug:slug>/pdf/", views.unit_pdf, name="pdf"),
    path("<slug:slug>/exercise/", views.exercise, name="exercise"),
    path("<slug:slug>/edit/<str:language>/", views.unit_edit, name="unit_edit"),
    path("<slug:slug>/settings/", views.unit_settings, name="unit_settings"),
    path("<slug:slug>/questions/<str:language>/", views.questions_edit, name="questions_edit"),
    path("<slug:slug>/files/new/", views.attachment_add, name="attachment_add"),
    path("<slug:slug>/files/<id:pk>/", views.attachment, name="attachment"),
    path("<slug:slug>/<id:number>/", views.unit_page, name="page"),
    path("<slug:slug>/<id:number>/edit/<str:language>/", views.page_edit, name="page_edit"),
]
