"""Social's jobs: the "immediately" notification mails and the daily digest (docs/social.md)."""

from intranet.jobs import Periodic, job


@job()
def mail_notifications(notification_ids, done=()):
    """`done` is unused: each notification is marked mailed as it goes out, which a retry respects."""
    # Imported here: at the top it makes an import cycle (social.notifications needs this module loaded first).
    from social.notifications import mail_immediately

    return mail_immediately(notification_ids)


@job()
def send_digests():
    # Imported here: at the top it makes an import cycle (social.notifications needs this module loaded first).
    from social.notifications import send_digests as send

    return send()


PERIODIC = [Periodic("social.send_digests", send_digests, "daily", hour=7)]
