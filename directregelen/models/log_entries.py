"""The admin's log of actions on requests, kept apart so that each department sees only its own.

Wagtail's generic ModelLogEntry shows every entry of a model to anyone with a permission on it; the
site history report would then list other departments' request references to department staff.
"""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import BaseLogEntry, BaseLogEntryManager


class RequestLogEntryManager(BaseLogEntryManager):
    def log_action(self, instance, action, **kwargs):
        kwargs.update(request=instance)
        return super().log_action(instance, action, **kwargs)

    def for_instance(self, instance):
        return self.filter(request_id=instance.pk)

    def viewable_by_user(self, user):
        # Imported here: at the top it makes an import cycle (directregelen.services needs this module loaded first).
        from directregelen.services import handled_departments

        if user.is_superuser:
            return self.all()
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(request__department__in=handled_departments(user).values("pk"))


class RequestLogEntry(BaseLogEntry):
    # Like Wagtail's PageLogEntry: no database constraint, so the log outlives a removed request.
    request = models.ForeignKey(
        "directregelen.Request", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )

    objects = RequestLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("request log entry")
        verbose_name_plural = _("request log entries")

    @cached_property
    def object_id(self):
        return self.request_id
