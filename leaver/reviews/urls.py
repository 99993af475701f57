from django.urls import path

from leaver.reviews import views, views_letter, views_review

app_name = "reviews"
urlpatterns = [
    path("cases/<uuid:public_id>/review/", views_review.review, name="review"),
    path("cases/<uuid:public_id>/review/no-action/", views_review.no_action, name="no_action"),
    path("cases/<uuid:public_id>/review/recommendations/new/", views_review.draft_new,
         name="draft_new"),
    path("cases/<uuid:public_id>/review/drafts/<uuid:draft_id>/", views_review.draft_edit,
         name="draft_edit"),
    path("cases/<uuid:public_id>/review/drafts/<uuid:draft_id>/remove/",
         views_review.draft_remove, name="draft_remove"),
    path("cases/<uuid:public_id>/review/check/", views_review.check, name="check"),
    path("cases/<uuid:public_id>/letter/", views_letter.letter, name="letter"),
    path("cases/<uuid:public_id>/letter.pdf", views_letter.letter_pdf, name="letter_pdf"),
    path("cases/<uuid:public_id>/letter/sent/", views_letter.letter_sent, name="letter_sent"),
    path("recommendations/", views.my_recommendations, name="my_recommendations"),
    path("recommendations/<uuid:public_id>/", views.recommendation, name="recommendation"),
    path("recommendations/<uuid:public_id>/change/", views_review.change, name="change"),
    path("recommendations/<uuid:public_id>/withdraw/", views_review.withdraw, name="withdraw"),
]
