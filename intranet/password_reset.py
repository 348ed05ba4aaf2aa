"""Password reset that tells nobody whether an address exists, and cannot be used to flood a mailbox.

The request does the same work for every valid address: count it, hand the address to the
background (a job, intranet.tasks) and redirect. Looking up the account, making the token and sending the
mail happen after the response. Over the rate limit the page answers exactly as usual but nothing
is sent. Links point at WAGTAILADMIN_BASE_URL, never at a host taken from the sites framework or
from the request's Host header.
"""

import hashlib
import logging
import unicodedata
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils.translation import get_language
from wagtail.models import Site

from intranet import tasks, throttle
from intranet.client_ip import client_ip
from intranet.jobs import enqueue
from intranet.models import IntranetSettings

logger = logging.getLogger(__name__)


def _within_limit(kind, value, limit):
    """Count one request for `value` in the frame's throttle; False once this hour's count is over."""
    digest = hashlib.sha256(str(value).encode()).hexdigest()[:32]  # no address in the cache's keys
    try:
        throttle.hit(digest, f"password_reset_{kind}", overrides={"minute": None, "hour": limit})
    except ValidationError:
        return False
    return True


def _site_name():
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return settings.WAGTAIL_SITE_NAME
    return IntranetSettings.for_site(site).name or settings.WAGTAIL_SITE_NAME


def send_password_reset(email):
    """Mail a reset link to every active account with this address (none: nothing happens)."""
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    form = PasswordResetForm({"email": email})
    if not form.is_valid():
        return
    form.save(
        domain_override=base.netloc,
        use_https=base.scheme == "https",
        subject_template_name="registration/password_reset_subject.txt",
        email_template_name="registration/password_reset_email.html",
        extra_email_context={"site_name": _site_name()},
    )


class PasswordResetView(auth_views.PasswordResetView):
    def form_valid(self, form):
        email = form.cleaned_data["email"]
        # Both counters always count, so that the answer's timing does not depend on which is over.
        # Folded as Django matches accounts (NFKC, casefold): no spelling of one address gets more mails.
        address = unicodedata.normalize("NFKC", email.strip()).casefold()
        per_address = _within_limit("address", address, settings.PASSWORD_RESET_LIMIT_PER_ADDRESS)
        per_ip = _within_limit("ip", client_ip(self.request), settings.PASSWORD_RESET_LIMIT_PER_IP)
        if per_address and per_ip:
            enqueue(tasks.send_password_reset, email, get_language())
        else:
            logger.warning("Password reset over the hourly limit (%s); nothing sent", "address" if per_ip else "ip")
        return HttpResponseRedirect(self.get_success_url())
