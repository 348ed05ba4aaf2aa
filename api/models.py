"""Service accounts (tokens with scopes), the call log, and webhooks with their delivery log (docs/api.md)."""

import re
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# Scopes that need no department; writes name the department's reference prefix: requests:write:ICT.
SCOPES = ("requests:read", "news:read", "people:read", "archive:read")
WRITE_SCOPE = re.compile(r"^requests:write:[A-Z]{2,6}$")


def validate_scopes(value):
    unknown = [scope for scope in value.split() if scope not in SCOPES and not WRITE_SCOPE.match(scope)]
    if unknown:
        raise ValidationError(_("Unknown scope: %(scopes)s.") % {"scopes": ", ".join(unknown)})


class ApiToken(models.Model):
    """One integration (a service account): its secret is stored only as a SHA-256 hash.

    The secret is `plein_<prefix>_<random>`; the prefix is kept readable to find the row and to
    recognise a token in a log, the hash is compared in constant time (api.tokens)."""

    name = models.CharField(_("name"), max_length=100, help_text=_("Which system uses it, e.g. TOPdesk ICT."))
    departments = models.ManyToManyField(
        "directregelen.DepartmentPage",
        verbose_name=_("departments"),
        blank=True,
        related_name="+",
        help_text=_("The departments whose requests this token may read (and write, with a write scope)."),
    )
    scopes = models.CharField(
        _("scopes"),
        max_length=500,
        validators=[validate_scopes],
        help_text=_(
            "Separated by spaces: requests:read, requests:write:ICT (the department's prefix), "
            "news:read, people:read, archive:read."
        ),
    )
    prefix = models.CharField(max_length=12, unique=True, editable=False)
    secret_hash = models.CharField(max_length=64, editable=False)
    active = models.BooleanField(_("active"), default=True, help_text=_("Untick to revoke the token for good."))
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True, editable=False)

    # directregelen.services.can_handle asks an integration which departments it works.
    is_integration = True

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.prefix})"

    def save(self, *args, **kwargs):
        if not self.active and self.revoked_at is None:
            self.revoked_at = timezone.now()
        if self.revoked_at is not None:
            self.active = False  # a revoked token stays revoked: make a new one instead
        super().save(*args, **kwargs)

    @property
    def scope_set(self):
        return set(self.scopes.split())

    def is_usable(self, now=None):
        now = now or timezone.now()
        return self.active and self.revoked_at is None and (self.expires_at is None or self.expires_at > now)

    def department_ids(self):
        if not hasattr(self, "_department_ids"):
            self._department_ids = set(self.departments.values_list("pk", flat=True))
        return self._department_ids

    def handles(self, department):
        """May write to the department's requests: in the token's departments and with its write scope."""
        return (
            department.pk in self.department_ids() and f"requests:write:{department.reference_prefix}" in self.scope_set
        )


class ApiCall(models.Model):
    """One call to the API: who (a token or, for reads, an employee's session), what and when; no bodies."""

    token = models.ForeignKey(ApiToken, null=True, blank=True, on_delete=models.CASCADE, related_name="calls")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    method = models.CharField(_("method"), max_length=8)
    path = models.CharField(_("path"), max_length=300)
    status = models.PositiveSmallIntegerField(_("status"))
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("API call")
        verbose_name_plural = _("API calls")

    def __str__(self):
        return f"{self.method} {self.path} {self.status}"


class Webhook(models.Model):
    """A department's system that wants to hear about new requests and status changes (api.webhooks)."""

    name = models.CharField(_("name"), max_length=100)
    department = models.ForeignKey(
        "directregelen.DepartmentPage", verbose_name=_("department"), on_delete=models.CASCADE, related_name="+"
    )
    url = models.URLField(_("URL"), max_length=500, help_text=_("An https:// address of the receiving system."))
    secret = models.CharField(
        _("signing secret"),
        max_length=100,
        editable=False,
        help_text=_("The receiver checks the X-Plein-Signature header with it (docs/api.md)."),
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.secret:
            self.secret = secrets.token_urlsafe(32)
        super().save(*args, **kwargs)

    def clean(self):
        # Imported here: at the top it makes an import cycle (api.webhooks needs this module loaded first).
        from api.webhooks import check_url

        if self.url:
            check_url(self.url, resolve=False)


class WebhookDelivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(pgettext_lazy("webhook", "event"), max_length=40)
    payload = models.JSONField(_("payload"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    response_status = models.PositiveSmallIntegerField(_("response status"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")

    def __str__(self):
        return f"{self.event} → {self.webhook}"
