from django.urls import path

from leaver.pathways.staff import views

app_name = "staff"
urlpatterns = [
    path("staff/cases/<uuid:public_id>/", views.case, name="case"),
    path("staff/cases/<uuid:public_id>/record/", views.record, name="record"),
]

from leaver.pathways.staff import urls_interview  # noqa: E402

urlpatterns += urls_interview.urlpatterns
