from django.urls import path

from erasmi.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("<str:token>/", views.preferences, name="preferences"),
    path("<str:token>/off/<slug:topic>/", views.off, name="off"),
]
