"""Single sign-on with the organisation's identity provider (OpenID Connect, docs/sso.md).

mozilla-django-oidc does the protocol; Plein adds discovery, strict ID-token checks, matching to the Person
the HR import made, and groups from the provider's roles. Everything reads the settings at call time.
"""

import hashlib
import logging
import time
from urllib.parse import urlencode, urlsplit

import jwt
import requests
from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.middleware import SessionRefresh as BaseSessionRefresh
from mozilla_django_oidc.utils import import_from_settings

from people.models import ExternalIdentity, Person, RoleGroupMapping

logger = logging.getLogger(__name__)

# Settings that come from the provider's metadata unless set explicitly.
DISCOVERED = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
    "OIDC_OP_LOGOUT_ENDPOINT": "end_session_endpoint",
}
METADATA_SECONDS = 3600
CLOCK_SKEW_SECONDS = 60

# Why a login was refused, as the login page says it (never which account exists).
REFUSALS = {
    "state": _("The login took too long or was started elsewhere. Please try again."),
    "token": _("Your organisation's login could not be verified. Please try again."),
    "expired": _("Your organisation's login has expired. Please try again."),
    "unknown": _("There is no intranet account for your organisation account. Contact the service desk."),
    "inactive": _("Your intranet account is not active. Contact the service desk."),
    "denied": _("The login at your organisation was cancelled or refused."),
    "unavailable": _("Your organisation's login is not available right now. Please try again later."),
    "throttled": _("Too many login attempts from your address. Wait a few minutes and try again."),
}


