"""Events as iCalendar (RFC 5545): one stable UID per event, SEQUENCE rising with every change, and
STATUS:CANCELLED (METHOD:CANCEL for the download) once an event is cancelled."""

from datetime import UTC, timedelta

from django.utils import timezone
from icalendar import Calendar, Event

from intranet.calendars import uid_domain

PRODID = "-//Plein//Agenda//NL"


def uid(event):
    kind = "team-event" if getattr(event, "team_id", None) else "event"
    return f"plein-{kind}-{event.pk}@{uid_domain()}"


def component(event, url=""):
    item = Event()
    item.add("uid", uid(event))
    item.add("dtstamp", timezone.now().astimezone(UTC))
    if event.all_day:
        first = timezone.localtime(event.start).date()
        last = timezone.localtime(event.end).date()
        item.add("dtstart", first)
        item.add("dtend", last + timedelta(days=1))  # DTEND of a date is exclusive
    else:
        item.add("dtstart", event.start.astimezone(UTC))
        item.add("dtend", event.end.astimezone(UTC))
    item.add("summary", event.title)
    where = event.where
    if where:
        item.add("location", where)
    description = event.description
    if event.online_link:
        description = f"{description}\n\n{event.online_link}".strip()
        item.add("url", event.online_link)
    elif url:
        item.add("url", url)
    if description:
        item.add("description", description)
    item.add("sequence", event.sequence)
    item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    return item


def calendar(events, url_of=lambda event: ""):
    """The "Toevoegen aan agenda" download: METHOD:PUBLISH, or CANCEL for a cancelled event."""
    document = Calendar()
    document.add("prodid", PRODID)
    document.add("version", "2.0")
    cancelled = bool(events) and all(e.is_cancelled for e in events)
    document.add("method", "CANCEL" if cancelled else "PUBLISH")
    for event in events:
        document.add_component(component(event, url_of(event)))
    return document.to_ical()
