from django.urls import path

from leaver.subject_access import views

app_name = "subject_access"
urlpatterns = [
    path("admin/subject-access/", views.search, name="search"),
    path("admin/subject-access/<slug:kind>/<uuid:public_id>/", views.review, name="review"),
    path("admin/subject-access/<slug:kind>/<uuid:public_id>/export.<slug:fmt>",
         views.export, name="export"),
]
