"""Emails not sent (see leaver/administration/urls.py)."""

from django.urls import path

from leaver.administration.outbox import views

app_name = "outbox"
urlpatterns = [
    path("", views.failing, name="list"),
    path("<uuid:public_id>/try-again/", views.try_again, name="try_again"),
]
