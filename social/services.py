"""The social layer's actions: like, comment, delete, flag, hide and restore.

Public API (reused by news, teams and the notice board):
    like(user, obj) / unlike(user, obj) / toggle_like(user, obj)
    post_comment(user, target, text, parent=None, ip_address=None)
    delete_comment(user, comment), flag_comment(user, comment)
    hide_comment(moderator, comment, reason) / restore_comment(moderator, comment, reason)
Each checks permissions itself and raises PermissionDenied or ValidationError.
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from intranet import throttle
from intranet.moderation import check_reason
from people.models import Person
from social import mentions, selectors, targets
from social.models import Like, ModerationAction, Notification
from social.notifications import notify

MODERATE_PERMISSION = "social.moderate_comments"


def _require_employee(user: User | AnonymousUser) -> Person:
    """Only logged-in employees with an active profile take part, under their own name."""
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied("Log in first.")
    person = getattr(user, "person", None)
    if person is None or not person.is_active:
        raise PermissionDenied("Only employees with a profile take part.")
    return person


# Likes ---------------------------------------------------------------------------------------------


def like(user: User, obj: Model) -> bool:
    """Like `obj` once; a second (or concurrent) click changes nothing. Returns True if it was new."""
    _require_employee(user)
    targets.check_can_view(user, obj)
    targets.check_can_like(obj)  # an archived team's posts and their comments take no likes
    throttle.hit(user, "like", message=_("You are liking very quickly. Wait a moment and try again."))
    content_type = ContentType.objects.get_for_model(obj)
    try:
        with transaction.atomic():
            _like, created = Like.objects.get_or_create(content_type=content_type, object_id=obj.pk, user=user)
            owner = targets.owner_of(obj) if created else None
            # Un-liking and liking again never pings the owner again: one like notification per liker.
            if created and not _like_notified(user, owner, content_type, obj):
                notify(
                    [owner],
                    verb=Notification.Verb.LIKE,
                    actor=user,
                    target=obj,
                    title=targets.title_of(obj),
                    url=targets.url_of(obj),
                )
    except IntegrityError:
        # The other click of a double click won the race: the like exists, which is what was asked.
        return False
    return created


def _like_notified(user: User, owner: User | None, content_type: ContentType, obj: Model) -> bool:
    return Notification.objects.filter(
        recipient=owner,
        actor=user,
        verb=Notification.Verb.LIKE,
        target_content_type=content_type,
        target_object_id=obj.pk,
    ).exists()


def unlike(user: User, obj: Model) -> bool:
    if not user.is_authenticated:
        raise PermissionDenied("Log in first.")
    content_type = ContentType.objects.get_for_model(obj)
    deleted, _ = Like.objects.filter(content_type=content_type, object_id=obj.pk, user=user).delete()
    return bool(deleted)


def toggle_like(user: User, obj: Model) -> bool:
    """Returns True when the user now likes `obj`."""
    content_type = ContentType.objects.get_for_model(obj)
    if Like.objects.filter(content_type=content_type, object_id=obj.pk, user=user).exists():
        unlike(user, obj)
        return False
    like(user, obj)
    return True


# Comments ------------------------------------------------------------------------------------------


def max_length() -> int:
    return getattr(settings, "COMMENT_MAX_LENGTH", 3000)


def clean_comment_text(text: str | None) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write a comment first."), code="required")
    if len(text) > max_length():
        raise ValidationError(
            _("A comment can be at most %(max)d characters; yours has %(length)d.")
            % {"max": max_length(), "length": len(text)},
            code="max_length",
        )
    mentions.mentioned_people(text)  # a mass mention is refused before anything is saved
    return text


def check_throttle(user: User) -> None:
    """Counts one comment in the frame's throttle (intranet/throttle.py); refuses above the limits."""
    throttle.hit(
        user,
        "comment",
        message=_("You are commenting very quickly. Wait a minute and try again; your text has been kept."),
        overrides={"minute": getattr(settings, "SOCIAL_COMMENTS_PER_MINUTE", 5)},
    )


def check_can_comment(user: User | AnonymousUser, target: Model) -> None:
    _require_employee(user)
    targets.check_can_view(user, target)
    targets.check_can_take_comments(target)  # only kinds meant for comments, not closed or archived


