"""The OIDC views: the only doors besides the login page that are open in the login wall (docs/sso.md)."""

import requests
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from intranet import throttle
from intranet.client_ip import client_ip
from people import sso


@method_decorator([login_not_required, never_cache], name="dispatch")
class AuthenticateView(OIDCAuthenticationRequestView):
    """To the provider, with state, nonce and PKCE in the session; `next` checked as intranet/views.py does."""

    get_settings = staticmethod(sso.oidc_setting)


@never_cache
def authenticate(request):
    """404 while SSO is off; a provider whose metadata cannot be read sends the user back with a message."""
    if not sso.enabled():
        raise Http404
    try:
        throttle.hit(client_ip(request), "sso_start", message=sso.REFUSALS["throttled"])
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        return HttpResponseRedirect(reverse("login"))
    try:
        return AuthenticateView.as_view()(request)
    except (requests.RequestException, ValueError, ImproperlyConfigured) as exc:
        sso.logger.warning("SSO provider metadata unavailable: %s", exc)
        messages.error(request, sso.REFUSALS["unavailable"])
        return HttpResponseRedirect(reverse("login"))


@method_decorator([login_not_required, never_cache], name="dispatch")
class CallbackView(OIDCAuthenticationCallbackView):
    """Back from the provider: every refusal ends on the login page with a Dutch message, no account made."""

    get_settings = staticmethod(sso.oidc_setting)

    def get(self, request):
        if not sso.enabled():
            raise Http404
        if "code" in request.GET and request.GET.get("state") not in request.session.get("oidc_states", {}):
            request.sso_refusal = "state"
            return self.login_failure()
        return super().get(request)

    def login_failure(self):
        reason = getattr(self.request, "sso_refusal", None) or ("denied" if "error" in self.request.GET else "token")
        messages.error(self.request, sso.REFUSALS[reason])
        return HttpResponseRedirect(reverse("login"))

    def login_success(self):
        response = super().login_success()
        # The session is renewed at the provider when the ID token runs out, or sooner (SessionRefresh).
        expires = getattr(self.request, "sso_id_token_expires", None)
        if expires is not None:
            renew_at = self.request.session["oidc_id_token_expiration"]
            self.request.session["oidc_id_token_expiration"] = min(renew_at, expires)
        return response


class LogoutView(auth_views.LogoutView):
    """Plein's logout; after an SSO login it ends the provider's session too."""

    def post(self, request, *args, **kwargs):
        provider_url = sso.provider_logout_url(request) if sso.enabled() else None
        response = super().post(request, *args, **kwargs)
        if provider_url and response.status_code == 302:
            return HttpResponseRedirect(provider_url)
        return response


urlpatterns = [
    path("authenticate/", login_not_required(authenticate), name="oidc_authentication_init"),
    path("callback/", CallbackView.as_view(), name="oidc_authentication_callback"),
    # mozilla-django-oidc's session renewal expects this name; the same logout as /uitloggen/, behind the wall.
    path("logout/", LogoutView.as_view(), name="oidc_logout"),
]
