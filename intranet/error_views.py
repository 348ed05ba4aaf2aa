import sys

from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template import loader

# Seconds a client (or the proxy) is asked to wait while the database is away.
RETRY_AFTER = 30


@login_not_required
def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@login_not_required
def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def statement_timed_out(exc):
    """The query ran past PLEIN_STATEMENT_TIMEOUT_MS (SQLSTATE 57014): the database is there."""
    return getattr(getattr(exc, "__cause__", None), "sqlstate", None) == "57014"


def database_unavailable(exc):
    """True for an error that means "the database cannot be reached", not a bug in a query."""
    if statement_timed_out(exc):
        return False
    if isinstance(exc, (OperationalError, InterfaceError)):
        return True
    # psycopg raises some connection losses as a plain DatabaseError while a query runs.
    return isinstance(exc, DatabaseError) and "connection" in str(exc).lower()


@login_not_required
def server_error(request):
    """The friendly error page; a 503 with Retry-After when the database is away (docs/operations.md).

    Rendered without a request context: context processors read the database, which may be what
    failed. Django calls this inside its `except` block, so sys.exc_info() names the failure.
    """
    exc = sys.exc_info()[1]
    if exc is not None and statement_timed_out(exc):
        # One heavy request was stopped; Plein itself is up, so say that, not "unreachable".
        response = HttpResponse(loader.get_template("503_slow.html").render(), status=503)
        response["Retry-After"] = "10"
        return response
    if exc is not None and database_unavailable(exc):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        return response
    return HttpResponse(loader.get_template("500.html").render(), status=500)


class FriendlyNotFoundMiddleware:
    """Development only (settings.dev): a mistyped URL under `make run` shows Plein's Dutch 404 page,
    as in production, instead of Django's English debug page. PLEIN_DEBUG_404=1 brings that back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            return page_not_found(request, exception)
        return None
