from django.urls import path

from leaver.reviews import views

app_name = "reviews"
urlpatterns = [
    path("cases/<uuid:public_id>/review/", views.review, name="review"),
    path("cases/<uuid:public_id>/letter/", views.letter, name="letter"),
    path("cases/<uuid:public_id>/letter.pdf", views.letter_pdf, name="letter_pdf"),
    path("cases/<uuid:public_id>/letter/sent/", views.letter_sent, name="letter_sent"),
    path("recommendations/", views.my_recommendations, name="my_recommendations"),
    path("recommendations/<uuid:public_id>/", views.recommendation, name="recommendation"),
]
