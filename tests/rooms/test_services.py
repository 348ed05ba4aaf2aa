"""Booking rules, conflicts, recurrence, change and cancel: the service layer every view relies on."""

import smtplib
from datetime import UTC, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings

from rooms import selectors, services
from rooms.models import Booking
from tests.factories import PersonFactory
from tests.rooms.conftest import at

pytestmark = pytest.mark.django_db


def book(person, room, day, start="10:00", end="11:00", **kwargs):
    return services.book_room(
        organiser=person,
        room=room,
        title=kwargs.pop("title", "Overleg"),
        start=at(day, start),
        end=at(day, end),
        **kwargs,
    )


def errors_of(excinfo):
    return {field: [str(m) for m in messages] for field, messages in excinfo.value.message_dict.items()}


def test_booking_a_free_room(person, room, day):
    [booking] = book(person, room, day)
    assert Booking.objects.get().pk == booking.pk
    assert booking.organiser == person and booking.series is None


def test_an_overlapping_booking_is_refused_with_alternatives(person, colleague, room, other_room, day):
    book(colleague, room, day, "10:00", "11:00")
    with pytest.raises(services.BookingConflict) as excinfo:
        book(person, room, day, "10:30", "11:30")
    assert "Zaal Amstel is op dat moment al gereserveerd" in excinfo.value.message
    assert "10:00–11:00" in excinfo.value.message
    assert "Er is niets gereserveerd" in excinfo.value.message
    found = excinfo.value.alternatives
    assert found.rooms == [other_room]
    assert found.next_start == at(day, "11:00")  # the same room, right after the other meeting
    assert Booking.objects.count() == 1


@pytest.mark.parametrize(("start", "end"), [("09:00", "10:00"), ("11:00", "12:00")])
def test_back_to_back_bookings_are_fine(person, colleague, room, day, start, end):
    book(colleague, room, day, "10:00", "11:00")
    book(person, room, day, start, end)
    assert Booking.objects.count() == 2


def test_the_same_time_in_another_room_is_fine(person, colleague, room, other_room, day):
    book(colleague, room, day)
    book(person, other_room, day)
    assert Booking.objects.count() == 2


def test_next_free_start_skips_busy_time_and_closing_time(person, colleague, room, day):
    book(colleague, room, day, "16:00", "19:00")
    later = selectors.next_free_start(room, at(day, "17:00"), at(day, "19:00"))
    # 16:00-19:00 is taken and the building closes at 19:00: the next morning at opening time.
    assert later == at(day + timedelta(days=1), "07:00")


@pytest.mark.parametrize(
    ("start", "end", "field", "message"),
    [
        ("11:00", "10:00", "end_time", "De eindtijd moet na de begintijd liggen."),
        ("06:00", "08:00", "start_time", "Stadhuis is open van 07:00 tot 19:00."),
        ("18:00", "20:00", "end_time", "Stadhuis is open van 07:00 tot 19:00."),
        ("08:00", "17:00", "end_time", "Een reservering duurt hoogstens 8 uur."),
        ("10:10", "11:00", "start_time", "Kies een tijd op een heel kwartier, zoals 09:00 of 09:15."),
    ],
)
def test_bad_times_are_refused_next_to_the_field(person, room, day, start, end, field, message):
    with pytest.raises(ValidationError) as excinfo:
        book(person, room, day, start, end)
    assert message in errors_of(excinfo)[field]
    assert not Booking.objects.exists()


def test_a_time_in_the_past_is_refused(person, room, day):
    with pytest.raises(ValidationError) as excinfo:
        book(person, room, day - timedelta(weeks=4))
    assert "Dit tijdstip is al voorbij. Kies een tijd in de toekomst." in errors_of(excinfo)["start_time"]


def test_a_closed_day_is_refused(person, room, day):
    saturday = day + timedelta(days=5)
    with pytest.raises(ValidationError) as excinfo:
        book(person, room, saturday)
    assert errors_of(excinfo)["date"] == ["Stadhuis is op deze dag gesloten."]


@override_settings(ROOMS_MAX_BOOKING_DURATION=timedelta(hours=1))
def test_the_maximum_duration_is_a_setting(person, room, day):
    with pytest.raises(ValidationError) as excinfo:
        book(person, room, day, "10:00", "11:15")
    assert errors_of(excinfo)["end_time"] == ["Een reservering duurt hoogstens 1 uur."]


def test_more_people_than_the_room_holds_is_refused(person, room, day):
    guests = PersonFactory.create_batch(6)  # with the organiser: 7 in a room for 6
    with pytest.raises(ValidationError) as excinfo:
        book(person, room, day, attendees=guests)
    assert errors_of(excinfo)["attendees"] == [
        "In Zaal Amstel passen 6 personen; met jou erbij telt deze reservering 7 personen."
    ]
    book(person, room, day, attendees=guests[:5])  # exactly full is fine
    assert Booking.objects.get().attendees.count() == 5


def test_an_inactive_room_cannot_be_booked(person, room, day):
    room.is_active = False
    room.save()
    with pytest.raises(ValidationError) as excinfo:
        book(person, room, day)
    assert errors_of(excinfo)["room"] == ["Deze zaal is niet te reserveren."]


def test_weekly_series_books_every_week_up_to_the_end_date(person, room, day):
    bookings = book(person, room, day, repeat_until=day + timedelta(weeks=3))
    assert [b.start for b in bookings] == [at(day + timedelta(weeks=w), "10:00") for w in range(4)]
    assert len({b.series for b in bookings}) == 1 and bookings[0].series is not None


