"""iCalendar feeds: reachable without a session, only with the person's secret, which can be reset."""

import pytest
from django.test import Client
from icalendar import Calendar

from rooms import services
from rooms.models import CalendarFeed
from tests.rooms.conftest import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def feed(person):
    return services.feed_token(person)


def person_url(feed, token=None):
    return f"/zalen/agenda/{feed.person_id}/{token or feed.token}/reserveringen.ics"


def test_token_is_long_and_random(feed, colleague):
    other = services.feed_token(colleague)
    assert len(feed.token) >= 40 and feed.token != other.token


def test_person_feed_is_valid_icalendar_without_a_session(client, feed, person, colleague, room, day):
    services.book_room(organiser=person, room=room, title="Eigen overleg", start=at(day, "10:00"), end=at(day, "11:00"))
    services.book_room(
        organiser=colleague,
        room=room,
        title="Uitgenodigd",
        start=at(day, "13:00"),
        end=at(day, "14:00"),
        attendees=[person],
    )
    services.book_room(
        organiser=colleague, room=room, title="Van een ander", start=at(day, "15:00"), end=at(day, "16:00")
    )
    response = client.get(person_url(feed))  # no login: calendar clients carry no session
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["version"]) == "2.0"
    events = calendar.walk("VEVENT")
    assert sorted(str(e["summary"]) for e in events) == ["Eigen overleg", "Uitgenodigd"]
    first = next(e for e in events if str(e["summary"]) == "Eigen overleg")
    assert first.decoded("dtstart") == at(day, "10:00") and first.decoded("dtend") == at(day, "11:00")
    assert str(first["location"]) == "Zaal Amstel, Stadhuis"
    assert str(first["uid"]).startswith("plein-booking-")


def test_room_feed_lists_all_bookings_of_the_room(client, feed, person, colleague, room, other_room, day):
    services.book_room(organiser=colleague, room=room, title="In Amstel", start=at(day, "10:00"), end=at(day, "11:00"))
    services.book_room(
        organiser=colleague, room=other_room, title="In IJssel", start=at(day, "10:00"), end=at(day, "11:00")
    )
    response = client.get(f"/zalen/agenda/{feed.person_id}/{feed.token}/zaal-{room.pk}.ics")
    assert response.status_code == 200
    assert [str(e["summary"]) for e in Calendar.from_ical(response.content).walk("VEVENT")] == ["In Amstel"]


@pytest.mark.parametrize("token", ["verkeerd", "x" * 43, ""])
def test_a_wrong_token_is_not_found(client, feed, room, token):
    assert client.get(person_url(feed, token or "a")).status_code == 404
    assert client.get(f"/zalen/agenda/{feed.person_id}/{token or 'a'}/zaal-{room.pk}.ics").status_code == 404


def test_another_persons_id_with_my_token_is_not_found(client, feed, colleague):
    services.feed_token(colleague)
    assert client.get(f"/zalen/agenda/{colleague.pk}/{feed.token}/reserveringen.ics").status_code == 404


def test_reset_invalidates_the_old_url(employee_client, feed):
    anonymous = Client()  # a calendar client: no session at all
    old = person_url(feed)
    assert anonymous.get(old).status_code == 200
    response = employee_client.post("/zalen/agenda/nieuwe-link/")
    assert response.status_code == 302
    html = employee_client.get("/zalen/mijn-reserveringen/").content.decode()
    new = CalendarFeed.objects.get(person=feed.person)
    assert "Je agendalinks zijn vernieuwd" in html and new.token in html and feed.token not in html
    assert new.token != feed.token
    assert anonymous.get(old).status_code == 404
    assert anonymous.get(person_url(new)).status_code == 200


def test_reset_needs_a_post(employee_client, feed):
    assert employee_client.get("/zalen/agenda/nieuwe-link/").status_code == 405
    assert CalendarFeed.objects.get().token == feed.token


def test_inactive_people_lose_their_feed(client, feed, person):
    person.is_active = False
    person.save()
    assert client.get(person_url(feed)).status_code == 404


@pytest.mark.parametrize("room_id", ["9" * 25, "9" * 12])
def test_a_room_number_beyond_the_databases_range_is_not_found(client, feed, room_id):
    """The number sits inside a segment (zaal-<int>.ics), where the path check does not look."""
    assert client.get(f"/zalen/agenda/{feed.person_id}/{feed.token}/zaal-{room_id}.ics").status_code == 404
