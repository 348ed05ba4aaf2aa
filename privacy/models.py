"""Data exports ("Mijn gegevens") and the log of erasures ("recht op vergetelheid")."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

EXPORT_FOLDER = "privacy-exports"


class DataExport(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")
        EXPIRED = "expired", _("Expired")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    # A random name under EXPORT_FOLDER; served by the protected media view to its owner only.
    file = models.FileField(max_length=255, blank=True, db_index=True)
    size = models.PositiveBigIntegerField(default=0)
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")

    def __str__(self):
        return f"{self.user_id} {self.requested_at:%Y-%m-%d} {self.status}"


class ErasureLog(models.Model):
    """That a person's data was erased: who did it, when, which kinds and how many rows; never the data.

    The person is named by their former account number only, which no longer leads anywhere.
    """

    class Reason(models.TextChoices):
        LEAVER = "leaver", _("Left the organisation")
        REQUEST = "request", _("Right to erasure")

    subject = models.CharField(_("subject"), max_length=40)
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    via = models.CharField(_("via"), max_length=40)  # "wagtail admin", "command", "leavers job"
    counts = models.JSONField(_("kinds and counts"), default=dict)
    kept_content = models.BooleanField(_("posts and comments kept"), default=True)
    done_at = models.DateTimeField(_("done at"), auto_now_add=True)

    class Meta:
        ordering = ["-done_at"]
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")
        permissions = [("erase_person", "Can erase a person's personal data")]

    def __str__(self):
        return f"{self.subject} {self.done_at:%Y-%m-%d}"
