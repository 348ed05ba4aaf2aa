"""Facilitair's admin, the data migration that makes its group, and the demo seeder."""

import io

import pytest
from django.contrib.auth.models import Group

from intranet.seeding import SeedContext
from rooms import seed as rooms_seed
from rooms.models import Booking, Building, Room

pytestmark = pytest.mark.django_db


def test_facilitair_group_can_manage_rooms_in_the_admin():
    group = Group.objects.get(name="Facilitair")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"add_building", "change_room", "delete_booking", "access_admin"} <= codenames


def test_facilitair_member_sees_the_room_admin(client, facilitair_user, room):
    client.force_login(facilitair_user)
    for url in ["/admin/rooms/building/", "/admin/rooms/room/", "/admin/rooms/booking/"]:
        response = client.get(url)
        assert response.status_code == 200, url
    assert "Zaal Amstel" in client.get("/admin/rooms/room/").content.decode()
    # Bookings are made through the front end only, where the overlap rules live.
    assert client.get("/admin/rooms/booking/create/").status_code in (302, 403)


def test_an_ordinary_employee_has_no_room_admin(employee_client):
    response = employee_client.get("/admin/rooms/room/")
    assert response.status_code in (302, 403)


def test_facilitair_adds_a_building_with_opening_hours(client, facilitair_user):
    client.force_login(facilitair_user)
    response = client.post(
        "/admin/rooms/building/create/",
        {"name": "Bibliotheek", "address": "Plein 3", "opens_at": "08:00", "closes_at": "17:30"},
    )
    assert response.status_code == 302
    assert str(Building.objects.get(name="Bibliotheek").closes_at) == "17:30:00"


def test_seed_is_deterministic_and_safe_to_run_twice(person):
    from people.models import Location

    Location.objects.create(name="Stadhuis")
    context = SeedContext(size=10, stdout=io.StringIO())
    rooms_seed.seed(context)
    rooms, bookings = Room.objects.count(), list(Booking.objects.values_list("room__name", "start", "title"))
    assert rooms == 20 and Building.objects.count() == 3
    assert Building.objects.get(name="Stadhuis").location.name == "Stadhuis"
    assert bookings
    rooms_seed.seed(context)
    assert Room.objects.count() == rooms
    assert list(Booking.objects.values_list("room__name", "start", "title")) == bookings


def test_bench_pages_exist_after_seeding(employee_client, person):
    from rooms.bench import bench_pages

    rooms_seed.seed(SeedContext(size=10, stdout=io.StringIO()))
    for label, path in bench_pages():
        assert employee_client.get(path).status_code == 200, label


def test_deleting_in_the_admin_cancels_and_tells_the_attendees(
    client, facilitair_user, person, colleague, room, day, django_capture_on_commit_callbacks
):
    from django.core import mail

    from rooms import services
    from tests.rooms.conftest import at

    [booking] = services.book_room(
        organiser=person, room=room, title="Heidag", start=at(day, "10:00"), end=at(day, "11:00"), attendees=[colleague]
    )
    client.force_login(facilitair_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/rooms/booking/delete/{booking.pk}/")
    assert response.status_code == 302
    assert not Booking.objects.exists()
    assert [m.subject for m in mail.outbox] == ["Geannuleerd: Heidag"]
