"""Safeguarding's pages (namespace "safeguarding"), included by leaver/urls.py."""

from django.urls import path

from leaver.safeguarding import admin_views, views

app_name = "safeguarding"
urlpatterns = [
    path("safeguarding/", views.concern_list, name="list"),
    path("safeguarding/concerns/<uuid:public_id>/", views.concern, name="concern"),
    path("safeguarding/concerns/<uuid:public_id>/acknowledge/", views.acknowledge,
         name="acknowledge"),
    path("safeguarding/concerns/<uuid:public_id>/outcome/referral/", views.outcome_referral,
         name="outcome_referral"),
    path("safeguarding/concerns/<uuid:public_id>/outcome/no-further-action/",
         views.outcome_no_further_action, name="outcome_no_further_action"),
    path("safeguarding/concerns/<uuid:public_id>/outcome/check/", views.outcome_check,
         name="outcome_check"),
    path("safeguarding/concerns/<uuid:public_id>/note/", views.add_note, name="note"),
    path("safeguarding/patterns/<uuid:public_id>/", views.pattern, name="pattern"),
    path("cases/<uuid:public_id>/safeguarding/raise/", views.raise_concern, name="raise"),
    path("admin/organisation/safeguarding/", admin_views.settings_page, name="settings"),
    path("admin/organisation/safeguarding/change/", admin_views.settings_change,
         name="settings_change"),
]
