"""The audit log viewer (see leaver/administration/urls.py)."""

from django.urls import path

from leaver.administration.auditlog import views

app_name = "auditlog"
urlpatterns = [
    path("", views.audit_log, name="list"),
    path("export/", views.export, name="export"),
]
