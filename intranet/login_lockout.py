"""Login lockout policy on top of django-axes (settings AXES_* in intranet/settings/base.py).

Two counters over the cool-off period, both kept by axes' own AccessAttempt records:
- failures per (username, client address): AXES_FAILURE_LIMIT locks that pair only, so a stranger
  guessing a colleague's password does not lock the colleague out at their own desk;
- failures per client address over all usernames: AXES_IP_FAILURE_LIMIT (higher) stops one address
  from trying one password on many accounts (password spraying).
A successful login resets only its own pair (AXES_LOCKOUT_PARAMETERS), never the address counter,
so a sprayer cannot clear it by logging in to an account of their own.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


class PleinAxesHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None):
        per_pair = super().get_failures(request, credentials)
        if self.failures_from_address(request) >= settings.AXES_IP_FAILURE_LIMIT:
            # Report the pair as at its limit: axes then refuses this attempt like any lockout.
            return max(per_pair, get_failure_limit(request, credentials))
        return per_pair

    def failures_from_address(self, request):
        address = getattr(request, "axes_ip_address", None)
        if not address:
            return 0
        attempts = AccessAttempt.objects.filter(ip_address=address)
        if settings.AXES_COOLOFF_TIME is not None:
            attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
        return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
