from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from intranet import views
from intranet.password_reset import PasswordResetView
from people.sso_views import LogoutView

auth_patterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("uitloggen/", LogoutView.as_view(), name="logout"),
    path("wachtwoord-vergeten/", PasswordResetView.as_view(), name="password_reset"),
    path("wachtwoord-vergeten/verstuurd/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-herstellen/klaar/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    *auth_patterns,
    # Single sign-on (people/sso.py): 404 while OIDC_* is not set.
    path("oidc/", include("people.sso_views")),
    path("health/", views.health, name="health"),
    path("admin/login/", views.login_elsewhere, {"default": "/admin/"}),
    path("admin/logout/", LogoutView.as_view()),  # the admin's logout also ends an SSO session
    path("_util/login/", views.login_elsewhere),
    re_path(r"^admin/password_reset/", views.admin_password_reset),
    path("admin/", include("intranet.admin_overrides")),  # before Wagtail's: apps replace a few views
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.+)$", views.protected_media, name="media"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("intranet.app_urls")),
    # Wagtail's page tree last: it answers every path the patterns above did not take.
    path("", include(wagtail_urls)),
]

handler403 = "intranet.error_views.permission_denied"
handler404 = "intranet.error_views.page_not_found"
handler500 = "intranet.error_views.server_error"
