"""Retention's pages, in the organisation settings area (its card is on the area's first
page: leaver.administration.organisation.queries.SECTIONS)."""

from django.urls import path

from leaver.retention import views

app_name = "retention"
urlpatterns = [
    path("admin/organisation/retention/", views.settings_page, name="settings"),
    path("admin/organisation/retention/<slug:pathway>/change/", views.schedule_change,
         name="schedule_change"),
    path("admin/organisation/retention/due/", views.due_list, name="due"),
    path("admin/organisation/retention/cases/<uuid:public_id>/", views.case_page,
         name="case"),
    path("admin/organisation/retention/cases/<uuid:public_id>/hold/", views.hold_place,
         name="hold_place"),
    path("admin/organisation/retention/cases/<uuid:public_id>/lift/", views.hold_lift,
         name="hold_lift"),
    path("admin/organisation/retention/cases/<uuid:public_id>/death/", views.date_of_death,
         name="date_of_death"),
    path("admin/organisation/retention/cases/<uuid:public_id>/erase/", views.erase,
         name="erase"),
]
