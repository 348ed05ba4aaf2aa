"""What makes content social, built once: likes, notifications and comment moderation.

Comments themselves are django-comments-xtd's XtdComment; this app adds the rules around them.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment


class Like(models.Model):
    """One like per person per object; the unique constraint keeps counts exact under double clicks."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="likes")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("like")
        verbose_name_plural = _("likes")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "user"], name="social_like_once_per_user")
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.user} → {self.content_type_id}:{self.object_id}"


class Notification(models.Model):
    """An in-app message; the url and summary are stored so the list needs no lookups per row."""

    class Verb(models.TextChoices):
        REPLY = "reply", _("replied to you")
        MENTION = "mention", _("mentioned you")
        LIKE = "like", _("likes your contribution")
        COMMENT = "comment", _("commented on your page")

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verb = models.CharField(max_length=20, choices=Verb.choices)
    target_content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.CASCADE)
    target_object_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("target_content_type", "target_object_id")
    title = models.CharField(max_length=255, blank=True)  # what it is about, e.g. the page title
    excerpt = models.CharField(max_length=300, blank=True)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["emailed_at", "recipient"]),
        ]

    def __str__(self):
        return f"{self.recipient} {self.verb} {self.title}"

    @property
    def is_read(self):
        return self.read_at is not None


class NotificationPreference(models.Model):
    class Email(models.TextChoices):
        IMMEDIATELY = "immediately", _("Immediately")
        DAILY = "daily", _("Daily digest")
        OFF = "off", _("Off")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email = models.CharField(_("e-mail about notifications"), max_length=20, choices=Email.choices, default=Email.DAILY)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return f"{self.user}: {self.email}"


class FlaggedComment(XtdComment):
    """The moderation queue's view of comments (a proxy: the data stays in xtd's table)."""

    class Meta:
        proxy = True
        verbose_name = _("flagged comment")
        verbose_name_plural = _("moderation queue")
        permissions = [("moderate_comments", "Can hide and restore comments")]


class ModerationAction(models.Model):
    """Why a community manager hid, restored or kept a comment: the audit trail of the queue."""

    class Action(models.TextChoices):
        HIDE = "hide", _("Hidden")
        RESTORE = "restore", _("Restored")
        KEEP = "keep", _("Kept (reports rejected)")

    comment = models.ForeignKey(XtdComment, on_delete=models.CASCADE, related_name="moderation_actions")
    action = models.CharField(max_length=10, choices=Action.choices)
    reason = models.TextField(_("reason"), max_length=1000)
    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")

    def __str__(self):
        return f"{self.get_action_display()}: {self.comment_id}"
