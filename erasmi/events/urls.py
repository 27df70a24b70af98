from django.urls import path

from erasmi.events import views

app_name = "events"
urlpatterns = [
    path("<slug:slug>/calendar/", views.network_calendar, name="network_calendar"),
    path("<slug:slug>/calendar/renew-feed/", views.renew_feed, name="renew_feed"),
    path("<slug:slug>/groups/<slug:group>/calendar/", views.group_calendar, name="group_calendar"),
    path("<slug:slug>/events/new/", views.event_create, name="create"),
    path("<slug:slug>/events/<id:pk>/", views.event_detail, name="detail"),
    path("<slug:slug>/events/<id:pk>.ics", views.event_ics, name="ics"),
    path("<slug:slug>/events/<id:pk>/register/", views.register, name="register"),
    path("<slug:slug>/events/<id:pk>/cancel/", views.cancel, name="cancel"),
    path("<slug:slug>/events/<id:pk>/minutes/", views.minutes, name="minutes"),
    path("<slug:slug>/events/<id:pk>/edit/", views.event_edit, name="edit"),
    path("<slug:slug>/events/<id:pk>/cancel-meeting/", views.event_cancel, name="cancel_event"),
    path("<slug:slug>/events/<id:pk>/participants.xlsx", views.participants_xlsx, name="participants_xlsx"),
]

feed_urlpatterns = [
    path("feeds/networks/<slug:slug>.ics", views.network_feed, name="network_feed"),
    path("feeds/personal/<str:token>.ics", views.personal_feed, name="personal_feed"),
]