def test_weekly_series_keeps_the_wall_clock_time_across_daylight_saving(person, room):
    from datetime import date

    from rooms.services import weekly_occurrences

    # The clocks go back on 25 October 2026: a 10:00 meeting stays at 10:00 local time.
    slots = weekly_occurrences(at(date(2026, 10, 19), "10:00"), at(date(2026, 10, 19), "11:00"), date(2026, 10, 26))
    assert slots[1][0] == at(date(2026, 10, 26), "10:00")
    assert slots[1][0].astimezone(UTC) - slots[0][0].astimezone(UTC) == timedelta(weeks=1, hours=1)


def test_a_series_with_conflicts_books_nothing_and_lists_the_dates(person, colleague, room, day):
    book(colleague, room, day + timedelta(weeks=1), "10:30", "11:00")
    book(colleague, room, day + timedelta(weeks=3), "09:00", "10:15")
    with pytest.raises(services.BookingConflict) as excinfo:
        book(person, room, day, repeat_until=day + timedelta(weeks=4))
    assert len(excinfo.value.dates) == 2
    message = excinfo.value.message
    assert message.startswith("Zaal Amstel is al gereserveerd op: ")
    assert f"{(day + timedelta(weeks=1)).day} " in message and f"{(day + timedelta(weeks=3)).day} " in message
    assert Booking.objects.filter(organiser=person).count() == 0


def test_a_series_end_before_its_start_is_refused(person, room, day):
    with pytest.raises(ValidationError) as excinfo:
        book(person, room, day, repeat_until=day - timedelta(days=1))
    assert "repeat_until" in excinfo.value.message_dict


def test_organiser_changes_a_booking(person, room, other_room, day, employee):
    [booking] = book(person, room, day)
    services.change_booking(
        user=employee,
        booking=booking,
        room=other_room,
        title="Verplaatst",
        start=at(day, "14:00"),
        end=at(day, "15:00"),
    )
    booking.refresh_from_db()
    assert (booking.room, booking.title, booking.start) == (other_room, "Verplaatst", at(day, "14:00"))


def test_a_booking_may_be_shortened_in_place(person, room, day, employee):
    [booking] = book(person, room, day, "10:00", "12:00")
    services.change_booking(
        user=employee, booking=booking, room=room, title="x", start=at(day, "10:00"), end=at(day, "11:00")
    )
    assert Booking.objects.get().end == at(day, "11:00")


def test_changing_into_a_taken_slot_is_refused(person, colleague, room, day, employee):
    [mine] = book(person, room, day, "09:00", "10:00")
    book(colleague, room, day, "11:00", "12:00")
    with pytest.raises(services.BookingConflict):
        services.change_booking(
            user=employee, booking=mine, room=room, title="x", start=at(day, "10:30"), end=at(day, "11:30")
        )
    mine.refresh_from_db()
    assert mine.start == at(day, "09:00")


def test_only_organiser_or_facilitair_may_change_or_cancel(person, colleague, room, day, facilitair_user):
    [booking] = book(person, room, day)
    stranger = colleague.user
    with pytest.raises(PermissionDenied):
        services.change_booking(
            user=stranger, booking=booking, room=room, title="x", start=booking.start, end=booking.end
        )
    with pytest.raises(PermissionDenied):
        services.cancel_booking(user=stranger, booking=booking)
    services.change_booking(
        user=facilitair_user, booking=booking, room=room, title="Door Facilitair", start=booking.start, end=booking.end
    )
    assert Booking.objects.get().title == "Door Facilitair"
    assert services.cancel_booking(user=facilitair_user, booking=booking) == 1
    assert not Booking.objects.exists()


def test_cancel_one_occurrence_or_the_rest_of_the_series(person, room, day, employee):
    bookings = book(person, room, day, repeat_until=day + timedelta(weeks=4))
    assert services.cancel_booking(user=employee, booking=bookings[0]) == 1
    assert services.cancel_booking(user=employee, booking=bookings[2], whole_series=True) == 3
    assert list(Booking.objects.all()) == [bookings[1]]


def test_attendees_get_an_ics_invitation_after_commit(person, colleague, room, day, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        book(person, room, day, attendees=[colleague], title="Begroting 2027")
    [message] = mail.outbox
    assert message.to == ["ahmed@gemeente.example"]
    assert message.subject == "Uitnodiging: Begroting 2027"
    filename, content, mimetype = message.attachments[0]
    assert filename.endswith(".ics") and mimetype.startswith("text/calendar; method=REQUEST")
    from icalendar import Calendar

    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["summary"]) == "Begroting 2027"
    assert event.decoded("dtstart") == at(day, "10:00")


def test_a_failing_mail_server_never_loses_the_booking(
    person, colleague, room, day, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def broken(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("mail server down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", broken)
    with django_capture_on_commit_callbacks(execute=True):
        book(person, room, day, attendees=[colleague])
    assert Booking.objects.count() == 1
    assert "Mail batch stopped after 0 of 1" in caplog.text
    assert mail.outbox == []


def test_no_mail_is_sent_when_the_booking_fails(person, colleague, room, day, django_capture_on_commit_callbacks):
    book(colleague, room, day)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(services.BookingConflict):
        book(person, room, day, attendees=[colleague])
    assert mail.outbox == []


def test_cancelling_tells_the_attendees(person, colleague, room, day, employee, django_capture_on_commit_callbacks):
    [booking] = book(person, room, day, attendees=[colleague], title="Heidag")
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_booking(user=employee, booking=booking)
    assert [m.subject for m in mail.outbox] == ["Geannuleerd: Heidag"]
    assert "METHOD:CANCEL" in str(mail.outbox[0].attachments[0][1])


def test_the_organiser_is_not_counted_twice_as_attendee(person, room, day):
    [booking] = book(person, room, day, attendees=[person, person])
    assert booking.attendees.count() == 0
