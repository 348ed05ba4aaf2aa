"""E-mail invitations with an .ics attachment, sent by a background job (rooms.tasks).

A failing mail server never undoes a booking: the job is retried (intranet.jobs), skipping the
attendees who already got their mail.
"""

from django.core.mail import EmailMessage
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from intranet.mail import send_batch
from rooms import ical
from rooms.models import Booking


def _when(booking):
    start, end = timezone.localtime(booking.start), timezone.localtime(booking.end)
    return f"{formats.date_format(start, 'l j F Y')} {start:%H:%M}–{end:%H:%M}"


def _messages(bookings, subject, intro, method, status):
    if not bookings:
        return []
    first = bookings[0]
    recipients = {p.email for p in first.attendees.all() if p.email}
    if not recipients:
        return []  # also an event's booking whose organiser left: it has no attendees
    body = "\n".join(
        [
            intro % {"organiser": first.organiser.full_name, "title": first.title},
            "",
            *[f"- {_when(b)}, {b.room.name} ({b.room.building.name})" for b in bookings],
        ]
    )
    attachment = ical.calendar(bookings, method=method, status=status)
    messages = []
    for address in sorted(recipients):
        message = EmailMessage(subject % {"title": first.title}, body, to=[address])
        message.attach("uitnodiging.ics", attachment.decode(), f"text/calendar; method={method}; charset=utf-8")
        messages.append(message)
    return messages


def invitation_messages(bookings):
    return _messages(
        bookings,
        _("Invitation: %(title)s"),
        _("%(organiser)s invites you to “%(title)s”:"),
        "REQUEST",
        "CONFIRMED",
    )


def cancellation_messages(bookings):
    return _messages(
        bookings,
        _("Cancelled: %(title)s"),
        _("%(organiser)s has cancelled “%(title)s”:"),
        "CANCEL",
        "CANCELLED",
    )


def send_invitations(booking_ids, done=()):
    """The job's work: one connection for all attendees; `done` are addresses an earlier attempt reached."""
    bookings = list(
        Booking.objects.filter(pk__in=booking_ids)
        .select_related("room__building", "organiser")
        .prefetch_related("attendees")
        .order_by("start")
    )
    return send_batch([(m.to[0], m) for m in invitation_messages(bookings)], done=done)
