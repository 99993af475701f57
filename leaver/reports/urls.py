from django.urls import path

from leaver.reports import views

app_name = "reports"
urlpatterns = [
    path("reports/staff-turnover/", views.staff_turnover, name="staff_turnover"),
    path("reports/staff-turnover.csv", views.staff_turnover_csv, name="staff_turnover_csv"),
]
