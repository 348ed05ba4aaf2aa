"""What every calendar file of Plein shares (rooms' bookings, events): the domain in each UID, so that
Outlook recognises an update of the same item whatever app made it."""

from django.conf import settings


def uid_domain() -> str:
    """The host name of WAGTAILADMIN_BASE_URL (no scheme, port or path), or "plein"."""
    return settings.WAGTAILADMIN_BASE_URL.split("://")[-1].split("/")[0].split(":")[0] or "plein"
