from django.conf import settings
from django.utils.functional import SimpleLazyObject

from intranet.permissions import shown_perm


def _can_manage(user):
    """Whether to show the admin link (the admin itself checks the permission on every request)."""
    if user.is_authenticated and user.is_staff:
        return True
    return shown_perm(user, "wagtailadmin.access_admin")


def plein(request):
    """What the base layout needs on every page, without a query where it can be helped."""
    user = getattr(request, "user", None)
    return {
        "PLEIN_SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "can_manage": SimpleLazyObject(lambda: user is not None and _can_manage(user)),
    }
