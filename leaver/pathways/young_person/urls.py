from django.urls import path

from leaver.pathways.young_person import (
    self_completion,
    views,
    views_details,
    views_record,
    views_referral,
    views_tasks,
)

app_name = "young_person"
urlpatterns = [
    path("work/", views.your_work, name="your_work"),
    path("cases/", views.case_list, name="case_list"),
    path("cases/new/", views.notify_move, name="notify_move"),
    path("cases/<uuid:public_id>/", views.case, name="case"),
    path("cases/<uuid:public_id>/consent/", views_details.consent, name="consent"),
    path("cases/<uuid:public_id>/consent/check/", views_details.consent_check,
         name="consent_check"),
    path("cases/<uuid:public_id>/reopen/", views_details.reopen, name="reopen"),
    path("cases/<uuid:public_id>/change/<slug:key>/", views_details.correct, name="correct"),
    path("cases/<uuid:public_id>/interviewer/", views.assign_interviewer, name="assign"),
    path("cases/<uuid:public_id>/schedule/", views.schedule, name="schedule"),
    path("cases/<uuid:public_id>/record/new/", views_tasks.task_list, name="record_new"),
    path("cases/<uuid:public_id>/record/about/", views_tasks.facts, name="record_about"),
    path("cases/<uuid:public_id>/record/complaints/", views_tasks.complaints,
         name="record_complaints"),
    path("cases/<uuid:public_id>/record/agreement/", views_tasks.agreement,
         name="record_agreement"),
    path("cases/<uuid:public_id>/record/circulation/", views_tasks.circulation,
         name="record_circulation"),
    path("cases/<uuid:public_id>/record/wording/", views_tasks.choose_wording,
         name="record_wording"),
    path("cases/<uuid:public_id>/record/draft/", views_tasks.draft, name="record_draft"),
    path("cases/<uuid:public_id>/record/check/", views_record.record_check,
         name="record_check"),
    path("cases/<uuid:public_id>/record/<slug:section_key>/", views_record.record_section,
         name="record_section"),
    path("cases/<uuid:public_id>/record/", views_record.record, name="record"),
    path("cases/<uuid:public_id>/restrict/", views.restrict, name="restrict"),
    path("cases/<uuid:public_id>/close/<slug:outcome>/", views.close_early, name="close_early"),
    # The young person's own links (self_completion.py): "questions" or "record".
    path("cases/<uuid:public_id>/send/<slug:what>/", self_completion.send_link,
         name="send_link"),
    path("cases/<uuid:public_id>/referrals/<slug:kind>/", views_referral.referral,
         name="referral"),
]
