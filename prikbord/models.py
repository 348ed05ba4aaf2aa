"""The notice board: classifieds by colleagues, living 30 days unless renewed."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from intranet.moderation import REASON_MAX
from intranet.uploads import random_path
from social import targets

LIFETIME = timedelta(days=30)
MAX_PHOTOS = 3
TITLE_MAX = 120
TEXT_MAX = 3000


class Category(models.TextChoices):
    FOR_SALE = "te-koop", _("For sale")
    WANTED = "gezocht", _("Wanted")
    FREE = "gratis", _("Free to collect")
    CALL = "oproep", pgettext_lazy("notice board category", "Call")  # not the phone "Call" (Bel)


class Status(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "afgerond", _("Sold or solved")
    EXPIRED = "verlopen", _("Expired")
    REMOVED = "verwijderd", _("Removed by a moderator")


def default_expiry():
    return timezone.now() + LIFETIME


class PostQuerySet(models.QuerySet):
    def visible(self, now=None):
        """What everyone sees on the board: open and not past its date (even before the cron job runs)."""
        return self.filter(status=Status.OPEN, expires_at__gt=now or timezone.now())


class Post(models.Model):
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="prikbord_posts")
    category = models.CharField(_("category"), max_length=10, choices=Category.choices)
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    text = models.TextField(_("text"), max_length=TEXT_MAX)
    price = models.DecimalField(_("price"), max_digits=9, decimal_places=2, null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.OPEN, db_index=True)
    created_at = models.DateTimeField(_("posted"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"), default=default_expiry, db_index=True)
    moderation_reason = models.CharField(_("moderator's reason"), max_length=REASON_MAX, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notice-board post")
        verbose_name_plural = _("notice-board posts")
        permissions = [("moderate_post", "Can remove or move notice-board posts")]
        indexes = [models.Index(fields=["status", "expires_at", "category"], name="prikbord_board")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("prikbord:detail", args=[self.pk])

    @property
    def is_expired(self):
        return self.status == Status.EXPIRED or (self.status == Status.OPEN and self.expires_at <= timezone.now())

    @property
    def is_visible(self):
        return self.status == Status.OPEN and not self.is_expired

    # The social layer's contract (social/targets.py).
    @property
    def allow_comments(self):
        return self.is_visible

    def social_owner(self):
        return self.author

    def user_can_view(self, user):
        # Imported here: at the top it makes an import cycle (prikbord.services needs this module loaded first).
        from prikbord.services import can_moderate

        return self.is_visible or user.pk == self.author_id or can_moderate(user)

    @classmethod
    def social_visible(cls, user):
        """user_can_view as a queryset, for lists (notifications): what is on the board and one's own
        posts. Moderators are left out on purpose: asking for their permission costs queries per list."""
        return cls.objects.filter(Q(status=Status.OPEN, expires_at__gt=timezone.now()) | Q(author_id=user.pk))


def photo_path(instance, filename):
    # A random name (a post's photos must not be found by counting) with the extension of the content.
    return random_path("prikbord", f"photo.{instance.extension}")


class Photo(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="photos")
    # Indexed: the media checker (prikbord.media) finds a photo by its path.
    image = models.ImageField(_("photo"), upload_to=photo_path, db_index=True)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    position = models.PositiveSmallIntegerField(default=0)
    # WCAG 1.1.1: what the uploader says the photo shows (empty: "Photo 1 of <title>").
    alt = models.CharField(_("description of the photo"), max_length=250, blank=True)
    extension = "jpg"

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.image.name


targets.register(Post)
