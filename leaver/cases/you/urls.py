"""The leaver's pages, without an account (leaver.cases.you). The landing pattern takes the
link's secret (it has a dot); every other page names the link by its public id."""

from django.urls import path

from leaver.cases.you import views, views_answers, views_review

app_name = "you"
urlpatterns = [
    path("you/<uuid:link_id>/", views.link, name="link"),
    path("you/<uuid:link_id>/done/", views.done, name="done"),
    path("you/<uuid:link_id>/offer/", views.offer, name="offer"),
    path("you/<uuid:link_id>/offer/check/", views.offer_check, name="offer_check"),
    path("you/<uuid:link_id>/answers/", views_answers.start, name="answers_start"),
    path("you/<uuid:link_id>/answers/check/", views_answers.check, name="answers_check"),
    path("you/<uuid:link_id>/answers/saved/", views_answers.saved_for_later,
         name="answers_saved"),
    path("you/<uuid:link_id>/answers/<slug:section_key>/", views_answers.section,
         name="answers"),
    path("you/<uuid:link_id>/review/", views_review.review, name="review"),
    path("you/<str:token>/", views.landing, name="landing"),
]
