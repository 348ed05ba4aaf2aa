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
    def authenticate(self, request, token):
        found = tokens.find(token)
        if found is None:
            return None
        request.api_token = found  # for the call log, also when refused below
        if not found.is_usable():
            return None  # revoked or expired: the same 401 as an unknown token, but logged under its name
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        throttle.hit(found, "api")  # ValidationError(code="throttled") → 429 (api.errors)
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
