from django.urls import path

from leaver.reports import views, views_export, views_stored

app_name = "reports"
urlpatterns = [
    path("reports/staff-turnover/", views.staff_turnover, name="staff_turnover"),
    path("reports/annual-monitoring/", views.annual_monitoring, name="annual_monitoring"),
    path("reports/annual-monitoring.csv", views.annual_monitoring_csv,
         name="annual_monitoring_csv"),
    path("reports/answers.csv", views_export.answers_export, name="answers_csv"),
    path("reports/staff-turnover.csv", views.staff_turnover_csv, name="staff_turnover_csv"),
    path("reports/stored/", views_stored.stored_list, name="stored_list"),
    path("reports/build/<str:kind>/", views_stored.build, name="build"),
    path("reports/stored/<uuid:public_id>/", views_stored.stored_report, name="stored_report"),
    path("reports/stored/<uuid:public_id>/rebuild/", views_stored.rebuild, name="rebuild"),
    path("reports/stored/<uuid:public_id>/report.<str:kind>", views_stored.download,
         name="download"),
]
