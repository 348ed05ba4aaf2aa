"""iCalendar documents for feeds and e-mail invitations (RFC 5545 via the icalendar library)."""

from datetime import UTC

from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from intranet.calendars import uid_domain

PRODID = "-//Plein//Vergaderzalen//NL"


def uid(booking):
    return f"plein-booking-{booking.pk}@{uid_domain()}"


def _address(person):
    address = vCalAddress(f"mailto:{person.email}" if person.email else f"urn:plein:person:{person.pk}")
    address.params["cn"] = vText(person.full_name)
    return address


def event(booking, status="CONFIRMED", sequence=0, people=True):
    """One booking as a VEVENT; without `people` it holds only what the day view shows to everyone."""
    item = Event()
    item.add("uid", uid(booking))
    item.add("dtstamp", timezone.now().astimezone(UTC))
    item.add("dtstart", booking.start.astimezone(UTC))
    item.add("dtend", booking.end.astimezone(UTC))
    item.add("summary", booking.title)
    item.add("location", f"{booking.room.name}, {booking.room.building.name}")
    item.add("status", status)
    item.add("sequence", sequence)
    if not people:
        return item
    if booking.organiser_id:
        item.add("organizer", _address(booking.organiser))
    for person in booking.attendees.all():
        attendee = _address(person)
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        item.add("attendee", attendee, encode=0)
    return item


def calendar(bookings, name="", method=None, status="CONFIRMED", people=True, extra=()):
    """An iCalendar document. `people=False` for a room's feed: anyone with a feed link can subscribe to
    any room, so it shows what the day view shows (time and title), never organisers or attendees."""
    document = Calendar()
    document.add("prodid", PRODID)
    document.add("version", "2.0")
    if method:
        document.add("method", method)
    if name:
        document.add("x-wr-calname", name)
    # A changed booking must replace the old copy in the attendee's calendar: a rising SEQUENCE does.
    for booking in bookings:
        # Without people the moment of the last change is left out too (the day view does not show it).
        sequence = int(booking.updated_at.timestamp()) if people else 0
        document.add_component(event(booking, status, sequence=sequence, people=people))
    for component in extra:
        document.add_component(component)
    return document.to_ical()
