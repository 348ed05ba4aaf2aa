"""The parts of django-comments-xtd's URLs Plein mounts (at /reacties/).

Left out: its REST API (its list endpoints answer anonymous requests) and every view that changes
data (post, reply, flag, like, delete, approve), because social.views does those through
social.services with Plein's rules (throttle, mentions, notifications, permissions). What stays are
the read-only pages, such as the comment permalink redirect used by Comment.get_absolute_url.
"""

from django.urls import URLPattern, URLResolver
from django_comments_xtd import urls as xtd_urls

WRITE_VIEWS = {
    "comments-post-comment",
    "comments-xtd-reply",
    "comments-flag",
    "comments-xtd-like",
    "comments-xtd-dislike",
    "comments-delete",
    "comments-approve",
    "comments-xtd-confirm",
    "comments-xtd-mute",
}


def _flatten(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if route.lstrip("^").startswith("api/"):
                continue
            yield from _flatten(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern


def _kept():
    for route, pattern in _flatten(xtd_urls.urlpatterns):
        if route.lstrip("^").startswith("api/") or pattern.name in WRITE_VIEWS:
            continue
        if "format" in route:  # DRF's ".json" suffix twins: nothing here speaks JSON
            continue
        yield pattern


urlpatterns = list(_kept())
