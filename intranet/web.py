"""Small request helpers every app's views share: where to go back to, and whether JSON was asked for."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request: HttpRequest, fallback: str, *, value: str | None = None) -> str:
    """The `next` the form or link carried (POST first, then GET), when it is a path on this site;
    otherwise `fallback`. Never an open redirect: no scheme, no other host, no "//host" or "/\\host".

    `value` checks a target taken from elsewhere (e.g. a notification's stored address).
    """
    target = value if value is not None else (request.POST.get("next") or request.GET.get("next") or "")
    return target if is_local_path(target, request) else fallback


def is_local_path(url: object, request: HttpRequest | None = None) -> bool:
    """`url` is a path on this site ("/..."): no scheme, no other host, no "//host" or "/\\host". With a
    request, its host and scheme are the ones allowed (as `safe_next` checks); without, none."""
    if not isinstance(url, str) or not url.startswith("/") or url.startswith(("//", "/\\")):
        return False
    hosts = {request.get_host()} if request is not None else set()
    secure = request.is_secure() if request is not None else False
    return url_has_allowed_host_and_scheme(url, allowed_hosts=hosts, require_https=secure)


def wants_json(request: HttpRequest) -> bool:
    """The script behind a button asked for JSON (Accept: application/json) instead of a redirect."""
    return "application/json" in request.headers.get("Accept", "")
