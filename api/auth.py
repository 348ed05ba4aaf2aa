"""Who calls: a token (Authorization: Bearer …) or, for the read endpoints only, an employee's session.

A token opens the API and nothing else: no other view looks at the Authorization header, and the
login wall lets only these views through (api.urls). A session opens only GET endpoints that show
what the front end shows every employee (news, pages, people); writes, requests and the archive need a
token, so no session (and no cross-site form) can change anything here.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja.security import HttpBearer, SessionAuth

from api import tokens
from api.errors import ApiError
from api.models import ApiToken
from intranet import throttle

# What an employee's session may read: the same as the front end shows every employee.
SESSION_SCOPES = frozenset({"news:read", "people:read"})


class TokenAuth(HttpBearer):
    def __init__(self, check=None):
        super().__init__()
        # Run on the usable token before django-ninja reads the body: the writes' scope check, so a
        # token that may not write learns nothing from a 400 about the body or If-Match.
        self.check = check

    def authenticate(self, request, token):
        found = tokens.find(token)
        if found is None:
            return None
        if not found.is_usable():
            # Revoked or expired: the same 401 as an unknown token, logged under its name (api.calls) but
            # never as the caller, so a session cookie beside it (SessionRead) is not logged as this token.
            request.refused_token = found
            self._count_refusal(request, found)
            return None
        request.api_token = found  # for the call log, also when throttled below
        throttle.hit(found, "api")  # ValidationError(code="throttled") → 429 (api.errors)
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        if self.check is not None:
            self.check(found)  # raises ApiError(403) → the JSON 403 (api.errors)
        return found

    @staticmethod
    def _count_refusal(request, token):
        """A revoked token's calls are limited too (they cannot flood the call log), in a count of their
        own: a stale token sent beside a valid session must not use up the session's reads."""
        try:
            throttle.hit(token, "api_refused", overrides=throttle.limits_for("api"))
        except ValidationError:
            request.refused_throttled = True  # not logged any more (api.calls)
            user = getattr(request, "user", None)
            if user is None or not user.is_authenticated:
                raise  # → 429; with a session, SessionRead has its turn


class SessionRead(SessionAuth):
    """An employee's session, for safe methods only (and never a deactivated account)."""

    def authenticate(self, request, key):
        user = request.user
        if request.method in ("GET", "HEAD") and user.is_authenticated and user.is_active:
            throttle.hit(user, "api")  # a script riding an employee's session is limited like a token
            return user
        return None


token_only = [TokenAuth()]
token_or_session = [TokenAuth(), SessionRead()]


def require(request, scope):
    """403 unless the caller holds `scope` (a session holds SESSION_SCOPES)."""
    auth = request.auth
    granted = auth.scope_set if isinstance(auth, ApiToken) else SESSION_SCOPES
    if scope not in granted:
        raise ApiError(403, _("This token may not do this: it lacks the scope %(scope)s."), params={"scope": scope})
