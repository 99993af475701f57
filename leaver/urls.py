from django.urls import include, path
from django.views.generic import RedirectView

from leaver.health import healthz

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="young_person:your_work"), name="home"),
    path("healthz", healthz, name="healthz"),
    path("accounts/", include("leaver.accounts.urls")),
    path("", include("leaver.pathways.young_person.urls")),
    path("", include("leaver.reviews.urls")),
    path("", include("leaver.questionnaires.urls")),
    path("", include("leaver.administration.urls")),
    # An invited person sets their password here, without signing in.
    path("", include("leaver.administration.users.invitation_urls")),
]
