from django.urls import path

from erasmi.mailings import views

app_name = "mailings"
urlpatterns = [
    path("networks/<slug:slug>/mail/", views.index, name="index"),
    path("networks/<slug:slug>/mail/subscribe/", views.subscribe, name="subscribe"),
    path("networks/<slug:slug>/mail/editors/", views.editors, name="editors"),
    path("networks/<slug:slug>/mail/archive/", views.archive, name="archive"),
    path("networks/<slug:slug>/mail/archive/<id:pk>/", views.archived, name="archived"),
    path("networks/<slug:slug>/mail/news/new/", views.news_new, name="news_new"),
    path("networks/<slug:slug>/mail/news/<id:pk>/", views.news_edit, name="news"),
    path("networks/<slug:slug>/mail/new/", views.mailing_new, name="mailing_new"),
    path("networks/<slug:slug>/mail/<id:pk>/", views.mailing_detail, name="mailing"),
    path("networks/<slug:slug>/mail/<id:pk>/<str:language>/edit/", views.mailing_version, name="version"),
    path("networks/<slug:slug>/mail/<id:pk>/<str:language>/preview/", views.mailing_preview, name="preview"),
    path("networks/<slug:slug>/mail/<id:pk>/test/", views.mailing_test, name="test"),
    path("networks/<slug:slug>/mail/<id:pk>/send/", views.mailing_schedule, name="schedule"),
    path("mail/<str:token>/", views.preferences, name="preferences"),
    path("mail/<str:token>/unsubscribe/", views.unsubscribe, name="unsubscribe"),
]
