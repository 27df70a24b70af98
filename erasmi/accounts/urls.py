from django.urls import path

from erasmi.accounts import views

app_name = "accounts"
urlpatterns = [
    path("me/", views.me, name="me"),
    path("me/data.json", views.data, name="data"),
    path("me/delete/", views.delete, name="delete"),
]
