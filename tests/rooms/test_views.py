"""The room pages as people use them: day view, find, book, my bookings, change and cancel."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from rooms import services
from rooms.models import Booking, Room
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


def room_queries(captured):
    return sum('"rooms_' in query["sql"] for query in captured.captured_queries)


def form_data(room, day, **overrides):
    data = {
        "room": room.pk,
        "title": "Werkoverleg",
        "date": day.isoformat(),
        "start_time": "10:00",
        "end_time": "11:00",
        "attendees": "",
    }
    data.update(overrides)
    return data


def test_pages_need_a_login(client, room):
    for url in ["/zalen/", "/zalen/zoeken/", "/zalen/reserveren/", "/zalen/mijn-reserveringen/"]:
        response = client.get(url)
        assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_day_view_is_an_accessible_table_with_free_and_busy_in_words(employee_client, colleague, room, other_room, day):
    book(colleague, room, day, "10:00", "11:00", title="Begrotingsoverleg")
    response = employee_client.get(f"/zalen/?building={room.building_id}&date={day.isoformat()}")
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "<caption" in html and "Zalen in Stadhuis op" in html
    assert '<th scope="col">Zaal Amstel' in html and '<th scope="col">Zaal IJssel' in html
    assert '<th scope="row">10:00</th>' in html
    assert 'Bezet: <span class="rooms-cell__title">Begrotingsoverleg</span>' in html
    # 10:00-11:00 is four busy quarters of Zaal Amstel; the first names the meeting.
    assert html.count("rooms-cell--busy") == 4
    assert f"/zalen/reserveren/?room={room.pk}&amp;date={day.isoformat()}&amp;start=11:00" in html
    assert f"/zalen/reserveren/?room={room.pk}&amp;date={day.isoformat()}&amp;start=10:00" not in html
    assert "Zaal Amstel reserveren om 11:00" in html  # a link's name says what it books, not only "Vrij"


def test_day_view_escapes_titles(employee_client, colleague, room, day):
    book(colleague, room, day, title="<script>alert(1)</script>")
    html = employee_client.get(f"/zalen/?date={day.isoformat()}").content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_day_view_of_a_past_day_offers_no_booking_and_escapes_room_names(employee_client, building, day):
    Room.objects.create(building=building, name="Zaal <b>Rijn</b>", floor=1, capacity=4)
    future = employee_client.get(f"/zalen/?building={building.pk}&date={day.isoformat()}").content.decode()
    assert "Zaal &lt;b&gt;Rijn&lt;/b&gt; reserveren om 07:00" in future and "<b>Rijn" not in future
    past_day = day - timedelta(days=7 * 60)  # a weekday, long gone
    past = employee_client.get(f"/zalen/?building={building.pk}&date={past_day.isoformat()}").content.decode()
    slots = past.count('<th scope="row">')
    assert slots == 48  # 07:00-19:00 in quarters
    assert past.count("rooms-cell--past") == slots and "/zalen/reserveren/?room=" not in past


def test_day_view_on_a_closed_day_says_so(employee_client, room, day):
    html = employee_client.get(f"/zalen/?date={(day + timedelta(days=5)).isoformat()}").content.decode()
    assert "Stadhuis is op deze dag gesloten." in html


def test_day_view_survives_a_nonsense_date(employee_client, room):
    assert employee_client.get("/zalen/?date=gisteren&building=abc").status_code == 200


@pytest.mark.parametrize("bookings_per_room", [1, 12])
def test_day_view_query_count_is_fixed(
    employee_client, colleague, room, other_room, day, django_assert_max_num_queries, bookings_per_room
):
    for target in (room, other_room):
        for n in range(bookings_per_room):
            start = at(day, "07:00") + timedelta(minutes=45 * n)
            services.book_room(
                organiser=colleague,
                room=target,
                title=f"B{n}",
                start=start,
                end=start + timedelta(minutes=30),
                attendees=[PersonFactory()],
            )
    # The whole page (the shared header included) stays under a fixed ceiling; our own part is exact.
    with django_assert_max_num_queries(24) as captured:
        response = employee_client.get(f"/zalen/?building={room.building_id}&date={day.isoformat()}")
    assert room_queries(captured) == 3  # buildings, rooms, bookings with organisers
    assert response.content.decode().count("rooms-cell--start") == 2 * bookings_per_room


def test_find_a_free_room_by_time_size_and_facility(employee_client, colleague, room, other_room, day):
    big_with_screen = Room.objects.create(building=room.building, name="Raadzaal", capacity=40, has_screen=True)
    book(colleague, room, day)
    html = employee_client.get(
        f"/zalen/zoeken/?date={day.isoformat()}&start_time=10:00&end_time=11:00&people=4&facility=has_screen"
    ).content.decode()
    assert "1 vrije zaal" in html and "Raadzaal" in html
    assert "Zaal Amstel" not in html.split("vrije zaal")[1]  # booked
    assert "Zaal IJssel" not in html.split("vrije zaal")[1]  # no screen
    assert (
        f"/zalen/reserveren/?room={big_with_screen.pk}&amp;date={day.isoformat()}&amp;start=10:00&amp;end=11:00" in html
    )


def test_find_refuses_end_before_start(employee_client, room, day):
    html = employee_client.get(
        f"/zalen/zoeken/?date={day.isoformat()}&start_time=11:00&end_time=10:00&people=2"
    ).content.decode()
    assert "De eindtijd moet na de begintijd liggen." in html


def test_booking_form_is_prefilled_from_the_day_view_link(employee_client, room, day):
    html = employee_client.get(f"/zalen/reserveren/?room={room.pk}&date={day.isoformat()}&start=09:15").content.decode()
    assert f'<option value="{room.pk}" selected>' in html
    assert 'value="09:15"' in html and 'value="10:15"' in html


def test_book_a_room_with_attendees(employee_client, person, colleague, room, day, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = employee_client.post("/zalen/reserveren/", form_data(room, day, attendees="AHMED@gemeente.example"))
    assert response.status_code == 302 and response["Location"] == "/zalen/mijn-reserveringen/"
    booking = Booking.objects.get()
    assert booking.organiser == person and list(booking.attendees.all()) == [colleague]
    assert len(mail.outbox) == 1
    html = employee_client.get(response["Location"]).content.decode()
    assert "Zaal Amstel is gereserveerd op" in html and "Werkoverleg" in html


def test_book_a_weekly_series(employee_client, room, day):
    response = employee_client.post(
        "/zalen/reserveren/", form_data(room, day, repeat_until=(day + timedelta(weeks=2)).isoformat())
    )
    assert response.status_code == 302
    assert Booking.objects.count() == 3
    assert (
        "Zaal Amstel is 3 keer gereserveerd, de eerste keer op"
        in employee_client.get(response["Location"]).content.decode()
    )


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"end_time": "09:00"}, "end_time", "De eindtijd moet na de begintijd liggen."),
        ({"start_time": "06:00"}, "start_time", "Stadhuis is open van 07:00 tot 19:00."),
        ({"end_time": "18:30", "start_time": "09:00"}, "end_time", "Een reservering duurt hoogstens 8 uur."),
        ({"room": "99999"}, "room", "Deze zaal bestaat niet of is niet te reserveren. Kies een andere zaal."),
        ({"room": ""}, "room", "Kies een zaal."),
        (
            {"attendees": "niemand@nergens.example"},
            "attendees",
            "Deze collega&#x27;s kennen we niet: niemand@nergens.example.",
        ),
    ],
)
def test_bad_input_gets_a_dutch_error_next_to_the_field_and_keeps_the_input(
    employee_client, room, day, overrides, field, message
):
    data = {**form_data(room, day, title="Mijn eigen titel"), **overrides}
    response = employee_client.post("/zalen/reserveren/", data)
    assert response.status_code == 200
    html = response.content.decode()
    error_block = html.split(f'id="id_{field}_error"')[1].split("</ul>")[0]
    assert message in error_block
    assert 'value="Mijn eigen titel"' in html
    assert not Booking.objects.exists()


def test_past_date_is_refused(employee_client, room, day):
    html = employee_client.post("/zalen/reserveren/", form_data(room, day - timedelta(weeks=4))).content.decode()
    assert "Dit tijdstip is al voorbij" in html.split('id="id_start_time_error"')[1]


def test_too_many_attendees_for_the_room(employee_client, room, day):
    guests = PersonFactory.create_batch(6)
    names = ", ".join(p.user.username for p in guests)
    html = employee_client.post("/zalen/reserveren/", form_data(room, day, attendees=names)).content.decode()
    assert "In Zaal Amstel passen 6 personen" in html.split('id="id_attendees_error"')[1]
    assert guests[0].user.username in html  # what was typed is kept


def test_a_conflict_shows_the_nearest_free_alternatives(employee_client, colleague, room, other_room, day):
    book(colleague, room, day)
    response = employee_client.post("/zalen/reserveren/", form_data(room, day, title="Mijn overleg"))
    html = response.content.decode()
    assert 'role="alert"' in html and "Zaal Amstel is op dat moment al gereserveerd" in html
    assert "Vrije alternatieven" in html
    assert "Zaal IJssel in Stadhuis (10 personen), zelfde tijd" in html
    assert "Dezelfde zaal op" in html and "van 11:00 tot 12:00" in html
    # The alternative link keeps the title the person typed.
    assert f"room={other_room.pk}" in html and "title=Mijn+overleg" in html
    assert Booking.objects.count() == 1


def test_my_bookings_lists_organised_and_invited(employee_client, person, colleague, room, other_room, day):
    book(person, room, day, title="Mijn eigen overleg")
    book(colleague, other_room, day, title="Uitnodiging van Ahmed", attendees=[person])
    book(colleague, other_room, day, "12:00", "13:00", title="Niet voor mij")
    html = employee_client.get("/zalen/mijn-reserveringen/").content.decode()
    assert "Mijn eigen overleg" in html and "Uitnodiging van Ahmed" in html and "Niet voor mij" not in html
    assert html.count("Wijzigen<span") == 1  # only the own booking can be changed here
    assert "Uitgenodigd" in html


@pytest.mark.parametrize("count", [1, 15])
def test_my_bookings_query_count_is_fixed(
    employee_client, person, colleague, room, day, django_assert_max_num_queries, count
):
    for n in range(count):
        target_day = day + timedelta(days=7 * (n // 5))
        start = at(target_day, "08:00") + timedelta(hours=n % 5)
        services.book_room(
            organiser=colleague if n % 2 else person,
            room=room,
            title=f"B{n}",
            start=start,
            end=start + timedelta(minutes=45),
            attendees=[person, PersonFactory()],
        )
    with django_assert_max_num_queries(27) as captured:
        response = employee_client.get("/zalen/mijn-reserveringen/")
    # count, page, attendees, feed token (+ its insert on a first visit), rooms for the feed links
    assert room_queries(captured) <= 6
    assert response.content.decode().count('<th scope="row">B') == count


def test_change_page_and_save(employee_client, person, room, other_room, day):
    [booking] = book(person, room, day)
    assert employee_client.get(f"/zalen/reserveringen/{booking.pk}/wijzigen/").status_code == 200
    response = employee_client.post(
        f"/zalen/reserveringen/{booking.pk}/wijzigen/", form_data(other_room, day, start_time="13:00", end_time="14:00")
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.room == other_room and booking.start == at(day, "13:00")


def test_others_cannot_change_or_cancel(client, person, colleague, room, day):
    [booking] = book(person, room, day)
    client.force_login(colleague.user)
    assert client.get(f"/zalen/reserveringen/{booking.pk}/wijzigen/").status_code == 403
    assert (
        client.post(f"/zalen/reserveringen/{booking.pk}/wijzigen/", form_data(room, day, title="Gekaapt")).status_code
        == 403
    )
    assert client.post(f"/zalen/reserveringen/{booking.pk}/annuleren/").status_code == 403
    assert Booking.objects.get().title == "Overleg"


def test_facilitair_can_cancel_anyones_booking(client, person, room, day, facilitair_user):
    [booking] = book(person, room, day)
    client.force_login(facilitair_user)
    assert client.post(f"/zalen/reserveringen/{booking.pk}/annuleren/").status_code == 302
    assert not Booking.objects.exists()


def test_cancel_needs_a_post(employee_client, person, room, day):
    [booking] = book(person, room, day)
    html = employee_client.get(f"/zalen/reserveringen/{booking.pk}/annuleren/").content.decode()
    assert "Wil je “Overleg” in Zaal Amstel" in html
    assert Booking.objects.exists()
    employee_client.post(f"/zalen/reserveringen/{booking.pk}/annuleren/")
    assert not Booking.objects.exists()


def test_homepage_block_shows_my_next_bookings(employee_client, person, colleague, room, day):
    html = employee_client.get("/").content.decode()
    assert "Mijn volgende zaalreserveringen" in html and "Nog niets gepland" in html
    book(colleague, room, day, title="Kwartaaloverleg", attendees=[person])
    html = employee_client.get("/").content.decode()
    assert "Kwartaaloverleg" in html and "Nog niets gepland" not in html


@pytest.mark.parametrize("count", [1, 10])
def test_homepage_block_query_count_is_fixed(rf, person, colleague, room, day, django_assert_num_queries, count):
    from rooms.home_blocks import blocks

    for n in range(count):
        book(colleague, room, day, f"{8 + n}:00", f"{8 + n}:30", attendees=[person])
    request = rf.get("/")
    request.user = person.user
    request.user.person  # noqa: B018 (loaded by the homepage before the blocks run)
    with django_assert_num_queries(1):
        [block] = blocks(request)
    assert len(block.context["bookings"]) == min(count, 5)


@pytest.mark.parametrize("far", ["0001-01-01", "9999-12-31"])
def test_absurd_dates_get_a_message_not_an_error_page(employee_client, room, far):
    html = employee_client.post(
        "/zalen/reserveren/", {**form_data(room, timezone.localdate()), "date": far}
    ).content.decode()
    assert "Kies een datum binnen tien jaar" in html.split('id="id_date_error"')[1]
    html = employee_client.get(f"/zalen/zoeken/?date={far}&start_time=10:00&end_time=11:00&people=2").content.decode()
    assert "Kies een datum binnen tien jaar" in html
    assert employee_client.get(f"/zalen/?date={far}").status_code == 200


def test_more_than_a_year_ahead_is_refused(employee_client, room, day):
    html = employee_client.post("/zalen/reserveren/", form_data(room, day + timedelta(days=400))).content.decode()
    assert "Je kunt hoogstens 366 dagen vooruit reserveren." in html.split('id="id_date_error"')[1]


def test_a_title_is_kept_on_one_line(employee_client, room, day):
    employee_client.post("/zalen/reserveren/", form_data(room, day, title="Overleg\r\nBcc: iedereen@example.org"))
    assert Booking.objects.get().title == "Overleg Bcc: iedereen@example.org"


def test_my_next_bookings_on_the_homepage_follow_invitations_changes_and_cancelling(
    client, employee, colleague, room, other_room, day
):
    """The block is kept per person (rooms.selectors.next_for_home): what others do to my bookings
    shows on my next visit, not minutes later."""
    client.force_login(employee)

    def block():
        html = client.get("/").content.decode()
        start = html.index('data-block="rooms.next"')
        return html[start : html.index("</section>", start)]

    def change(booking, room, title, attendees):
        services.change_booking(
            user=colleague.user,
            booking=booking,
            room=room,
            title=title,
            start=booking.start,
            end=booking.end,
            attendees=attendees,
        )

    assert "Begrotingsoverleg" not in block()
    (booking,) = book(colleague, room, day, "10:00", "11:00", title="Begrotingsoverleg", attendees=[employee.person])
    assert "Begrotingsoverleg" in block() and "Zaal Amstel" in block()
    room.name = "Zaal Maas"
    room.save()
    assert "Zaal Maas" in block()
    # The organiser renames and moves it; I stay invited.
    change(booking, other_room, "Begrotingsoverleg (verzet)", [employee.person])
    assert "Begrotingsoverleg (verzet)" in block() and "Zaal IJssel" in block()
    services.cancel_booking(user=colleague.user, booking=Booking.objects.get(pk=booking.pk))
    assert "Begrotingsoverleg" not in block()
    (again,) = book(colleague, room, day, "12:00", "13:00", title="Lunchoverleg", attendees=[employee.person])
    assert "Lunchoverleg" in block()
    change(again, room, "Lunchoverleg", [])  # I am no longer invited
    assert "Lunchoverleg" not in block()
    (mine,) = book(employee.person, room, day, "14:00", "15:00", title="Eigen overleg")
    assert "Eigen overleg" in block()
    services.cancel_booking(user=employee, booking=mine)
    assert "Eigen overleg" not in block()
