from django.urls import path

from erasmi.surveys import views

app_name = "surveys"
urlpatterns = [
    path("<slug:slug>/surveys/", views.survey_list, name="list"),
    path("<slug:slug>/surveys/new/", views.survey_create, name="create"),
    path("<slug:slug>/surveys/self-assessment/", views.self_assessment_start, name="self_assessment"),
    path("<slug:slug>/surveys/self-assessment/profile/", views.self_assessment_profile, name="profile"),
    path("<slug:slug>/surveys/<id:pk>/", views.survey_detail, name="detail"),
    path("<slug:slug>/surveys/<id:pk>/edit/", views.survey_edit, name="edit"),
    path("<slug:slug>/surveys/<id:pk>/questions/new/", views.question_add, name="question_add"),
    path("<slug:slug>/surveys/<id:pk>/questions/<id:question>/", views.question_edit, name="question_edit"),
    path("<slug:slug>/surveys/<id:pk>/questions/<id:question>/delete/", views.question_delete, name="question_delete"),
    path("<slug:slug>/surveys/<id:pk>/questions/<id:question>/move/", views.question_move, name="question_move"),
    path("<slug:slug>/surveys/<id:pk>/translations/<str:language>/", views.translation_edit, name="translation"),
    path("<slug:slug>/surveys/<id:pk>/answer/", views.survey_answer, name="answer"),
    path("<slug:slug>/surveys/<id:pk>/results/", views.survey_results, name="results"),
    path("<slug:slug>/surveys/<id:pk>/results.csv", views.results_csv, name="results_csv"),
    path("<slug:slug>/surveys/<id:pk>/results.xlsx", views.results_xlsx, name="results_xlsx"),
    path("<slug:slug>/surveys/<id:pk>/wave/", views.new_wave, name="wave"),
    path("<slug:slug>/surveys/<id:pk>/compare/", views.compare, name="compare"),
]

public_urlpatterns = [
    path("<str:token>/", views.public_answer, name="public"),
]
