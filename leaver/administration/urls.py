"""Organisation administration. Each section is its own package with its own URLs."""

from django.urls import include, path

from leaver.administration import views

app_name = "administration"
urlpatterns = [
    path("admin/", views.index, name="index"),
    path("admin/users/", include("leaver.administration.users.urls")),
    path("admin/organisation/", include("leaver.administration.organisation.urls")),
    path("admin/audit/", include("leaver.administration.auditlog.urls")),
    path("admin/emails/", include("leaver.administration.outbox.urls")),
]
