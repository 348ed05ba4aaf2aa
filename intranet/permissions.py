"""Permissions that only decide what a page shows (a link, a button), cached briefly per login.

A permission check costs two queries (the user's and their groups' permissions) on every request,
since each request loads its user afresh. For showing a link that is not worth it: a group change may
show up a few minutes late in a menu, while the view or service behind the link checks the real
permission every time.
"""

from django.core.cache import cache

SHOWN_TTL = 300


def shown(user, name, check):
    """Whether to show what `check()` allows (e.g. a Wagtail page permission), kept per login under
    `name`; never a substitute for the check where it is used."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    # last_login in the key: a fresh login (or a reused primary key) never sees an old verdict.
    stamp = int(user.last_login.timestamp()) if user.last_login else 0
    key = f"plein:shown-perm:{name}:{user.pk}:{stamp}"
    verdict = cache.get(key)
    if verdict is None:
        verdict = bool(check())
        cache.set(key, verdict, SHOWN_TTL)
    return verdict


def shown_perm(user, perm):
    """Whether to show what needs `perm` (never a substitute for the check where it is used)."""
    return shown(user, perm, lambda: user.has_perm(perm))
