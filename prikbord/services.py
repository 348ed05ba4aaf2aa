"""Notice-board actions: post, renew, mark done, moderate and expire. Each checks who may do it."""

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser, Group, User
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.images import get_image_dimensions
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intranet import throttle
from intranet.moderation import check_reason
from prikbord.models import LIFETIME, MAX_PHOTOS, TEXT_MAX, Category, Photo, Post, Status
from prikbord.uploads import check_photo
from social import services as social_services

MODERATORS = "Omgevingsbeheerders"
MODERATE_PERMISSION = "prikbord.moderate_post"


def moderators_group() -> Group:
    group, _created = Group.objects.get_or_create(name=MODERATORS)
    return group


def can_moderate(user: User | AnonymousUser) -> bool:
    """Community managers (social's moderators: the Omgevingsbeheerders group) and anyone given the
    notice board's own permission. has_perm caches the user's permissions itself."""
    return user.is_authenticated and (user.has_perm(MODERATE_PERMISSION) or social_services.can_moderate(user))


def _require_employee(user: User | AnonymousUser) -> None:
    if not user.is_authenticated or not user.is_active or getattr(user, "person", None) is None:
        raise PermissionDenied(_("Only employees with a profile can post on the notice board."))


def _require_owner(user: User | AnonymousUser, post: Post) -> None:
    if not user.is_authenticated or post.author_id != user.pk:
        raise PermissionDenied(_("Only the author can do this."))


def create_post(
    user: User,
    *,
    category: str,
    title: str,
    text: str,
    price: Decimal | None = None,
    photos: Iterable[UploadedFile] = (),
    photos_alt: str | None = "",
) -> Post:
    _require_employee(user)
    photos = list(photos)
    if len(photos) > MAX_PHOTOS:
        raise ValidationError({"photos": _("Choose at most %(max)d photos.") % {"max": MAX_PHOTOS}})
    extensions = [check_photo(photo) for photo in photos]
    if category not in Category.values:
        raise ValidationError({"category": _("Choose a category.")})
    # The form checks this too; callers without it (a post moved here from a team) must not cut text.
    if len(text) > TEXT_MAX:
        raise ValidationError(
            {
                "text": _("The text can be at most %(max)d characters; this one has %(length)d.")
                % {"max": TEXT_MAX, "length": len(text)}
            }
        )
    throttle.hit(user, "board_post")
    with transaction.atomic():
        now = timezone.now()
        post = Post.objects.create(
            author=user,
            category=category,
            title=title,
            text=text,
            price=price,
            created_at=now,
            expires_at=now + LIFETIME,
        )
        for position, (upload, extension) in enumerate(zip(photos, extensions, strict=True)):
            width, height = get_image_dimensions(upload)
            photo = Photo(
                post=post, position=position, width=width or 0, height=height or 0, alt=(photos_alt or "")[:250]
            )
            photo.extension = extension
            photo.image.save(f"photo.{extension}", upload, save=False)  # photo_path picks a random name
            photo.save()
    return post


def renew(user: User, post: Post) -> Post:
    """Another 30 days from now; for open or expired posts of one's own."""
    _require_owner(user, post)
    if post.status not in (Status.OPEN, Status.EXPIRED):
        raise ValidationError(_("This post can no longer be renewed."))
    post.status = Status.OPEN
    post.expires_at = timezone.now() + LIFETIME
    post.save(update_fields=["status", "expires_at"])
    return post


def mark_done(user: User, post: Post) -> Post:
    _require_owner(user, post)
    if post.status == Status.REMOVED:
        raise ValidationError(_("A moderator removed this post."))
    post.status = Status.DONE
    post.save(update_fields=["status"])
    return post


def _clean_reason(reason: str | None) -> str:
    reason, problem = check_reason(reason, _("Tell the author why."))
    if problem:
        raise ValidationError({"reason": problem})
    return reason


def remove(moderator: User, post: Post, reason: str | None) -> Post:
    if not can_moderate(moderator):
        raise PermissionDenied(_("Only moderators can do this."))
    post.status = Status.REMOVED
    post.moderation_reason = _clean_reason(reason)
    post.moderated_by, post.moderated_at = moderator, timezone.now()
    post.save(update_fields=["status", "moderation_reason", "moderated_by", "moderated_at"])
    return post


def move(moderator: User, post: Post, category: str, reason: str | None) -> Post:
    """Put a misplaced post in the right category; the author sees why."""
    if not can_moderate(moderator):
        raise PermissionDenied(_("Only moderators can do this."))
    if category not in Category.values:
        raise ValidationError({"category": _("Choose a category.")})
    post.category = category
    post.moderation_reason = _clean_reason(reason)
    post.moderated_by, post.moderated_at = moderator, timezone.now()
    post.save(update_fields=["category", "moderation_reason", "moderated_by", "moderated_at"])
    return post


def expire(now: datetime | None = None) -> int:
    """Mark open posts past their date as expired (the daily cron job); returns how many."""
    now = now or timezone.now()
    return Post.objects.filter(status=Status.OPEN, expires_at__lte=now).update(status=Status.EXPIRED)
