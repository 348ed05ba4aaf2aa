"""One rate limit for everything a person posts, sends or makes others get notified or mailed about.

Services call `hit(user, action)` right before they save; above the limit it raises a ValidationError
with a Dutch message, which the views show beside the form while keeping what was typed.

Limits come from settings.THROTTLE_LIMITS: {action: {"minute": n, "hour": n, "day": n}}. Each window
starts at a person's first action and counts in the default cache: `cache.add` creates the counter
with its expiry, `cache.incr` bumps it atomically (Redis INCRBY keeps the expiry; the local-memory
cache holds a lock), so a burst of parallel requests cannot slip past the limit. With Redis the
count is shared by all workers; the local-memory cache counts per process (development only).
A refusal carries `retry_after`: the seconds until its full windows start again (the API's Retry-After).
"""

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_local = LocMemCache("plein-throttle-fallback", {"OPTIONS": {"MAX_ENTRIES": 10_000}})

WINDOWS = {"minute": 60, "hour": 3600, "day": 86400}
# Used for an action the settings do not name: generous for a person, a wall for a script.
DEFAULT_LIMITS = {"minute": 10, "hour": 60}


def limits_for(action, overrides=None):
    configured = getattr(settings, "THROTTLE_LIMITS", {}).get(action, DEFAULT_LIMITS)
    return {**configured, **(overrides or {})}


def _key(who, action, window):
    # A string stands for who is not logged in yet: a client address (intranet.client_ip).
    name = f"address:{who}" if isinstance(who, str) else f"{who._meta.label_lower}:{who.pk}"
    return f"plein:throttle:{action}:{name}:{window}"


def _count(key, seconds, store=None):
    store = store or cache
    if store.add(key, 0, timeout=seconds):
        # The window's end, for Retry-After: written once per window, read only on a refusal.
        store.set(f"{key}:end", time.time() + seconds, timeout=seconds)
    try:
        count = store.incr(key)
    except ValueError:  # expired between add and incr: this is the first of a new window
        if store.add(key, 1, timeout=seconds):
            store.set(f"{key}:end", time.time() + seconds, timeout=seconds)
            return 1
        count = store.incr(key)  # another request opened the new window first
    if count is None and store is cache:
        # Redis is away and its errors are ignored (intranet.redis_breaker): count in this process
        # until it is back, so a limit still holds per worker instead of not at all.
        return _count(key, seconds, _local)
    return count


def _seconds_left(key, seconds):
    end = cache.get(f"{key}:end") or _local.get(f"{key}:end")
    return max(1, math.ceil(end - time.time())) if end else seconds


def hit(who, action, *, message=None, overrides=None):
    """Count one `action` by `who` (a user, or a model instance acting for one); refuse above a limit.

    Every window is counted, also on a refusal, so hammering on does not buy a fresh allowance.
    """
    waits = []
    for window, limit in limits_for(action, overrides).items():
        if limit is None:
            continue
        key = _key(who, action, window)
        if _count(key, WINDOWS[window]) > int(limit):
            waits.append(_seconds_left(key, WINDOWS[window]))
    if waits:
        error = ValidationError(
            message or _("You are posting very quickly. Wait a while and try again; what you typed has been kept."),
            code="throttled",
        )
        error.retry_after = max(waits)  # seconds until every window that is full has started again
        raise error


def forget(who, action):
    """Start `action`'s count for `who` afresh (a successful login ends the count of its guesses)."""
    keys = [_key(who, action, window) for window in WINDOWS]
    cache.delete_many(keys + [f"{key}:end" for key in keys])
    _local.delete_many(keys)
