"""Who calls: a token (Authorization: Bearer …) or, for the read endpoints only, an employee's session.

A token opens the API and nothing else: no other view looks at the Authorization header, and the
login wall lets only these views through (api.urls). A session opens only GET endpoints that show
what the front end shows every employee (news, pages, people); writes, requests and the archive need a
token, so no session (and no cross-site form) can change anything here.
"""

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
        usable = found.is_usable()
        if not usable:
            # Revoked or expired: the same 401 as an unknown token, logged under its name (api.calls) but
            # never as the caller, so a session cookie beside it (SessionRead) is not logged as this token.
            request.refused_token = found
        else:
            request.api_token = found  # for the call log, also when throttled below
        # Before the refusal too: a revoked token's calls cannot flood the call log either.
        throttle.hit(found, "api")  # ValidationError(code="throttled") → 429 (api.errors)
        if not usable:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        if self.check is not None:
            self.check(found)  # raises ApiError(403) → the JSON 403 (api.errors)
        return found


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
