"""Mail leaves the request here: every mail is sent by a background job (intranet.jobs), never in a request.

A request must not wait for the mail server (a slow or hanging one would hold the page, and a reset
mail sent inside the request tells by its timing whether an address exists). Jobs send through
send_batch(): one SMTP connection for the whole batch (not one per message), EMAIL_TIMEOUT on every
socket operation, and on a failure a PartlyDone that names what already went out, so that the
retry sends the rest and nobody gets a mail twice.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend

from intranet.jobs import PartlyDone, enqueue

QUEUED_BACKEND = "intranet.mail.QueuedBackend"

logger = logging.getLogger(__name__)


def send_batch(messages, *, done=(), on_sent=None):
    """Send [(key, EmailMessage)] over one connection, skipping the keys in `done`. Returns the count sent.

    `on_sent(key)` runs right after each message went out (e.g. to mark a notification mailed). A
    failure stops the batch (the server is likely away for the rest too) and raises PartlyDone with
    done=[keys sent so far, earlier attempts' included]; keys must be JSON values.
    """
    done = list(done)
    skip = set(done)
    todo = [(key, message) for key, message in messages if key not in skip]
    if not todo:
        return 0
    sent = 0
    connection = get_connection(delivery_backend(), fail_silently=False)
    try:
        connection.open()
        for key, message in todo:
            message.connection = connection
            connection.send_messages([message])
            done.append(key)
            sent += 1
            if on_sent is not None:
                on_sent(key)
    except Exception as exc:
        logger.warning("Mail batch stopped after %s of %s: %r", sent, len(todo), exc)
        raise PartlyDone(exc, done=done) from exc
    finally:
        try:
            connection.close()
        except Exception:  # noqa: BLE001 (closing a dead connection must not hide the real error)
            logger.debug("Closing the SMTP connection failed", exc_info=True)
    return sent


def delivery_backend():
    """The backend that really delivers: EMAIL_BACKEND, unless that is the queue (production), whose
    jobs deliver through MAIL_DELIVERY_BACKEND (SMTP by default)."""
    backend = settings.EMAIL_BACKEND
    if backend == QUEUED_BACKEND:
        return getattr(settings, "MAIL_DELIVERY_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
    return backend


class QueuedBackend(BaseEmailBackend):
    """EMAIL_BACKEND for mail Plein's own jobs do not send: Wagtail's moderation and workflow mails,
    Django's own. Each message becomes a job (intranet.tasks.send_mails) in the caller's transaction,
    so it is retried while the mail server is away and no request waits for it."""

    def send_messages(self, email_messages):
        # Imported here: at the top it makes an import cycle (intranet.tasks needs this module loaded first).
        from intranet.tasks import send_mails

        messages = [as_data(message) for message in email_messages or ()]
        for data in messages:
            enqueue(send_mails, [data])
        return len(messages)


def as_data(message):
    """A message as JSON for a job's arguments (text attachments only: the rooms' .ics)."""
    data = {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "reply_to": list(message.reply_to),
        "attachments": [
            [name, content.decode() if isinstance(content, bytes) else content, mimetype]
            for name, content, mimetype in message.attachments
        ],
    }
    # Wagtail's mails carry an HTML alternative; others may have copies and headers.
    for name in ("cc", "bcc"):
        if getattr(message, name, None):
            data[name] = list(getattr(message, name))
    if getattr(message, "extra_headers", None):
        data["headers"] = {str(key): str(value) for key, value in message.extra_headers.items()}
    if getattr(message, "alternatives", None):
        data["alternatives"] = [[str(content), mimetype] for content, mimetype in message.alternatives]
    return data


def from_data(data):
    message = (EmailMultiAlternatives if data.get("alternatives") else EmailMessage)(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        reply_to=data["reply_to"] or None,
        cc=data.get("cc"),
        bcc=data.get("bcc"),
        headers=data.get("headers"),
    )
    for content, mimetype in data.get("alternatives", ()):
        message.attach_alternative(content, mimetype)
    for name, content, mimetype in data["attachments"]:
        message.attach(name, content, mimetype)
    return message
