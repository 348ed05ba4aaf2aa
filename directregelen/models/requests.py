"""Requests with status, the replies on them, their private attachments, and usage counts."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directregelen.uploads import attachment_path, private_storage


class Request(models.Model):
    """One submission of a request form: numbered, queued at its department, followed by its requester.

    The page links are SET_NULL and the title and field labels are copied in, so that a request
    outlives changes to (or removal of) the form that made it.
    """

    class Status(models.TextChoices):
        RECEIVED = "ontvangen", _("Received")
        IN_PROGRESS = "in_behandeling", _("In progress")
        DONE = "afgerond", _("Done")

    reference = models.CharField(_("reference"), max_length=32, unique=True)
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requester"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="service_requests",
    )
    department = models.ForeignKey(
        "directregelen.DepartmentPage",
        verbose_name=_("department"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="requests",
    )
    form_page = models.ForeignKey(
        "directregelen.RequestFormPage",
        verbose_name=_("form"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requests",
    )
    title = models.CharField(_("subject"), max_length=255)
    # [{"name": ..., "label": ..., "value": ...}] in the form's order.
    data = models.JSONField(_("answers"), default=list, encoder=DjangoJSONEncoder)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    first_response_at = models.DateTimeField(_("first response at"), null=True, blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    mailed_at = models.DateTimeField(_("mailed to the department at"), null=True, blank=True, editable=False)
    # The number the department's own system (TOPdesk, the HR system) gave it, set through the API.
    external_ticket = models.CharField(_("external ticket number"), max_length=64, blank=True)
    # Bumped by every change through services (status, reply, ticket): the API's ETag / If-Match.
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        indexes = [
            models.Index(fields=["requester", "-submitted_at"]),
            models.Index(fields=["department", "status", "-submitted_at"]),
        ]

    def __str__(self):
        return f"{self.reference} {self.title}"


class RequestReply(models.Model):
    """A message from the department to the requester, optionally with the status it moved to."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField(_("reply"), max_length=5000, blank=True)
    new_status = models.CharField(_("new status"), max_length=20, choices=Request.Status.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")

    def __str__(self):
        return f"{self.request_id}: {self.body[:40]}"


class RequestAttachment(models.Model):
    """A photo or PDF sent with a request; private to the requester and the department's staff."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="attachments")
    field_name = models.CharField(max_length=255)
    file = models.FileField(storage=private_storage, upload_to=attachment_path, max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.original_name


class ReferenceCounter(models.Model):
    """The last number handed out per prefix and year; incremented under a row lock (see services)."""

    prefix = models.CharField(max_length=6)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="directregelen_counter_unique")]

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last_number}"
