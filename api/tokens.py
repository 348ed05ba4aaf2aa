"""Token secrets: made once, stored as a SHA-256 hash, found by their readable prefix.

A secret looks like `plein_<prefix>_<random>` (prefix: 8 hex characters, random: 43 URL-safe
characters from `secrets`, 256 bits). Only `prefix` and `sha256(secret)` are stored, so a stolen
database gives no usable token; the hash is compared in constant time.
"""

import hashlib
import hmac
import secrets

from django.utils import timezone

from api.models import ApiToken

PREFIX = "plein"


def digest(secret):
    return hashlib.sha256(secret.encode()).hexdigest()


def issue(token):
    """Give `token` (unsaved or saved) a fresh secret; returns the secret, which is shown once."""
    token.prefix = secrets.token_hex(4)
    secret = f"{PREFIX}_{token.prefix}_{secrets.token_urlsafe(32)}"
    token.secret_hash = digest(secret)
    return secret


def create(name, scopes, departments=(), expires_at=None):
    """A new saved token and its secret (for the admin, seeds and tests)."""
    token = ApiToken(name=name, scopes=" ".join(scopes) if not isinstance(scopes, str) else scopes)
    token.expires_at = expires_at
    secret = issue(token)
    token.full_clean(exclude=["prefix", "secret_hash"])
    token.save()
    token.departments.set(departments)
    return token, secret


def find(secret):
    """The token whose secret this is, usable or not (None when unknown or wrong)."""
    parts = (secret or "").split("_", 2)
    if len(parts) != 3 or parts[0] != PREFIX or len(parts[1]) != 8:
        return None
    token = ApiToken.objects.filter(prefix=parts[1]).first()
    if token is None or not hmac.compare_digest(token.secret_hash, digest(secret)):
        return None
    return token


def lookup(secret, now=None):
    """The usable token for `secret`, or None (unknown, wrong, revoked or expired: one answer for all)."""
    token = find(secret)
    return token if token is not None and token.is_usable(now or timezone.now()) else None
