"""The invited person's public pages (see views_invitation). Included by leaver/urls.py."""

from django.urls import path

from leaver.administration.users import views_invitation

app_name = "invitations"
urlpatterns = [
    # Before the token pattern, which would match it too.
    path("invitation/set-password/", views_invitation.set_password, name="set_password"),
    path("invitation/<str:token>/", views_invitation.start, name="start"),
]
