import datetime
import posixpath
from pathlib import Path

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.utils._os import safe_join
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from intranet.auth_forms import LoginForm
from intranet.health import health_report
from intranet.media_access import media_verdict
from intranet.media_headers import secure_file_response
from intranet.web import safe_next


@login_not_required
@never_cache
@require_GET
def health(request):
    """For load balancers and monitoring: 503 only when the database is down; a cache, the media
    folder or the mail backlog down is "degraded" with 200 (intranet.health, docs/operations.md)."""
    http_status, body = health_report()
    return JsonResponse(body, status=http_status)


@never_cache
def protected_media(request, path):
    """Uploaded files only for logged-in users (the login middleware has already checked that).

    Behind nginx, MEDIA_X_ACCEL_REDIRECT hands the sending back to nginx after the check.
    Finer rules (private teams) are applied by the views that own those files. On an S3-compatible
    store (intranet.s3_storage) the file is streamed from the private bucket after the same checks.
    """
    # Only the normal form of a path: "x/../teams/..." would reach a team's file while the checkers,
    # which look at the path's start, took it for some other app's.
    if posixpath.normpath(path) != path or path.startswith("/"):
        raise Http404

    if not hasattr(default_storage, "open_stream"):
        return _file_system_media(request, path)
    verdict = _verdict(request, path)  # before asking the store: outsiders cost no round trip
    found = default_storage.open_stream(path)
    if found is None:
        raise Http404
    body, length = found
    response = FileResponse(body)
    if length is not None:
        response["Content-Length"] = str(length)
    return _secured(response, path, verdict)


def _verdict(request, path):
    verdict = media_verdict(request.user, path)
    if not verdict:
        raise Http404
    return verdict


def _secured(response, path, verdict):
    # The type comes from the server-chosen extension's allow-list, the download name from the record.
    stored_name = posixpath.basename(path)
    response["Cache-Control"] = "private, max-age=3600"
    return secure_file_response(response, stored_name, getattr(verdict, "download_name", "") or stored_name)


def _file_system_media(request, path):
    try:
        full_path = Path(safe_join(settings.MEDIA_ROOT, path))
    except (ValueError, SuspiciousFileOperation):
        raise Http404 from None
    if not full_path.is_file():
        raise Http404
    verdict = _verdict(request, path)
    if settings.MEDIA_X_ACCEL_REDIRECT:
        response = HttpResponse()
        response["X-Accel-Redirect"] = settings.MEDIA_X_ACCEL_REDIRECT.rstrip("/") + "/" + path
    else:
        response = FileResponse(full_path.open("rb"))
    return _secured(response, path, verdict)


def login_elsewhere(request, default="/"):
    """One door in: Wagtail's own login pages would bypass the intranet's login (and its lockout).

    Anonymous visitors never get here: the login middleware sends them to /inloggen/ first, with this
    URL as `next`, so after logging in they land where the admin wanted them.
    """
    target = safe_next(request, default)
    if _admin_refused(request, target):
        return render(request, "no_admin_access.html", status=403)
    # Never shortcuts.redirect(): a `next` without a slash ("ab") would be looked up as a view name (a 500).
    return HttpResponseRedirect(target)


def _admin_refused(request, target):
    """Logged in without admin rights, on the way to the admin: Wagtail sends such a user to the login,
    which sends a logged-in user back to `next`, for ever (ERR_TOO_MANY_REDIRECTS)."""
    return (
        request.user.is_authenticated
        and target.startswith("/admin/")
        and not request.user.has_perm("wagtailadmin.access_admin")
    )


def admin_password_reset(request, *args, **kwargs):
    return redirect("password_reset")


class LoginView(auth_views.LoginView):
    """The intranet's one door: the organisation's login first when SSO is on (docs/sso.md)."""

    authentication_form = LoginForm
    redirect_authenticated_user = True

    @method_decorator(login_not_required)  # an own dispatch would lose Django's mark: the login wall looped
    def dispatch(self, request, *args, **kwargs):
        if _admin_refused(request, request.GET.get("next", "")):
            return render(request, "no_admin_access.html", status=403)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sso_enabled"] = settings.OIDC_ENABLED
        context["sso_hide_local_login"] = settings.OIDC_HIDE_LOCAL_LOGIN
        return context


def accessibility_statement(request):
    """The toegankelijkheidsverklaring Dutch public bodies publish (model of digitoegankelijk.nl),
    filled in from what the tests prove (docs/accessibility.md)."""
    try:
        date = datetime.date.fromisoformat(settings.ACCESSIBILITY_STATEMENT_DATE)
    except ValueError:
        date = None
    context = {"contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL, "statement_date": date}
    return render(request, "accessibility_statement.html", context)
