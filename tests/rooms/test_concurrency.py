"""Never double-booked: many people clicking at once, and the database's own guarantee."""

import threading
from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, connections, transaction

from rooms import services
from rooms.models import Booking
from tests.conftest import is_postgres
from tests.factories import PersonFactory
from tests.races import race
from tests.rooms.conftest import at

ATTEMPTS = 50
postgres_only = pytest.mark.skipif(
    not is_postgres(),
    reason="needs PostgreSQL: SQLite's test database cannot serve 50 threads with their own connections",
)


@pytest.mark.postgres
@postgres_only
@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_attempts_make_exactly_one_booking(room, day):
    people = PersonFactory.create_batch(ATTEMPTS)
    start, end = at(day, "10:00"), at(day, "11:00")

    def attempt(person):
        try:
            services.book_room(organiser=person, room=room, title=f"Poging {person.pk}", start=start, end=end)
        except services.BookingConflict as conflict:
            return conflict.message
        return "booked"

    outcomes = race(attempt, people)  # anything but a booking or a refusal comes back as "error: ..."
    assert len(outcomes) == ATTEMPTS
    assert outcomes.count("booked") == 1, [o for o in outcomes if o != "booked"][:3]
    refusals = [o for o in outcomes if o != "booked"]
    assert len(refusals) == ATTEMPTS - 1
    assert all("Zaal Amstel is op dat moment al gereserveerd" in o for o in refusals), refusals[:3]
    assert Booking.objects.count() == 1


@pytest.mark.postgres
@postgres_only
@pytest.mark.django_db
def test_postgresql_itself_refuses_an_overlap_that_skips_the_service(person, room, day):
    Booking.objects.create(room=room, organiser=person, title="Eerste", start=at(day, "10:00"), end=at(day, "11:00"))
    with pytest.raises(IntegrityError, match="rooms_booking_no_overlap"), transaction.atomic():
        Booking.objects.create(
            room=room, organiser=person, title="Tweede", start=at(day, "10:59"), end=at(day, "12:00")
        )
    # Touching ends are no overlap: half-open ranges.
    Booking.objects.create(room=room, organiser=person, title="Derde", start=at(day, "11:00"), end=at(day, "12:00"))


@pytest.mark.django_db(transaction=True)
def test_two_threads_on_this_database_never_both_book(room, day):
    """On SQLite too: each thread in its own connection, the room lock lets only one through."""
    if not is_postgres() and connections["default"].settings_dict["NAME"].startswith("file:memorydb"):
        pytest.skip("SQLite in-memory test database is shared by one connection; threads cannot race on it")
    people = PersonFactory.create_batch(2)
    results = []

    def attempt(person):
        try:
            services.book_room(
                organiser=person,
                room=room,
                title="x",
                start=at(day, "09:00"),
                end=at(day, "09:00") + timedelta(hours=1),
            )
            results.append("booked")
        except services.BookingConflict:
            results.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["booked", "refused"]


@pytest.mark.django_db
def test_the_room_is_locked_before_the_overlap_check(person, room, day):
    """SQLite ignores FOR UPDATE: there a write must open the transaction so a second booker waits."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        services.book_room(organiser=person, room=room, title="x", start=at(day, "09:00"), end=at(day, "10:00"))
    statements = [q["sql"] for q in captured.captured_queries if "SAVEPOINT" not in q["sql"]]
    first_room_query = next(i for i, sql in enumerate(statements) if '"rooms_' in sql)
    check = next(i for i, sql in enumerate(statements) if 'FROM "rooms_booking"' in sql)
    lock = statements[first_room_query]
    if is_postgres():
        assert lock.startswith('SELECT "rooms_room"."id"') and lock.endswith("FOR UPDATE")
    else:
        assert lock.startswith('UPDATE "rooms_room"')
    assert first_room_query < check
