"""What social/ holds about a person: comments (with IP address), reports of comments, likes,
notifications and their e-mail setting, moderation decisions (intranet/personal_data.py).

Mentions are no rows of their own (an @name in a text, a notification to the one mentioned), and
there are no follows: people get notified through their teams, pages and comments."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from intranet.personal_data import Exported, Kind, delete_rows, unlink
from social.models import Like, ModerationAction, Notification, NotificationPreference
from social.selectors import comments_changed


def _iso(value):
    return value.isoformat() if value else None


def _comments_export(user):
    types = {ct.pk: ct for ct in ContentType.objects.all()}
    return Exported(
        records=[
            {
                "id": c.pk,
                "on": f"{types[c.content_type_id].app_label}.{types[c.content_type_id].model}:{c.object_pk}",
                "in_reply_to": c.parent_id if c.parent_id != c.pk else None,
                "text": c.comment,
                "submitted_at": _iso(c.submit_date),
                "ip_address": c.ip_address,
                "is_public": c.is_public,
                "is_removed": c.is_removed,
            }
            for c in XtdComment.objects.filter(user=user).order_by("submit_date")
        ]
    )


def _comments_erase(user, erasure):
    anonymous = {"user": None, "user_name": erasure.placeholder, "user_email": "", "user_url": "", "ip_address": None}
    comments = XtdComment.objects.filter(user=user)
    comments_changed()  # update() sends no post_save: the cached pages of comments show the old name
    if erasure.keep_content:
        return comments.update(**anonymous)
    # Removed, not deleted: replies of colleagues keep their place in the thread.
    return comments.update(**anonymous, comment="", is_removed=True)


def _flags_export(user):
    return Exported(
        records=[
            {"comment": f.comment_id, "flag": f.flag, "at": _iso(f.flag_date)}
            for f in CommentFlag.objects.filter(user=user)
        ]
    )


def _likes_export(user):
    return Exported(
        records=[
            {
                "on": f"{like.content_type.app_label}.{like.content_type.model}:{like.object_id}",
                "at": _iso(like.created_at),
            }
            for like in Like.objects.filter(user=user).select_related("content_type")
        ]
    )


def _notifications_export(user):
    # What and when, not who: the actor and the excerpt are a colleague's, not the recipient's data.
    return Exported(
        records=[
            {"verb": n.verb, "title": n.title, "url": n.url, "at": _iso(n.created_at), "read_at": _iso(n.read_at)}
            for n in Notification.objects.filter(recipient=user)
        ]
    )


def _notifications_erase(user, erasure):
    # Also those sent to colleagues about them: their titles may carry the name ("X asks to join ...").
    return Notification.objects.filter(Q(recipient=user) | Q(actor=user)).delete()[0]


def _preference_export(user):
    return Exported(records=[{"email": p.email} for p in NotificationPreference.objects.filter(user=user)])


def _moderation_export(user):
    return Exported(
        records=[
            {"comment": m.comment_id, "action": m.action, "reason": m.reason, "at": _iso(m.created_at)}
            for m in ModerationAction.objects.filter(moderator=user)
        ]
    )


KINDS = [
    Kind(
        "social.comments",
        "Comments and answers, with the IP address they were sent from (until the retention job drops it).",
        ("django_comments_xtd.XtdComment.user", "django_comments.Comment.user"),
        _comments_export,
        _comments_erase,
    ),
    Kind(
        "social.comment_reports",
        "Comments reported to the moderators.",
        ("django_comments.CommentFlag.user",),
        _flags_export,
        delete_rows(CommentFlag, "user"),
    ),
    Kind("social.likes", "Likes.", ("social.Like.user",), _likes_export, delete_rows(Like, "user")),
    Kind(
        "social.notifications",
        "Notifications received.",
        ("social.Notification.recipient", "social.Notification.actor"),
        _notifications_export,
        _notifications_erase,
    ),
    Kind(
        "social.notification_settings",
        "How often notifications are e-mailed.",
        ("social.NotificationPreference.user",),
        _preference_export,
        delete_rows(NotificationPreference, "user"),
    ),
    Kind(
        "social.moderation",
        "Comments hidden or restored as a moderator, with the reason given.",
        ("social.ModerationAction.moderator",),
        _moderation_export,
        unlink(ModerationAction, "moderator"),  # the decision stays in the audit trail
    ),
]
