"""Booking a meeting room in a real browser, and axe-core on every room page type."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from rooms.models import Booking, Building, Room
from tests.e2e.conftest import DESKTOP, PHONE
from tests.factories import PersonFactory


def future_monday():
    today = timezone.localdate()
    return today + timedelta(days=(0 - today.weekday()) % 7 + 14)


@pytest.fixture
def setting(transactional_db):
    building = Building.objects.create(name="Stadhuis", opens_at=time(8), closes_at=time(18))
    room = Room.objects.create(building=building, name="Zaal Amstel", capacity=6, has_screen=True)
    Room.objects.create(building=building, name="Zaal IJssel", capacity=10, has_video=True)
    person = PersonFactory(first_name="Sanne", last_name="Boer", user__username="sanne")
    other = PersonFactory(first_name="Ahmed", last_name="Yilmaz", user__username="ahmed")
    day = future_monday()
    start = timezone.make_aware(datetime.combine(day, time(9)))
    Booking.objects.create(room=room, organiser=other, title="Teamoverleg", start=start, end=start + timedelta(hours=1))
    return {"person": person, "room": room, "day": day, "building": building}


def day_url(setting):
    return f"/zalen/?building={setting['building'].pk}&date={setting['day'].isoformat()}"


def test_book_a_room_from_the_day_view(new_page, setting, assert_accessible):
    page = new_page(user=setting["person"].user)
    page.goto(day_url(setting))
    assert page.locator("h1").inner_text() == "Vergaderzalen"
    assert page.get_by_role("cell", name="Bezet: Teamoverleg").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Zaal Amstel reserveren om 10:00").click()
    page.wait_for_url("**/zalen/reserveren/**")
    assert page.get_by_label("Begintijd").input_value() == "10:00"
    assert page.get_by_label("Eindtijd").input_value() == "11:00"
    assert_accessible(page)
    page.get_by_label("Titel").fill("Sprintplanning")
    page.get_by_role("button", name="Reserveren").click()
    page.wait_for_url("**/zalen/mijn-reserveringen/")
    assert "Zaal Amstel is gereserveerd op" in page.locator(".messages").inner_text()
    assert page.get_by_role("rowheader", name="Sprintplanning").is_visible()
    assert_accessible(page)
    booking = Booking.objects.get(title="Sprintplanning")
    assert booking.room == setting["room"] and booking.organiser == setting["person"]

    # The day view now shows the new meeting as busy, in words.
    page.goto(day_url(setting))
    assert page.get_by_role("cell", name="Bezet: Sprintplanning").is_visible()


def test_a_conflict_in_the_browser_keeps_the_input_and_offers_alternatives(new_page, setting, assert_accessible):
    page = new_page(user=setting["person"].user)
    page.goto(f"/zalen/reserveren/?room={setting['room'].pk}&date={setting['day'].isoformat()}&start=09:00")
    page.get_by_label("Titel").fill("Mijn overleg")
    page.get_by_role("button", name="Reserveren").click()
    expect(page.get_by_role("alert")).to_contain_text("al gereserveerd")
    assert page.get_by_label("Titel").input_value() == "Mijn overleg"
    assert page.get_by_role("link", name="Zaal IJssel in Stadhuis (10 personen), zelfde tijd").is_visible()
    assert_accessible(page)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_room_pages_are_accessible(new_page, setting, assert_accessible, viewport):
    page = new_page(user=setting["person"].user, viewport=viewport)
    for url in [
        day_url(setting),
        f"/zalen/reserveren/?room={setting['room'].pk}",
        f"/zalen/zoeken/?date={setting['day'].isoformat()}&start_time=10:00&end_time=11:00&people=2",
        "/zalen/mijn-reserveringen/",
    ]:
        page.goto(url)
        assert page.locator("h1").count() == 1
        assert_accessible(page)


def test_booking_form_errors_are_accessible_on_a_phone(new_page, setting, assert_accessible):
    page = new_page(user=setting["person"].user, viewport=PHONE)
    page.goto(f"/zalen/reserveren/?room={setting['room'].pk}&date={setting['day'].isoformat()}&start=12:00&end=11:00")
    page.get_by_label("Titel").fill("Omgekeerd")
    page.get_by_role("button", name="Reserveren").click()
    expect(page.locator("#id_end_time_error")).to_contain_text("De eindtijd moet na de begintijd liggen.")
    assert_accessible(page)
