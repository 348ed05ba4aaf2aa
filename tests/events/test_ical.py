"""Calendar: the per-event download (stable UID, SEQUENCE rising, CANCEL when cancelled) and the
events one signed up for in the personal feed beside the room bookings."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from agenda import services, signups
from agenda.models import Signup
from rooms import services as room_services

pytestmark = pytest.mark.django_db


def _events(content):
    return [c for c in Calendar.from_ical(content).walk("VEVENT")]


def test_the_download_and_its_updates(client, organiser, make_team, make_team_event):
    event = make_team_event(
        make_team(), title="Fotowandeling", place="Vondelpark", online_link="https://meet.example/x"
    )
    client.force_login(organiser)
    url = reverse("events:ics", args=["team", event.pk])
    first = client.get(url)
    assert first["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(first.content)
    assert calendar["METHOD"] == "PUBLISH"
    [item] = _events(first.content)
    assert str(item["SUMMARY"]) == "Fotowandeling" and str(item["LOCATION"]) == "Vondelpark"
    assert item.decoded("DTSTART") == event.start
    uid, sequence = str(item["UID"]), int(item["SEQUENCE"])
    data = {f: getattr(event, f) for f in services.TEAM_EVENT_FIELDS}
    data["start"] += timedelta(hours=1)
    data["end"] += timedelta(hours=1)
    services.update_team_event(organiser, event, **data)
    [moved] = _events(client.get(url).content)
    assert str(moved["UID"]) == uid and int(moved["SEQUENCE"]) > sequence
    services.cancel_event(organiser, event)
    cancelled = client.get(url).content
    assert Calendar.from_ical(cancelled)["METHOD"] == "CANCEL"
    [gone] = _events(cancelled)
    assert (
        str(gone["STATUS"]) == "CANCELLED"
        and str(gone["UID"]) == uid
        and int(gone["SEQUENCE"]) > int(moved["SEQUENCE"])
    )


def test_an_all_day_multi_day_event_is_whole_dates(client, organiser, make_team, make_team_event):
    start = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=10)
    event = make_team_event(make_team(), title="Heidag", start=start, all_day=True)
    event.end = start + timedelta(days=1, hours=23)
    event.save()
    client.force_login(organiser)
    [item] = _events(client.get(reverse("events:ics", args=["team", event.pk])).content)
    assert item.decoded("DTSTART") == start.date()
    assert item.decoded("DTEND") == start.date() + timedelta(days=2)


def test_the_personal_feed_holds_bookings_and_signed_up_events_and_cancellations(client, make_event, make_user):
    guest = make_user("gast")
    going = make_event(title="Nieuwjaarsborrel", signup_enabled=True)
    skipped = make_event(title="Saaie sessie", signup_enabled=True)
    signups.respond(guest, going, Signup.Status.GOING)
    signups.respond(guest, skipped, Signup.Status.NOT_GOING)
    feed = room_services.feed_token(guest.person)
    url = reverse("rooms:person_feed", args=[guest.person.pk, feed.token])
    items = {str(i["SUMMARY"]): i for i in _events(client.get(url).content)}
    assert "Nieuwjaarsborrel" in items and "Saaie sessie" not in items
    admin = make_user("beheer")
    admin.is_superuser = True
    admin.save()
    services.cancel_event(admin, going)
    items = {str(i["SUMMARY"]): i for i in _events(client.get(url).content)}
    assert str(items["Nieuwjaarsborrel"]["STATUS"]) == "CANCELLED"
