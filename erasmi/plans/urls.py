from django.urls import path

from erasmi.plans import views, views_report

app_name = "plans"
urlpatterns = [
    path("<slug:slug>/plans/", views.plans, name="plans"),
    path("<slug:slug>/plans/<id:pk>/", views.plan_detail, name="plan"),
    path("<slug:slug>/plans/<id:pk>/timeline/", views.plan_timeline, name="timeline"),
    path("<slug:slug>/plans/<id:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("<slug:slug>/plans/<id:pk>/copy/", views.plan_copy, name="copy"),
    path("<slug:slug>/plans/<id:pk>/plan.pdf", views.plan_pdf, name="pdf"),
    path("<slug:slug>/plans/<id:pk>/plan.xlsx", views.plan_xlsx, name="xlsx"),
    path("<slug:slug>/plans/<id:pk>/goals/new/", views.goal_create, name="goal_create"),
    path("<slug:slug>/plans/<id:pk>/measures/new/", views.measure_create, name="measure_create"),
    path("<slug:slug>/goals/<id:pk>/edit/", views.goal_edit, name="goal_edit"),
    path("<slug:slug>/measures/<id:pk>/", views.measure_detail, name="measure"),
    path("<slug:slug>/measures/<id:pk>/edit/", views.measure_edit, name="measure_edit"),
    path("<slug:slug>/measures/<id:pk>/indicators/new/", views.indicator_create, name="indicator_create"),
    path("<slug:slug>/indicators/<id:pk>/record/", views.value_record, name="value_record"),
    path("<slug:slug>/indicators/<id:pk>/edit/", views.indicator_edit, name="indicator_edit"),
    path("<slug:slug>/report/", views_report.report_latest, name="report_latest"),
    path("<slug:slug>/report/<int:year>/", views_report.annual_report, name="report"),
    path("<slug:slug>/report/<int:year>/report.pdf", views_report.annual_report_pdf, name="report_pdf"),
    path("<slug:slug>/report/<int:year>/edit/", views_report.report_edit, name="report_edit"),
    path("<slug:slug>/report/<int:year>/targets/<id:pk>/delete/", views_report.target_delete, name="target_delete"),
    path("<slug:slug>/report/<int:year>/targets/carry/", views_report.targets_carry, name="targets_carry"),
]