class Refused(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def enabled():
    return bool(getattr(settings, "OIDC_ENABLED", False))


def provider_metadata():
    """The provider's `.well-known/openid-configuration`, cached for an hour; its issuer must be ours."""
    url = settings.OIDC_DISCOVERY_URL
    key = "sso:metadata:" + hashlib.sha256(url.encode()).hexdigest()
    metadata = cache.get(key)
    if metadata is None:
        response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        metadata = response.json()
        if not isinstance(metadata, dict):
            raise ImproperlyConfigured("OIDC discovery document is not an object")
        if settings.OIDC_ISSUER and str(metadata.get("issuer", "")).rstrip("/") != settings.OIDC_ISSUER.rstrip("/"):
            raise ImproperlyConfigured("OIDC discovery names another issuer than OIDC_ISSUER")
        cache.set(key, metadata, METADATA_SECONDS)
    return metadata


def issuer():
    return (settings.OIDC_ISSUER or str(provider_metadata().get("issuer", ""))).rstrip("/")


def oidc_setting(name, *default):
    """mozilla-django-oidc's settings lookup, with the provider's endpoints filled in from discovery."""
    if name in DISCOVERED and not getattr(settings, name, None):
        value = provider_metadata().get(DISCOVERED[name])
        if value:
            return value
        if default:
            return default[0]
        raise ImproperlyConfigured(f"{name} is neither set nor in the provider's metadata")
    return import_from_settings(name, *default)


def provider_logout_url(request):
    """The provider's end-session URL that brings the user back to the login page (OIDC_OP_LOGOUT_URL_METHOD)."""
    id_token = request.session.get("oidc_id_token")
    endpoint = oidc_setting("OIDC_OP_LOGOUT_ENDPOINT", "") if id_token else ""
    if not endpoint:
        return None
    params = {
        "id_token_hint": id_token,
        "client_id": settings.OIDC_RP_CLIENT_ID,
        "post_logout_redirect_uri": request.build_absolute_uri(reverse("login")),
    }
    return f"{endpoint}?{urlencode(params)}"


def provider_origin():
    parts = urlsplit(settings.OIDC_ISSUER or settings.OIDC_DISCOVERY_URL)
    return f"{parts.scheme}://{parts.netloc}"


def _claim_values(claims, name):
    value = claims.get(name)
    if isinstance(value, str):
        return {value}
    if isinstance(value, list | tuple):
        return {item for item in value if isinstance(item, str)}
    return set()


def apply_role_groups(user, claims):
    """Groups named in a mapping follow the roles claim; other groups and the staff/superuser flags stay."""
    roles = _claim_values(claims, settings.OIDC_ROLES_CLAIM)
    mappings = list(RoleGroupMapping.objects.values_list("role", "group_id"))
    managed = {group_id for _role, group_id in mappings}
    wanted = {group_id for role, group_id in mappings if role in roles}
    user.groups.remove(*(managed - wanted))
    user.groups.add(*wanted)


class PleinOIDCBackend(OIDCAuthenticationBackend):
    """Matches the provider's user to the one account Plein has for them; never makes a second one."""

    get_settings = staticmethod(oidc_setting)

    def __init__(self, *args, **kwargs):
        # Django makes a backend for every login and every request's user: nothing here may ask the
        # provider, or a provider that is down would lock out the local administrators too.
        self.UserModel = get_user_model()

    OIDC_OP_TOKEN_ENDPOINT = property(lambda self: oidc_setting("OIDC_OP_TOKEN_ENDPOINT"))
    OIDC_OP_USER_ENDPOINT = property(lambda self: oidc_setting("OIDC_OP_USER_ENDPOINT", ""))
    OIDC_OP_JWKS_ENDPOINT = property(lambda self: oidc_setting("OIDC_OP_JWKS_ENDPOINT"))
    OIDC_RP_CLIENT_ID = property(lambda self: settings.OIDC_RP_CLIENT_ID)
    OIDC_RP_CLIENT_SECRET = property(lambda self: settings.OIDC_RP_CLIENT_SECRET)
    OIDC_RP_SIGN_ALGO = property(lambda self: settings.OIDC_RP_SIGN_ALGO)
    OIDC_RP_IDP_SIGN_KEY = None  # always the provider's JWKS

    def get_user(self, user_id):
        """Each request's user: a deactivated account or Person is logged out at once (mozilla's does not check)."""
        user = self.UserModel._default_manager.select_related("person").filter(pk=user_id).first()
        if user is None or not user.is_active:
            return None
        person = getattr(user, "person", None)
        return None if person is not None and not person.is_active else user

    def authenticate(self, request, **kwargs):
        if not enabled() or request is None or "code" not in request.GET:
            return None
        try:
            return super().authenticate(request, **kwargs)
        except Refused as refusal:
            request.sso_refusal = refusal.reason
        except jwt.ExpiredSignatureError:
            request.sso_refusal = "expired"
        except (SuspiciousOperation, jwt.InvalidTokenError) as exc:
            logger.warning("SSO token refused: %s", exc)
            request.sso_refusal = "token"
        except (requests.RequestException, ValueError, ImproperlyConfigured) as exc:
            logger.warning("SSO provider failed: %s", exc)
            request.sso_refusal = "unavailable"
        return None

    def retrieve_matching_jwk(self, token):
        """The provider's signing key by key id; a token without one only when the provider has a single key."""
        response = requests.get(self.OIDC_OP_JWKS_ENDPOINT, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        header = jwt.get_unverified_header(token)
        keys = [
            key
            for key in response.json().get("keys", [])
            if isinstance(key, dict)
            and key.get("use", "sig") == "sig"
            and key.get("alg", header.get("alg")) == header.get("alg")
        ]
        if "kid" in header:
            keys = [key for key in keys if key.get("kid") == header["kid"]]
        if len(keys) != 1:
            raise SuspiciousOperation("No single signing key in the provider's JWKS matches the token")
        return jwt.PyJWK(keys[0])

    def verify_token(self, token, **kwargs):
        """Signature and nonce (mozilla-django-oidc), then issuer, audience and expiry, which it skips."""
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = [audience] if isinstance(audience, str) else list(audience or [])
        client_id = settings.OIDC_RP_CLIENT_ID
        if client_id not in audiences or (len(audiences) > 1 and payload.get("azp") != client_id):
            raise Refused("token")
        if str(payload.get("iss", "")).rstrip("/") != issuer():
            raise Refused("token")
        expires = payload.get("exp")
        if not isinstance(expires, int | float) or expires < time.time() - CLOCK_SKEW_SECONDS:
            raise Refused("expired")
        if "nonce" in kwargs:  # the ID token, not a signed userinfo answer
            self.request.sso_id_token_expires = expires
        return payload

    def get_userinfo(self, access_token, id_token, payload):
        """The ID token's claims (Entra ID puts the roles only there), completed from the userinfo endpoint."""
        claims = {}
        if oidc_setting("OIDC_OP_USER_ENDPOINT", ""):
            claims.update(super().get_userinfo(access_token, id_token, payload))
        if claims.get("sub", payload.get("sub")) != payload.get("sub"):
            raise Refused("token")
        claims.update(payload)
        return claims

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        subject = str(claims.get(settings.OIDC_SUBJECT_CLAIM) or claims.get("sub") or "")
        if not subject:
            raise Refused("token")
        user = self._match(claims, subject)
        person = getattr(user, "person", None)
        if not user.is_active or (person is not None and not person.is_active):
            raise Refused("inactive")
        apply_role_groups(user, claims)
        return user

    def _match(self, claims, subject):
        the_issuer = issuer()
        identity = ExternalIdentity.objects.select_related("user").filter(issuer=the_issuer, subject=subject).first()
        if identity is not None:
            return identity.user
        user = self._find_by_claims(claims)
        if user is None:
            if not settings.OIDC_CREATE_USERS:
                raise Refused("unknown")
            user = self._create(claims, subject)
        # One subject per account and issuer: a colleague's e-mail address cannot take over an account.
        if ExternalIdentity.objects.filter(issuer=the_issuer, user=user).exists():
            logger.warning("SSO subject for user %s does not match the stored one", user.pk)
            raise Refused("unknown")
        try:
            with transaction.atomic():
                ExternalIdentity.objects.create(user=user, issuer=the_issuer, subject=subject)
        except IntegrityError:
            raise Refused("unknown") from None
        return user

    def _find_by_claims(self, claims):
        """The Person the HR import made: by employee number, else by a (verified) e-mail address."""
        number = claims.get(settings.OIDC_EMPLOYEE_NUMBER_CLAIM)
        if isinstance(number, str | int) and str(number).strip():
            person = Person.objects.select_related("user").filter(employee_number=str(number).strip()).first()
            if person is not None:
                return person.user
        email = claims.get("email")
        if isinstance(email, str) and "@" in email and claims.get("email_verified") is not False:
            people = list(Person.objects.select_related("user").filter(email__iexact=email.strip())[:2])
            if len(people) == 1:
                return people[0].user
            if not people:
                users = list(get_user_model().objects.filter(email__iexact=email.strip(), person=None)[:2])
                if len(users) == 1:
                    return users[0]
        return None

    def _create(self, claims, subject):
        """OIDC_CREATE_USERS: an ordinary employee (no groups beyond the role mapping, never staff)."""
        User = get_user_model()
        digest = hashlib.sha256(f"{issuer()} {subject}".encode()).hexdigest()[:12]
        first = str(claims.get("given_name") or "")[:80] or "?"
        last = str(claims.get("family_name") or claims.get("name") or "")[:120] or "?"
        email = claims.get("email") if isinstance(claims.get("email"), str) else ""
        number = claims.get(settings.OIDC_EMPLOYEE_NUMBER_CLAIM)
        try:
            with transaction.atomic():
                user = User.objects.create(
                    username=f"sso-{digest}",
                    first_name=first[:150],
                    last_name=last[:150],
                    email=email[:254],
                    password=make_password(None),
                )
                Person.objects.create(
                    user=user,
                    employee_number=str(number)[:30] if number else f"sso-{digest}",
                    slug=f"{slugify(f'{first} {last}')[:140]}-{digest}",
                    first_name=first,
                    last_name=last,
                    email=email[:254],
                )
        except IntegrityError:  # a left-over account or employee number: someone must look at it
            logger.warning("SSO could not create an account for subject digest %s", digest)
            raise Refused("unknown") from None
        return user


class SessionRefresh(BaseSessionRefresh):
    """Renews an SSO session at the provider, silently, once the ID token's time is up (only SSO sessions)."""

    @staticmethod
    def get_settings(name, *default):
        if name == "OIDC_OP_AUTHORIZATION_ENDPOINT":
            return None  # the property below looks it up per request
        return import_from_settings(name, *default)

    # Not at start-up: a provider that is down must not keep Plein (and its local admin login) from starting.
    @property
    def OIDC_OP_AUTHORIZATION_ENDPOINT(self):  # noqa: N802
        return oidc_setting("OIDC_OP_AUTHORIZATION_ENDPOINT")

    @OIDC_OP_AUTHORIZATION_ENDPOINT.setter
    def OIDC_OP_AUTHORIZATION_ENDPOINT(self, value):  # noqa: N802
        pass

    def process_request(self, request):
        if not enabled():
            return None
        try:
            return super().process_request(request)
        except (requests.RequestException, ValueError, ImproperlyConfigured) as exc:
            # The provider cannot renew the session: it ends, like the ID token did (local logins go on).
            logger.warning("SSO session renewal impossible: %s", exc)

            auth.logout(request)
            messages.error(request, REFUSALS["unavailable"])
            return HttpResponseRedirect(reverse("login"))
