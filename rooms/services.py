"""Booking actions: validation, permissions and the transaction that makes double booking impossible."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from intranet import throttle
from intranet.jobs import enqueue
from intranet.mail import as_data
from intranet.tasks import send_mails
from rooms import invitations, selectors, tasks
from rooms.models import Booking, CalendarFeed, Room, new_feed_token
from rooms.signals import bookings_changed

FACILITAIR_GROUP = "Facilitair"
MAX_OCCURRENCES = 52
EXCLUSION_CONSTRAINT = "rooms_booking_no_overlap"


def max_days_ahead():
    return getattr(settings, "ROOMS_MAX_DAYS_AHEAD", 366)


def max_duration():
    return getattr(settings, "ROOMS_MAX_BOOKING_DURATION", timedelta(hours=8))


class BookingConflict(ValidationError):
    """The room is taken; carries the taken dates and the nearest free alternatives."""

    def __init__(self, message, dates):
        super().__init__(message, code="conflict")
        self.dates = dates
        self.alternatives = selectors.Alternatives()


def is_facilitair(user):
    return user.is_superuser or user.groups.filter(name=FACILITAIR_GROUP).exists()


def can_manage(user, booking):
    person = getattr(user, "person", None)
    return (person is not None and booking.organiser_id == person.pk) or is_facilitair(user)


def _check_can_manage(user, booking):
    if not can_manage(user, booking):
        raise PermissionDenied(_("Only the organiser or Facilitair can change this booking."))


def _check_not_held(booking, holder):
    """An event's booking is moved and freed with its event (agenda), never on its own here."""
    if booking.held_by and not holder:
        raise ValidationError(_("This booking belongs to an event: change or cancel the event instead."))


def _time(moment):
    return formats.time_format(timezone.localtime(moment), "H:i")


def _date(moment):
    return formats.date_format(timezone.localtime(moment), "l j F Y")


