from django.urls import path

from leaver.pathways.staff import views, views_leavers, views_offer, views_record

app_name = "staff"
urlpatterns = [
    path("staff/cases/", views.case_list, name="case_list"),
    path("staff/cases/new/", views_leavers.new, name="new"),
    path("staff/cases/upload/", views_leavers.upload_leavers, name="upload"),
    path("staff/cases/<uuid:public_id>/", views.case, name="case"),
    path("staff/cases/<uuid:public_id>/record/", views_record.record, name="record"),
    path("staff/cases/<uuid:public_id>/offer/", views_offer.send_offer, name="send_offer"),
    path("staff/cases/<uuid:public_id>/offer/letter/", views_offer.offer_letter,
         name="offer_letter"),
    path("staff/cases/<uuid:public_id>/declined/", views_offer.record_decline,
         name="record_decline"),
    path("staff/cases/<uuid:public_id>/withdraw/", views_offer.withdraw, name="withdraw"),
    path("staff/cases/<uuid:public_id>/new-link/", views_offer.new_link, name="new_link"),
    path("staff/cases/<uuid:public_id>/copy-link/", views_offer.copy_link, name="copy_link"),
]

from leaver.pathways.staff import urls_interview  # noqa: E402

urlpatterns += urls_interview.urlpatterns
