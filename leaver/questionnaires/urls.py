from django.urls import path

from leaver.questionnaires import views

app_name = "questionnaires"
urlpatterns = [
    path("questionnaires/", views.template_list, name="list"),
    path("questionnaires/upload/", views.upload, name="upload"),
    path("questionnaires/default/", views.choose_default, name="choose_default"),
    path("questionnaires/versions/<uuid:public_id>/download/", views.download,
         name="download"),
    path("questionnaires/versions/<uuid:public_id>/preview/", views.preview, name="preview"),
    path("questionnaires/versions/<uuid:public_id>/publish/", views.publish, name="publish"),
]
