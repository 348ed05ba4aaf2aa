"""Event actions: team events by their admins, the room booked, moved and freed with the event."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from agenda import services, signups
from agenda.models import Signup
from rooms.models import Booking
from social.models import Notification
from tests.rooms.conftest import at


def _data(room=None, day=None, start="10:00", end="12:00", **extra):
    data = {
        "title": "Teamoverleg op locatie",
        "start": at(day, start),
        "end": at(day, end),
        "all_day": False,
        "place": "",
        "room": room,
        "online_link": "",
        "description": "",
        "signup_enabled": True,
        "capacity": 4,
        "signup_deadline": None,
        "waiting_list": True,
    }
    data.update(extra)
    return data


def test_only_team_admins_plan_team_events(make_team, make_user, day):
    team = make_team()
    member = make_user("lid")
    with pytest.raises(PermissionDenied):
        services.create_team_event(member, team, **_data(day=day))


def test_a_room_event_books_the_room_and_moving_it_moves_the_booking(make_team, organiser, room, day):
    team = make_team()
    event = services.create_team_event(organiser, team, **_data(room=room, day=day))
    booking = Booking.objects.get()
    assert event.booking_id == booking.pk and booking.room == room
    assert (booking.start, booking.end) == (at(day, "10:00"), at(day, "12:00"))
    services.update_team_event(organiser, event, **_data(room=room, day=day, start="14:00", end="15:00"))
    booking.refresh_from_db()
    assert Booking.objects.count() == 1
    assert (booking.start, booking.end) == (at(day, "14:00"), at(day, "15:00"))
    event.refresh_from_db()
    assert event.sequence == 1


def test_the_room_cannot_be_double_booked_by_an_event(make_team, organiser, room, day):
    from rooms.services import book_room

    book_room(organiser=organiser.person, room=room, title="Bezet", start=at(day, "10:00"), end=at(day, "11:00"))
    with pytest.raises(ValidationError) as caught:
        services.create_team_event(organiser, make_team(), **_data(room=room, day=day))
    assert "room" in caught.value.message_dict
    assert Booking.objects.count() == 1
    from agenda.models import TeamEvent

    assert not TeamEvent.objects.exists()  # all or nothing


def test_cancelling_frees_the_room_and_tells_those_signed_up(make_team, organiser, make_user, room, day):
    team = make_team()
    event = services.create_team_event(organiser, team, **_data(room=room, day=day))
    guest = make_user("gast")
    signups.respond(guest, event, Signup.Status.GOING)
    services.cancel_event(organiser, event)
    event.refresh_from_db()
    assert event.is_cancelled and event.booking_id is None
    assert not Booking.objects.exists()
    assert event.sequence == 1
    assert Notification.objects.filter(recipient=guest, target_object_id=event.pk).exists()


def test_removing_the_room_frees_the_booking(make_team, organiser, room, day):
    event = services.create_team_event(organiser, make_team(), **_data(room=room, day=day))
    services.update_team_event(organiser, event, **_data(day=day, place="Café De Kroon"))
    assert not Booking.objects.exists()


def test_capacity_over_the_room_and_room_all_day_are_refused(make_team, organiser, room, day):
    with pytest.raises(ValidationError) as caught:
        services.create_team_event(organiser, make_team(), **_data(room=room, day=day, capacity=50))
    assert "capacity" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        services.create_team_event(organiser, make_team("Ander"), **_data(room=room, day=day, all_day=True))
    assert "all_day" in caught.value.message_dict


def test_raising_the_capacity_moves_the_waiting_list_up(make_team, organiser, make_user, day):
    event = services.create_team_event(organiser, make_team(), **_data(day=day, capacity=1))
    first, second = make_user("eerste"), make_user("tweede")
    signups.respond(first, event, Signup.Status.GOING)
    assert signups.respond(second, event, Signup.Status.GOING) == Signup.Status.WAITING
    services.update_team_event(organiser, event, **_data(day=day, capacity=2))
    assert signups.my_status(second, event) == Signup.Status.GOING


def test_an_event_page_books_its_room_on_publish_and_frees_it_on_unpublish(make_event, organiser, room, day):
    page = make_event(
        title="Raadsinformatie", start=at(day, "13:00"), hours=1, room=room, organisers=[organiser.person]
    )
    assert Booking.objects.get().pk == page.booking_id
    assert Booking.objects.get().organiser == organiser.person
    page.start, page.end = at(day, "15:00"), at(day, "16:00")
    page.save_revision(user=organiser).publish()
    booking = Booking.objects.get()
    assert booking.start == at(day, "15:00")
    page.refresh_from_db()
    page.unpublish()
    assert not Booking.objects.exists()


def test_messages_to_attendees_are_rate_limited(make_team, organiser, make_user, day, settings):
    settings.THROTTLE_LIMITS = {"event_message": {"minute": 1}}
    event = services.create_team_event(organiser, make_team(), **_data(day=day))
    guest = make_user("gast")
    signups.respond(guest, event, Signup.Status.GOING)
    assert len(services.message_attendees(organiser, event, "Neem een fiets mee")) == 1
    with pytest.raises(ValidationError):
        services.message_attendees(organiser, event, "Nog een keer")
    with pytest.raises(PermissionDenied):
        services.message_attendees(guest, event, "Ik ben geen organisator")


def test_reminders_the_day_before_once(make_event, make_user):
    from django.utils import timezone

    from agenda import reminders

    tomorrow = timezone.localtime() + timedelta(days=1)
    event = make_event(signup_enabled=True, start=tomorrow.replace(hour=10, minute=0, second=0, microsecond=0))
    later = make_event(signup_enabled=True)
    guest = make_user("gast")
    signups.respond(guest, event, Signup.Status.GOING)
    signups.respond(guest, later, Signup.Status.GOING)
    assert reminders.send() == 1
    assert reminders.send() == 0
    assert Notification.objects.filter(recipient=guest, target_object_id=event.pk).count() == 1


def test_publishing_an_older_revision_keeps_the_booking_sequence_and_cancellation(
    make_event, organiser, room, other_room, day
):
    page = make_event(
        title="Raadsinformatie", start=at(day, "13:00"), hours=1, room=room, organisers=[organiser.person]
    )
    old = page.get_latest_revision()
    page.room = other_room
    page.save_revision(user=organiser).publish()
    page.refresh_from_db()
    assert Booking.objects.get().room == other_room
    services.cancel_event(organiser, page)
    sequence = type(page).objects.get(pk=page.pk).sequence
    assert not Booking.objects.exists()
    old.publish()  # an editor restores the first version
    page = type(page).objects.get(pk=page.pk)
    assert page.is_cancelled and page.booking_id is None and page.sequence > sequence
    assert not Booking.objects.exists()


def test_a_new_time_on_a_published_event_page_tells_those_signed_up(make_event, make_user, organiser):
    page = make_event(title="Borrel", signup_enabled=True, organisers=[organiser.person])
    guest = make_user("gast")
    signups.respond(guest, page, Signup.Status.GOING)
    page.description = "Met hapjes"
    page.save_revision(user=organiser).publish()
    assert not Notification.objects.filter(recipient=guest).exists()  # only the text changed
    page.start += timedelta(days=1)
    page.end += timedelta(days=1)
    page.save_revision(user=organiser).publish()
    assert "Gewijzigd" in Notification.objects.get(recipient=guest).title


@pytest.mark.parametrize("kind", ["closed", "private"])
def test_a_room_booked_for_a_hidden_team_event_shows_a_neutral_title_to_everyone(
    make_team, organiser, make_user, room, day, client, kind
):
    """The rooms' day view, a room's feed and the rooms admin are open to every employee: a closed or
    private team's event books its room as "Besloten bijeenkomst", never under its own title."""
    team = make_team("Reorganisatie ICT", kind)
    services.create_team_event(organiser, team, **_data(room=room, day=day, title="Geheim ontslag Jansen"))
    booking = Booking.objects.get()
    assert booking.title == "Besloten bijeenkomst"
    client.force_login(make_user("buitenstaander"))
    html = client.get("/zalen/", {"building": room.building_id, "date": day.isoformat()}).content.decode()
    assert "Besloten bijeenkomst" in html and "Geheim ontslag" not in html


def test_an_open_team_event_books_under_its_own_title(make_team, organiser, room, day):
    services.create_team_event(organiser, make_team(), **_data(room=room, day=day, title="Fotowandeling"))
    assert Booking.objects.get().title == "Fotowandeling"


def test_moving_an_event_again_and_again_stops_the_notices_not_the_change(
    make_team, organiser, make_user, room, day, settings
):
    settings.THROTTLE_LIMITS = {**settings.THROTTLE_LIMITS, "event_change": {"hour": 2}}
    team = make_team()
    event = services.create_team_event(organiser, team, **_data(day=day))
    attendee = make_user("deelnemer")
    signups.respond(attendee, event, Signup.Status.GOING)
    before = Notification.objects.filter(recipient=attendee).count()
    for hour in ("13", "14", "15", "16"):
        services.update_team_event(organiser, event, **_data(day=day, start=f"{hour}:00", end=f"{hour}:30"))
    event.refresh_from_db()
    assert event.start == at(day, "16:00")
    assert Notification.objects.filter(recipient=attendee).count() - before == 2