def post_comment(
    user: User, target: Model, text: str | None, parent: XtdComment | None = None, ip_address: str | None = None
) -> XtdComment:
    """Post a comment (or a reply) on `target` and notify who should know. Returns the XtdComment."""
    person = _require_employee(user)
    check_can_comment(user, target)
    text = clean_comment_text(text)
    content_type = ContentType.objects.get_for_model(target)
    if parent is not None:
        if (
            parent.content_type_id != content_type.pk
            or parent.object_pk != str(target.pk)
            or not parent.is_public
            or parent.is_removed
        ):
            # Answered like a missing comment: a parent elsewhere is no parent here.
            raise Http404("Reply to a visible comment on the same page.")
        if not parent.allow_thread():
            # Two levels only: a reply to a reply joins the thread under the top comment.
            parent = XtdComment.objects.get(pk=parent.thread_id)
    check_throttle(user)
    with transaction.atomic():
        comment = XtdComment(
            content_type=content_type,
            object_pk=str(target.pk),
            site_id=settings.SITE_ID,
            user=user,
            user_name=person.full_name[:50],
            user_email=user.email,
            comment=text,
            ip_address=ip_address,
            is_public=True,
            parent_id=parent.pk if parent is not None else 0,
        )
        comment.save()
        _notify_about_comment(user, target, comment, parent)
    return comment


def _notify_about_comment(actor: User, target: Model, comment: XtdComment, parent: XtdComment | None) -> None:
    """Mentions first, then the replied-to and earlier participants, then the page's owner."""
    recipients: dict[User | None, Notification.Verb] = {}
    for person in mentions.mentioned_people(comment.comment):
        recipients.setdefault(person.user, Notification.Verb.MENTION)
    if parent is not None:
        recipients.setdefault(parent.user, Notification.Verb.REPLY)
        participants = (
            XtdComment.objects.filter(thread_id=parent.thread_id, user__isnull=False)
            .exclude(pk=comment.pk)
            .select_related("user")
        )
        for earlier in participants:
            recipients.setdefault(earlier.user, Notification.Verb.REPLY)
    recipients.setdefault(targets.owner_of(target), Notification.Verb.COMMENT)
    notify(
        recipients,
        verb=Notification.Verb.COMMENT,
        actor=actor,
        target=target,
        title=targets.title_of(target),
        url=targets.url_of(comment) if hasattr(target, "get_absolute_url") else "",
        excerpt=comment.comment,
    )


def delete_comment(user: User, comment: XtdComment) -> XtdComment:
    """The writer removes their own comment; replies stay, under a 'removed' placeholder."""
    if not user.is_authenticated or comment.user_id != user.pk:
        raise PermissionDenied(_("You can only delete your own comment."))
    if comment.is_removed:
        return comment
    comment.is_removed = True
    comment.save()
    return comment


def flag_comment(user: User, comment: XtdComment) -> bool:
    """Ask the community managers to look at a comment; flagging twice counts once."""
    _require_employee(user)
    targets.check_can_view(user, comment)
    _, created = CommentFlag.objects.get_or_create(
        user=user, comment=comment, flag=CommentFlag.SUGGEST_REMOVAL, defaults={"flag_date": timezone.now()}
    )
    return created


def can_moderate(user: User | AnonymousUser) -> bool:
    return user.is_authenticated and user.has_perm(MODERATE_PERMISSION)


def _moderate(
    moderator: User, comment: XtdComment, reason: str | None, action: ModerationAction.Action
) -> ModerationAction:
    if not can_moderate(moderator):
        raise PermissionDenied(_("Only community managers moderate comments."))
    if not selectors.moderatable_comments(moderator).filter(pk=comment.pk).exists():
        # Reported comments, or what the manager could read on the site anyway (docs/privacy.md).
        raise PermissionDenied("Not reported and not visible to this moderator.")
    reason, problem = check_reason(reason, _("Give a reason."))
    if problem:
        raise ValidationError({"reason": problem})
    with transaction.atomic():
        comment.is_public = action != ModerationAction.Action.HIDE
        comment.save()
        if action != ModerationAction.Action.HIDE:
            # The flags were weighed and rejected: the comment leaves the queue.
            CommentFlag.objects.filter(comment=comment, flag=CommentFlag.SUGGEST_REMOVAL).delete()
        return ModerationAction.objects.create(comment=comment, action=action, reason=reason, moderator=moderator)


def hide_comment(moderator: User, comment: XtdComment, reason: str | None) -> ModerationAction:
    return _moderate(moderator, comment, reason, ModerationAction.Action.HIDE)


def restore_comment(moderator: User, comment: XtdComment, reason: str | None) -> ModerationAction:
    return _moderate(moderator, comment, reason, ModerationAction.Action.RESTORE)


def keep_comment(moderator: User, comment: XtdComment, reason: str | None) -> ModerationAction:
    """The reports were weighed and the comment is fine: it stays visible and leaves the queue."""
    if not comment.is_public:
        raise ValidationError({"reason": _("A hidden comment is restored, not kept.")})
    return _moderate(moderator, comment, reason, ModerationAction.Action.KEEP)
