"""The case kernel's own pages for staff: asking to amend a locked record and deciding on it
(leaver.cases.amendment_views), the same for every pathway."""

from django.urls import path

from leaver.cases import amendment_views

app_name = "cases"
urlpatterns = [
    path("cases/<uuid:public_id>/record/amendment/ask/", amendment_views.ask,
         name="amendment_ask"),
    path("cases/<uuid:public_id>/record/amendment/decide/", amendment_views.decide,
         name="amendment_decide"),
]
