"""The one place that decides which address a request came from.

Behind a reverse proxy REMOTE_ADDR is the proxy, so every login attempt would share one address.
Each trusted proxy appends the address it received the request from to X-Forwarded-For; with
TRUSTED_PROXY_COUNT proxies in front of Plein the client is the entry that many places from the
right. Entries further left were written by the client itself and are never trusted.
"""

import ipaddress

from django.conf import settings


def _valid(address):
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request):
    """The client's address as the outermost trusted proxy saw it; REMOTE_ADDR without proxies.

    Used by django-axes (AXES_CLIENT_IP_CALLABLE) and by everything else in Plein that records an address.
    """
    remote = request.META.get("REMOTE_ADDR") or None
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < count:
        # The request did not pass through every proxy we were told about: only REMOTE_ADDR is real.
        return remote
    return _valid(forwarded[-count]) or remote
