from django.urls import URLPattern

app_name = "auditlog"
urlpatterns: list[URLPattern] = []