def validate_booking(room, start, end, people, repeat_until=None, now=None):
    """Raise a ValidationError keyed by the booking form's fields for every rule the request breaks."""
    now = now or timezone.now()
    errors = {}
    local_start, local_end = timezone.localtime(start), timezone.localtime(end)
    building = room.building
    if end <= start:
        errors["end_time"] = _("The end time must be after the start time.")
    elif start < now:
        errors["start_time"] = _("This time has already passed. Choose a time in the future.")
    elif end - start > max_duration():
        hours = int(max_duration().total_seconds() // 3600)
        errors["end_time"] = ngettext(
            "A booking may last at most %(hours)d hour.", "A booking may last at most %(hours)d hours.", hours
        ) % {"hours": hours}
    for name, moment in (("start_time", local_start), ("end_time", local_end)):
        if name not in errors and (moment.minute % 15 or moment.second or moment.microsecond):
            errors[name] = _("Choose a time on the quarter hour, such as 09:00 or 09:15.")
    if local_start.date() > timezone.localdate(now) + timedelta(days=max_days_ahead()):
        errors["date"] = _("You can book at most %(days)d days ahead.") % {"days": max_days_ahead()}
    elif not building.is_open_on(local_start.date()):
        errors["date"] = _("%(building)s is closed on this day.") % {"building": building.name}
    elif end > start and (
        local_start.time() < building.opens_at
        or local_end.date() != local_start.date()
        or local_end.time() > building.closes_at
    ):
        errors.setdefault(
            "start_time" if local_start.time() < building.opens_at else "end_time",
            _("%(building)s is open from %(opens)s to %(closes)s.")
            % {
                "building": building.name,
                "opens": building.opens_at.strftime("%H:%M"),
                "closes": building.closes_at.strftime("%H:%M"),
            },
        )
    if people > room.capacity:
        errors["attendees"] = ngettext(
            "%(room)s holds %(capacity)d person; with you included this booking has %(people)d.",
            "%(room)s holds %(capacity)d people; with you included this booking has %(people)d.",
            room.capacity,
        ) % {"room": room.name, "capacity": room.capacity, "people": people}
    if repeat_until is not None:
        if repeat_until < local_start.date():
            errors["repeat_until"] = _("The last date of the series cannot be before the first.")
        elif (repeat_until - local_start.date()).days // 7 + 1 > MAX_OCCURRENCES:
            errors["repeat_until"] = _("A series can have at most %(count)d weekly bookings.") % {
                "count": MAX_OCCURRENCES
            }
    if errors:
        raise ValidationError(errors)


def weekly_occurrences(start, end, repeat_until=None):
    """The requested slot and, for a series, the same wall-clock time every week up to repeat_until."""
    local_start, local_end = timezone.localtime(start), timezone.localtime(end)
    slots, week = [(start, end)], 1
    while repeat_until is not None and local_start.date() + timedelta(weeks=week) <= repeat_until:
        shift = timedelta(weeks=week)
        # Shift the wall-clock time, not the instant: across a DST change the meeting stays at 10:00.
        slots.append(
            (
                timezone.make_aware(local_start.replace(tzinfo=None) + shift),
                timezone.make_aware(local_end.replace(tzinfo=None) + shift),
            )
        )
        week += 1
    return slots


def _lock_room(room_id):
    """Serialise bookings of one room: whoever holds the lock checks and inserts before the next one."""
    if connection.vendor == "sqlite":
        # SQLite ignores SELECT ... FOR UPDATE. A write as the transaction's first statement takes the
        # database's write lock at once, so a concurrent booking waits here until this one commits.
        Room.objects.filter(pk=room_id).update(is_active=F("is_active"))
    else:
        list(Room.objects.select_for_update().filter(pk=room_id).order_by().values_list("pk"))


def _conflict(room, dates):
    if len(dates) == 1:
        message = _("%(room)s is already booked at that time (%(date)s). Nothing has been booked.") % {
            "room": room.name,
            "date": dates[0],
        }
    else:
        message = _("%(room)s is already booked on: %(dates)s. Nothing has been booked.") % {
            "room": room.name,
            "dates": ", ".join(dates),
        }
    return BookingConflict(message, dates)


def _refuse_overlaps(room, slots, exclude_ids=()):
    taken = list(selectors.overlapping(room.pk, slots, exclude_ids))
    if taken:
        dates = []
        for start, end in slots:
            clash = next((b for b in taken if b.start < end and b.end > start), None)
            if clash is not None:
                dates.append(f"{_date(start)} {_time(clash.start)}–{_time(clash.end)}")
        raise _conflict(room, dates)


def _save_guarded(room, slots, save):
    """Run `save` in a savepoint; PostgreSQL's exclusion constraint is the last word on overlaps."""
    try:
        with transaction.atomic():
            return save()
    except IntegrityError as exc:
        if EXCLUSION_CONSTRAINT not in str(exc):
            raise
        raise _conflict(room, [_date(start) for start, _end in slots]) from exc


def _with_alternatives(conflict, room, start, end, people):
    conflict.alternatives = selectors.alternatives(room, start, end, people)
    return conflict


def _attendee_list(attendees, organiser):
    organiser_id = organiser.pk if organiser is not None else None
    return [person for person in dict.fromkeys(attendees) if person.pk != organiser_id]


def _throttle_invitations(who, attendees):
    """A booking with attendees mails each of them: count it in the frame's throttle."""
    if attendees:
        throttle.hit(
            getattr(who, "user", None) or who,
            "room_invite",
            message=_("You are sending very many invitations. Wait a while and try again."),
        )


def book_room(*, organiser, room, title, start, end, attendees=(), repeat_until=None, now=None, held_by=""):
    """Book a room, or every week up to repeat_until: all occurrences or none. Returns the bookings.
    `held_by` is the address of the event that holds the booking (see Booking.held_by)."""
    attendees = _attendee_list(attendees, organiser)
    if not room.is_active:
        raise ValidationError({"room": _("This room cannot be booked.")})
    validate_booking(room, start, end, len(attendees) + 1, repeat_until, now)
    _throttle_invitations(organiser, attendees)
    slots = weekly_occurrences(start, end, repeat_until)
    series = uuid.uuid4() if len(slots) > 1 else None

    def save():
        bookings = Booking.objects.bulk_create(
            [
                Booking(room=room, organiser=organiser, title=title, start=s, end=e, series=series, held_by=held_by)
                for s, e in slots
            ]
        )
        through = Booking.attendees.through
        through.objects.bulk_create(
            [through(booking_id=booking.pk, person_id=person.pk) for booking in bookings for person in attendees]
        )
        bookings_changed([organiser.pk, *(person.pk for person in attendees)])  # bulk_create sends no signals
        return bookings

    try:
        with transaction.atomic():
            _lock_room(room.pk)
            _refuse_overlaps(room, slots)
            bookings = _save_guarded(room, slots, save)
            if attendees:
                # Mail only once the booking is safely stored; a mail failure is logged, never fatal.
                enqueue(tasks.send_invitations, [b.pk for b in bookings])
    except BookingConflict as conflict:
        raise _with_alternatives(conflict, room, start, end, len(attendees) + 1) from None
    return bookings


def change_booking(*, user, booking, room, title, start, end, attendees=(), now=None, holder=False):
    """Move or edit one booking (one occurrence of a series); only the organiser or Facilitair may, and
    a held booking only its holder (`holder=True`). The holder's unchanged room and time are not checked
    again: fixing a typo in a running or past event must not fail on "this time has already passed"."""
    if not holder:  # the holder checked its own permission (an event's organisers and editors)
        _check_can_manage(user, booking)
    _check_not_held(booking, holder)
    if holder and (room.pk, start, end) == (booking.room_id, booking.start, booking.end):
        booking.title = title
        booking.save(update_fields=["title", "updated_at"])
        return booking
    attendees = _attendee_list(attendees, booking.organiser)
    if not room.is_active:
        raise ValidationError({"room": _("This room cannot be booked.")})
    validate_booking(room, start, end, len(attendees) + 1, now=now)
    _throttle_invitations(user, attendees)
    slots = [(start, end)]

    def save():
        booking.room, booking.title, booking.start, booking.end = room, title, start, end
        booking.save()
        booking.attendees.set(attendees)
        return booking

    try:
        with transaction.atomic():
            _lock_room(room.pk)
            _refuse_overlaps(room, slots, exclude_ids=[booking.pk])
            _save_guarded(room, slots, save)
            if attendees:
                enqueue(tasks.send_invitations, [booking.pk])
    except BookingConflict as conflict:
        raise _with_alternatives(conflict, room, start, end, len(attendees) + 1) from None
    return booking


def cancel_booking(*, user, booking, whole_series=False, holder=False):
    """Cancel a booking, or it and the later occurrences of its series. Attendees get a cancellation.
    A held booking is cancelled only by its holder (`holder=True`)."""
    if not holder:  # the holder checked its own permission (an event's organisers and editors)
        _check_can_manage(user, booking)
    _check_not_held(booking, holder)
    targets = Booking.objects.filter(pk=booking.pk)
    if whole_series and booking.series:
        targets = Booking.objects.filter(series=booking.series, start__gte=booking.start)
    with transaction.atomic():
        cancelled = list(targets.select_related("room__building", "organiser").prefetch_related("attendees"))
        messages = invitations.cancellation_messages(cancelled)
        targets.delete()
        if messages:
            enqueue(send_mails, [as_data(m) for m in messages])
    return len(cancelled)


def retitle_held(titles):
    """The holder renames its bookings, {booking: title} (events whose visibility changed): no rule
    depends on a title, so no check; the changed ones in one statement."""
    now = timezone.now()
    changed = [booking for booking, title in titles.items() if booking.title != title]
    for booking in changed:
        booking.title, booking.updated_at = titles[booking], now
    if changed:
        Booking.objects.bulk_update(changed, ["title", "updated_at"])
        bookings_changed([booking.organiser_id for booking in changed])  # bulk_update sends no signals


def feed_token(person):
    return CalendarFeed.objects.get_or_create(person=person)[0]


def reset_feed_token(person):
    """A new secret for the person's calendar feeds; the old URLs stop working at once."""
    feed, _created = CalendarFeed.objects.update_or_create(person=person, defaults={"token": new_feed_token()})
    return feed
