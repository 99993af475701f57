from django.contrib.auth import views as auth_views
from django.urls import path

from leaver.accounts import views, views_password, views_two_factor
from leaver.accounts.forms import LoginForm

app_name = "accounts"
urlpatterns = [
    path("login/", auth_views.LoginView.as_view(
        template_name="accounts/login.html", authentication_form=LoginForm,
        redirect_authenticated_user=True,
    ), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("keep-alive/", views.keep_alive, name="keep_alive"),
    path("", views.your_account, name="your_account"),
    path("emails/", views.email_choice, name="email_choice"),
    path("password/", views_password.change_password, name="password_change"),
    path("password/reset/", views_password.ResetRequestView.as_view(), name="password_reset"),
    path("password/reset/sent/", views_password.ResetSentView.as_view(),
         name="password_reset_sent"),
    path("password/reset/<uidb64>/<token>/", views_password.NewPasswordView.as_view(),
         name="password_reset_confirm"),
    path("password/reset/done/", views_password.ResetCompleteView.as_view(),
         name="password_reset_complete"),
    path("two-factor/set-up/", views_two_factor.set_up, name="two_factor_set_up"),
    path("two-factor/code/", views_two_factor.code, name="two_factor_code"),
    path("two-factor/recovery-code/", views_two_factor.recovery, name="two_factor_recovery"),
    path("two-factor/recovery-codes/", views_two_factor.recovery_codes, name="recovery_codes"),
    path("two-factor/recovery-codes/new/", views_two_factor.new_recovery_codes,
         name="new_recovery_codes"),
]
