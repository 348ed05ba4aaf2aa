"""Every admin URL that names a page by id asks the apps whether the user may know it exists.

Wagtail picks a page's admin views by the type of the page the URL is about, but many URLs name a
second page: a move's destination, a copy's new parent (posted), the parent of a page being added, an
editing session's object. An app whose pages are hidden from some users (teams) registers a guard
here, and one middleware asks every guard before any admin view runs. A guard answers True when the
request names something the user may not see; the answer is then 404, as for an id that does not
exist, so no admin message ("copy to 'Reorganisatie'?") can name it.
"""

from django.apps import apps
from django.http import Http404
from wagtail.models import Page

from intranet.ids import parse_id

ADMIN_PREFIX = "/admin/"
# The URL keyword arguments of Wagtail's page views that name a page.
PAGE_ID_KWARGS = ("page_id", "page_to_move_id", "pk", "parent_page_id", "destination_id")
# Posted fields that name a page: the copy form's new parent.
PAGE_ID_FIELDS = ("new_parent_page",)

_guards = []


def register_admin_guard(func):
    """func(user, page_ids) returns True when one of the page ids is hidden from `user`."""
    _guards.append(func)
    return func


def named_page_ids(request, kwargs):
    """The ids of the pages an admin request names in its URL or its posted form."""
    values = [kwargs.get(key) for key in PAGE_ID_KWARGS]
    app_label, model_name = kwargs.get("app_label"), kwargs.get("model_name")
    if app_label and model_name:  # editing sessions: /admin/editing-sessions/ping/<app>/<model>/<id>/
        try:
            model = apps.get_model(app_label, model_name)
        except (LookupError, ValueError):
            model = None
        if model is not None and issubclass(model, Page):
            values.append(kwargs.get("object_id"))
    if request.method == "POST":
        values.extend(request.POST.get(field) for field in PAGE_ID_FIELDS if field in request.POST)
    return [parse_id(str(value)) for value in values if value not in (None, "")]


class AdminGuardMiddleware:
    """After authentication; only for admin URLs, and only queries when a URL names a page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not _guards or not request.path_info.startswith(ADMIN_PREFIX):
            return None
        ids = named_page_ids(request, view_kwargs)
        if not ids:
            return None
        if request.method == "POST" and not _posted_pages_exist(request):
            raise Http404  # Wagtail's copy view looks the posted parent up unguarded: a 500, an oracle
        ids = [page_id for page_id in ids if page_id is not None]
        if ids and any(guard(request.user, ids) for guard in _guards):
            raise Http404
        return None


def _posted_pages_exist(request):
    posted = [request.POST.get(field) for field in PAGE_ID_FIELDS if field in request.POST]
    ids = {parse_id(value) for value in posted if value}
    return None not in ids and Page.objects.filter(pk__in=ids).count() == len(ids)
