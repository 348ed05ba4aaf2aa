"""The one django-comments-xtd URL Plein mounts (at /reacties/): the comment permalink.

Comment.get_absolute_url reverses "comments-url-redirect". django-contrib-comments' own view for it
(contenttypes' `shortcut`) redirects to any object without asking who may see it, which would reveal
the address (and so the name) of a private team. Plein's version checks the social layer's visibility
rule first. Everything else of xtd's URLs stays unmounted: its REST API (its list endpoints answer
anonymous requests), its write views (social.views does those through social.services), and its
"sent"/"done" pages (they render any comment by id without a visibility check).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import re_path

from social import targets


def comment_target_redirect(request, content_type_id, object_id):
    obj = targets.resolve(content_type_id, object_id)
    try:
        targets.check_can_view(request.user, obj)
    except PermissionDenied as exc:
        raise Http404 from exc
    return redirect(targets.url_of(obj))


urlpatterns = [
    re_path(r"^cr/(\d+)/(.+)/$", comment_target_redirect, name="comments-url-redirect"),
]
