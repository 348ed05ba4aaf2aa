"""Notifications: made in the same transaction as what caused them, mailed by a background job.

The "immediately" mails of one action go out as one job (social.tasks.mail_notifications) over one
SMTP connection; a failing mail server never undoes the comment or like, and the job is retried.
A notification is marked mailed right after its mail went out, so a retry never mails it twice, and
what the retries could not deliver goes out with the next daily digest (docs/social.md).
"""

import datetime
import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext

from intranet.jobs import enqueue
from intranet.mail import send_batch
from social import selectors, targets, tasks
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
    return targets.can_see_notified(user, target)


def notify(recipients, *, verb, actor, target, title, url, excerpt=""):
    """One notification per recipient (never to the actor); queues one job mailing the 'immediately' ones.

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
    to_mail = [n.pk for n in made if n.recipient_id in immediate]
    if to_mail:
        enqueue(tasks.mail_notifications, to_mail)
    return made


def site_url():
    """Links in mails: the intranet's configured address (WAGTAILADMIN_BASE_URL), as every other mail
    uses; never a domain from the sites framework or a request's Host header."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


# "Immediately" notifications the job could not deliver in this time go out with the daily digest.
# Longer than the job's retries (intranet.jobs.backoff: about four hours), so they don't both mail.
IMMEDIATE_FALLBACK = datetime.timedelta(hours=6)


def _message(user, notifications, subject):
    context = {"user": user, "notifications": notifications, "base": site_url()}
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string("social/email/notifications.txt", context)
    return EmailMessage(str(subject), body, None, [user.email])


def _mark_mailed(pks):
    Notification.objects.filter(pk__in=pks, emailed_at__isnull=True).update(emailed_at=timezone.now())


def mail_immediately(notification_ids):
    """The job behind notify(): one mail per notification not yet mailed, over one connection."""
    pending = (
        Notification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True)
        .select_related("recipient", "actor__person")
        .order_by("pk")
    )
    messages = []
    for notification in pending:
        if notification.recipient.email and notification.recipient.is_active:
            with translation.override(settings.LANGUAGE_CODE):
                subject = gettext("New on the intranet: %(title)s") % {"title": notification.title}
            messages.append((notification.pk, _message(notification.recipient, [notification], subject)))
    return send_batch(messages, on_sent=lambda pk: _mark_mailed([pk]))


def send_digests(now=None):
    """Mail every 'daily digest' user their unread, unmailed notifications. Returns mails sent.

    Raises PartlyDone when the mail server fails: the job (social.tasks) retries the rest."""
    now = now or timezone.now()
    pending = (
        Notification.objects.filter(emailed_at__isnull=True, read_at__isnull=True)
        .exclude(recipient__notification_preference__email=NotificationPreference.Email.OFF)
        # Those of "immediately" users are the mail job's, until it has had its chances.
        .exclude(
            recipient__notification_preference__email=NotificationPreference.Email.IMMEDIATELY,
            created_at__gt=now - IMMEDIATE_FALLBACK,
        )
        .select_related("recipient", "actor__person")
        .order_by("recipient_id", "created_at")
    )
    by_user = {}
    for notification in pending.iterator(chunk_size=2000):
        by_user.setdefault(notification.recipient, []).append(notification)
    messages, mailed = [], {}
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("Your daily summary from the intranet")
    for user, notifications in by_user.items():
        if not user.email:
            continue
        # Checked again now: who left a private team since gets no excerpt of its posts (one query).
        visible = set(
            selectors.visible_notifications(user)
            .filter(pk__in=[n.pk for n in notifications])
            .values_list("pk", flat=True)
        )
        notifications = [n for n in notifications if n.pk in visible]
        if notifications:
            messages.append((user.pk, _message(user, notifications, subject)))
            mailed[user.pk] = [n.pk for n in notifications]
    # One connection for all; each mail marks its notifications, so a retry only sends the rest.
    return send_batch(messages, on_sent=lambda user_pk: _mark_mailed(mailed[user_pk]))


def mark_read(user, ids=None):
    """Mark the user's notifications read: the given ids, or all of them. Others' stay untouched."""
    queryset = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    return queryset.update(read_at=timezone.now())
