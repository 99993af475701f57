"""The staff interview's pages, from choosing the interviewer to amending the record. Added
to the pathway's URLs by leaver.pathways.staff.urls (app_name "staff")."""

from django.urls import path

from leaver.pathways.staff import (
    amending_views,
    interviewing_views,
    recording_views,
    views_record,
)

CASE = "staff/cases/<uuid:public_id>"

urlpatterns = [
    path(f"{CASE}/interviewer/", interviewing_views.assign, name="assign"),
    path(f"{CASE}/schedule/", interviewing_views.schedule, name="schedule"),
    path(f"{CASE}/record/check/", recording_views.record_check, name="record_check"),
    path(f"{CASE}/record/send/", recording_views.send_for_confirmation,
         name="send_for_confirmation"),
    path(f"{CASE}/record/signature/", recording_views.signed_in_person,
         name="signed_in_person"),
    path(f"{CASE}/record/answers/<slug:section_key>/", recording_views.record_section,
         name="record_section"),
    path(f"{CASE}/record/amend/", amending_views.amend, name="record_amend"),
    path(f"{CASE}/record/amend/<slug:section_key>/", amending_views.amend_section,
         name="record_amend_section"),
    path(f"{CASE}/record/versions/", views_record.compare, name="record_compare"),
]
