from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

ADMIN_ACCESS_TTL = 300


def _can_manage(user):
    """Whether to show the admin link, cached briefly: it costs two permission queries on every page,
    and a group change showing up five minutes late in a menu link harms no one (the admin itself
    checks the permission on every request)."""
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    # last_login in the key: a fresh login (or a reused primary key) never sees an old verdict.
    stamp = int(user.last_login.timestamp()) if user.last_login else 0
    key = f"plein:can-manage:{user.pk}:{stamp}"
    verdict = cache.get(key)
    if verdict is None:
        verdict = user.has_perm("wagtailadmin.access_admin")
        cache.set(key, verdict, ADMIN_ACCESS_TTL)
    return verdict


def plein(request):
    """What the base layout needs on every page, without a query where it can be helped."""
    user = getattr(request, "user", None)
    return {
        "PLEIN_SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "can_manage": SimpleLazyObject(lambda: user is not None and _can_manage(user)),
    }
