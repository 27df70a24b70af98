from django.urls import path

from erasmi.networks import documents, groups, organisations, profile, views, views_people

app_name = "networks"
urlpatterns = [
    path("", views.network_list, name="list"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("<slug:slug>/", views.network_detail, name="detail"),
    path("<slug:slug>/members/", views.members, name="members"),
    path("<slug:slug>/members.xlsx", views.members_xlsx, name="members_xlsx"),
    path("<slug:slug>/members/import/", views.members_import, name="members_import"),
    path("<slug:slug>/members/<id:pk>/", views.membership_edit, name="membership"),
    path("<slug:slug>/people/", views.people, name="people"),
    path("<slug:slug>/history/", views.history, name="history"),
    path("<slug:slug>/compendium/", views.to_compendium, name="to_compendium"),
    path("<slug:slug>/documents/", views.documents, name="documents"),
    path("<slug:slug>/documents/<id:pk>/", views.document_detail, name="document"),
    path("<slug:slug>/documents/<id:pk>/v<id:number>/", views.document_download, name="document_download"),
    path("<slug:slug>/people/<id:pk>/erase/", views.person_erase, name="person_erase"),
    path("<slug:slug>/people/<id:pk>/remove/", views.role_remove, name="role_remove"),
    path("<slug:slug>/groups/new/", views.group_create, name="group_create"),
    path("<slug:slug>/groups/<slug:group>/", views.group_detail, name="group"),
    path("<slug:slug>/groups/<slug:group>/edit/", views.group_edit, name="group_edit"),
    path("<slug:slug>/groups/<slug:group>/close/", groups.group_close, name="group_close"),
    path("<slug:slug>/groups/<slug:group>/reopen/", groups.group_reopen, name="group_reopen"),
    path("<slug:slug>/documents/<id:pk>/edit/", documents.document_edit, name="document_edit"),
    path("<slug:slug>/documents/<id:pk>/delete/", documents.document_delete, name="document_delete"),
    path("<slug:slug>/edit/", profile.network_edit, name="edit"),
    path("<slug:slug>/members/new/", organisations.organisation_add, name="organisation_add"),
    path("<slug:slug>/members/<id:pk>/organisation/", organisations.organisation_edit, name="organisation"),
    path("<slug:slug>/members/<id:pk>/end/", organisations.membership_end, name="membership_end"),
    path("<slug:slug>/people/<id:pk>/edit/", views_people.person_edit, name="person_edit"),
    path("<slug:slug>/join/", views_people.join, name="join"),
    path("<slug:slug>/join/<id:pk>/", views_people.join_answer, name="join_answer"),
]
