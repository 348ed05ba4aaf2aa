"""Notifications: made in the same transaction as what caused them, mailed only after it commits.

A failing mail server is logged and never undoes the comment or like that triggered the mail.
"""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import Truncator

from social.models import Notification, NotificationPreference

logger = logging.getLogger(__name__)


def email_preference(user):
    pref = NotificationPreference.objects.filter(user=user).values_list("email", flat=True).first()
    return pref or NotificationPreference.Email.DAILY


def set_email_preference(user, value):
    if value not in NotificationPreference.Email.values:
        raise ValueError(value)
    NotificationPreference.objects.update_or_create(user=user, defaults={"email": value})


def _can_see(user, target):
    """Nobody hears about what they may not see (a mention in a private team's post, for one)."""
    from social import targets

    return targets.can_see_notified(user, target)


def notify(recipients, *, verb, actor, target, title, url, excerpt=""):
    """One notification per recipient (never to the actor); mails the 'immediately' ones after commit.

    `recipients` maps user -> verb to let a caller give each person the most specific reason.
    """
    if not isinstance(recipients, dict):
        recipients = {user: verb for user in recipients}
    content_type = ContentType.objects.get_for_model(target) if target is not None else None
    made = []
    for user, user_verb in recipients.items():
        if user is None or user == actor or not user.is_active or not _can_see(user, target):
            continue
        made.append(
            Notification(
                recipient=user,
                actor=actor,
                verb=user_verb,
                target_content_type=content_type,
                target_object_id=getattr(target, "pk", None),
                title=Truncator(title).chars(250),
                excerpt=Truncator(excerpt).chars(290),
                url=url[:500],
            )
        )
    if not made:
        return []
    Notification.objects.bulk_create(made)
    immediate = set(
        NotificationPreference.objects.filter(
            user__in=[n.recipient for n in made], email=NotificationPreference.Email.IMMEDIATELY
        ).values_list("user_id", flat=True)
    )
    for notification in made:
        if notification.recipient_id in immediate:
            transaction.on_commit(lambda n=notification: send_now(n))
    return made


def site_url():
    """Links in mails: the intranet's configured address (WAGTAILADMIN_BASE_URL), as every other mail
    uses; never a domain from the sites framework or a request's Host header."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def _mail(user, notifications, subject):
    if not user.email:
        return False
    base = site_url()
    context = {"user": user, "notifications": notifications, "base": base}
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string("social/email/notifications.txt", context)
        try:
            send_mail(str(subject), body, None, [user.email])
        except Exception:  # noqa: BLE001 (any mail failure: log it, keep the data)
            logger.exception("Could not mail notifications to user %s", user.pk)
            return False
    Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(emailed_at=timezone.now())
    return True


def send_now(notification):
    from django.utils.translation import gettext

    notification = Notification.objects.select_related("recipient", "actor__person").get(pk=notification.pk)
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("New on the intranet: %(title)s") % {"title": notification.title}
    return _mail(notification.recipient, [notification], subject)


def send_digests(now=None):
    """Mail every 'daily digest' user their unread, unmailed notifications. Returns mails sent."""
    from django.utils.translation import gettext

    from social import selectors

    pending = (
        Notification.objects.filter(emailed_at__isnull=True, read_at__isnull=True)
        .exclude(
            recipient__notification_preference__email__in=[
                NotificationPreference.Email.OFF,
                NotificationPreference.Email.IMMEDIATELY,
            ]
        )
        .select_related("recipient", "actor__person")
        .order_by("recipient_id", "created_at")
    )
    by_user = {}
    for notification in pending.iterator(chunk_size=2000):
        by_user.setdefault(notification.recipient, []).append(notification)
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("Your daily summary from the intranet")
    for user, notifications in by_user.items():
        # Checked again now: who left a private team since gets no excerpt of its posts (one query).
        visible = set(
            selectors.visible_notifications(user)
            .filter(pk__in=[n.pk for n in notifications])
            .values_list("pk", flat=True)
        )
        notifications = [n for n in notifications if n.pk in visible]
        if notifications:
            sent += bool(_mail(user, notifications, subject))
    return sent


def mark_read(user, ids=None):
    """Mark the user's notifications read: the given ids, or all of them. Others' stay untouched."""
    queryset = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    return queryset.update(read_at=timezone.now())
