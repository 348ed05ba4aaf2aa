"""Pages employees must confirm they have read ("verplicht gelezen"), and the confirmations kept as records.

A MustRead is keyed on the Wagtail Page (one per page), so any page type that opts in
(settings.MUSTREAD_PAGE_TYPES) can be marked without a field on its model. A confirmation belongs to
a version of the must-read: when the editor marks a change as material, the version goes up (pinned
to the page's live revision at that moment) and everyone confirms again; the old confirmations stay.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EXPORT_PERMISSION = "mustread.export_confirmations"


class MustRead(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="must_read"
    )
    active = models.BooleanField(_("must be read"), default=True, db_index=True)
    units = models.ManyToManyField(
        "people.OrganisationUnit",
        verbose_name=_("for organisation units"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty for everyone. A unit includes all units below it."),
    )
    deadline = models.DateField(_("read before"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    # The page revision the current version asks people to confirm (the live one when it was set).
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    version_started_at = models.DateTimeField(default=timezone.now)
    # The version whose deadline reminder went out: one reminder per version, whatever the job's runs.
    reminded_version = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("must-read")
        verbose_name_plural = _("must-reads")
        permissions = [("export_confirmations", "Can export must-read confirmations")]

    def __str__(self):
        return str(self.page)


class Confirmation(models.Model):
    """ "Gelezen en begrepen": who confirmed which version, and when. A record: names and the unit are
    copied in at the moment of confirming, so the auditor's export does not change when someone moves."""

    must_read = models.ForeignKey(MustRead, null=True, on_delete=models.SET_NULL, related_name="confirmations")
    page_title = models.CharField(max_length=255)
    # The page's id, kept when the page (and with it the MustRead) is deleted: the auditor's export of a
    # deleted or unpublished page's confirmations goes by it.
    page_ref = models.PositiveIntegerField(null=True, blank=True, db_index=True)
    version = models.PositiveIntegerField()
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="must_read_confirmations",
    )
    name = models.CharField(max_length=260)
    employee_number = models.CharField(max_length=30, blank=True)
    unit_name = models.CharField(max_length=120, blank=True)
    confirmed_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["confirmed_at", "pk"]
        verbose_name = _("confirmation")
        verbose_name_plural = _("confirmations")
        constraints = [
            models.UniqueConstraint(fields=["must_read", "user", "version"], name="mustread_confirm_once_per_version")
        ]
        indexes = [models.Index(fields=["must_read", "version", "user"])]

    def __str__(self):
        return f"{self.name}: {self.page_title} v{self.version}"
