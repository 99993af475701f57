from django.urls import include, path
from django.views.generic import RedirectView

from leaver import notices
from leaver.health import healthz

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="young_person:your_work"), name="home"),
    path("healthz", healthz, name="healthz"),
    path("privacy/", notices.privacy, name="privacy"),
    path("privacy/<slug:slug>/", notices.privacy, name="privacy_for"),
    path("accessibility/", notices.accessibility, name="accessibility"),
    path("accessibility/<slug:slug>/", notices.accessibility, name="accessibility_for"),
    path("accounts/", include("leaver.accounts.urls")),
    path("", include("leaver.pathways.young_person.urls")),
    path("", include("leaver.pathways.staff.urls")),
    path("", include("leaver.reviews.urls")),
    path("", include("leaver.cases.urls")),
    path("", include("leaver.questionnaires.urls")),
    path("", include("leaver.administration.urls")),
    path("", include("leaver.safeguarding.urls")),
    path("", include("leaver.reports.urls")),
    path("", include("leaver.retention.urls")),
    path("", include("leaver.subject_access.urls")),
    # An invited person sets their password here, without signing in.
    path("", include("leaver.administration.users.invitation_urls")),
    # The leaver's own pages, from the links emailed to them (no account).
    path("", include("leaver.cases.you.urls")),
]

# The service's own error pages, each with an incident reference that is also in the log.
handler400 = "leaver.errors.bad_request"
handler403 = "leaver.errors.permission_denied"
handler404 = "leaver.errors.page_not_found"
handler500 = "leaver.errors.server_error"
