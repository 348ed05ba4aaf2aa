"""How long confirmations are kept (docs/privacy.md): as records, for MUSTREAD_RETENTION_DAYS.

What still counts (a confirmation of the version being asked now) is never deleted; older versions'
confirmations and those of deleted pages go once they are past the retention period."""

from datetime import timedelta

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from mustread.models import Confirmation


def enforce_retention(now=None):
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.MUSTREAD_RETENTION_DAYS)
    current = Q(must_read__active=True, version=F("must_read__version"))
    return Confirmation.objects.filter(confirmed_at__lt=cutoff).exclude(current).delete()[0]
