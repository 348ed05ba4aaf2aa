"""What rooms/ holds about a person: bookings they made or attend, and their calendar feed."""

from django.db.models import Count

from intranet.personal_data import Exported, Kind, iso
from people.models import Person
from rooms.models import Booking, CalendarFeed


def _booking(booking, role):
    return {
        "role": role,
        "room": str(booking.room),
        "title": booking.title,
        "start": iso(booking.start),
        "end": iso(booking.end),
        "attendees": booking.attendee_count,
    }


def _bookings_export(user):
    person = Person.objects.filter(user=user).first()
    if person is None:
        return Exported()

    bookings = Booking.objects.select_related("room").annotate(attendee_count=Count("attendees"))
    records = [_booking(b, "organiser") for b in bookings.filter(organiser=person)]
    # Other people's meetings: when and where, and the title that invited them (no names of others).
    records += [_booking(b, "attendee") for b in bookings.filter(attendees=person).exclude(organiser=person)]
    return Exported(records=records)


def _bookings_erase(user, erasure):
    person = Person.objects.filter(user=user).first()
    if person is None:
        return 0
    removed = Booking.attendees.through.objects.filter(person=person).delete()[0]
    # Their bookings free the rooms: nobody is left to hold the meeting. An event's booking stays with
    # its event (which moves and frees it), without their name.
    held = Booking.objects.filter(organiser=person).exclude(held_by="").update(organiser=None)
    return removed + held + Booking.objects.filter(organiser=person).delete()[0]


def _feed_export(user):
    feeds = CalendarFeed.objects.filter(person__user=user)
    # The secret token is a key, not information about them: only that a feed exists.
    return Exported(records=[{"calendar_feed": True, "created_at": iso(f.created_at)} for f in feeds])


def _feed_erase(user, erasure):
    return CalendarFeed.objects.filter(person__user=user).delete()[0]


KINDS = [
    Kind(
        "rooms.bookings",
        "Meeting-room bookings made or attended.",
        ("rooms.Booking.organiser", "rooms.Booking.attendees", "rooms.Booking_attendees.person"),
        _bookings_export,
        _bookings_erase,
    ),
    Kind(
        "rooms.calendar_feed",
        "The calendar feed's secret address.",
        ("rooms.CalendarFeed.person",),
        _feed_export,
        _feed_erase,
    ),
]
