from django.urls import path

from leaver.administration.users import views

app_name = "users"
urlpatterns = [
    path("", views.user_list, name="list"),
    path("invite/", views.invite, name="invite"),
    path("<uuid:public_id>/", views.person_page, name="person"),
    path("<uuid:public_id>/name/", views.change_name, name="change_name"),
    path("<uuid:public_id>/email/", views.change_email, name="change_email"),
    path("<uuid:public_id>/roles/give/", views.give_role, name="give_role"),
    # A role is named by its value, and a Unit Manager's or Headteacher's also by the
    # public id of the place it covers.
    path("<uuid:public_id>/roles/<slug:role>/remove/", views.remove_role, name="remove_role"),
    path("<uuid:public_id>/roles/<slug:role>/<uuid:setting_id>/remove/", views.remove_role,
         name="remove_place_role"),
    path("<uuid:public_id>/switch-off/", views.switch_off, name="switch_off"),
    path("<uuid:public_id>/switch-on/", views.switch_on, name="switch_on"),
    path("<uuid:public_id>/two-factor/reset/", views.reset_two_factor, name="reset_two_factor"),
    path("<uuid:public_id>/invitation/resend/", views.resend_invitation, name="resend"),
    path("<uuid:public_id>/invitation/cancel/", views.cancel_invitation, name="cancel"),
]
