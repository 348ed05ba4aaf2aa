"""Issue 14, privacy leaks: room feeds, other departments' requests in the admin, anonymous surveys."""

import csv
import datetime
import io
import re
from unittest import mock

import pytest
from django.utils import timezone
from icalendar import Calendar
from wagtail.log_actions import log

from insights.surveys.models import SurveyAnswer, SurveyFormField, SurveyPage
from rooms import services as room_services
from tests.directregelen import conftest as directregelen_fixtures
from tests.directregelen.test_my_requests import make_request
from tests.factories import PersonFactory
from tests.rooms import conftest as rooms_fixtures
from tests.rooms.conftest import at

pytestmark = pytest.mark.django_db

# The apps' own fixtures, shared with this file.
portal, ict, po, po_staff = (getattr(directregelen_fixtures, name) for name in ("portal", "ict", "po", "po_staff"))
building, room, colleague, day = (getattr(rooms_fixtures, name) for name in ("building", "room", "colleague", "day"))

EMAIL = re.compile(rb"[\w.+-]+@[\w-]+\.[\w.-]+")


# --- A room's calendar feed shows what the day view shows: times and titles, nobody's name or address.


def test_a_room_feed_shows_busy_times_and_titles_but_no_people(client, person, colleague, room, day):
    guest = PersonFactory(first_name="Gerda", last_name="Gast", email="gerda@gemeente.example")
    room_services.book_room(
        organiser=colleague,
        room=room,
        title="Overleg van Ahmed",
        start=at(day, "10:00"),
        end=at(day, "11:00"),
        attendees=[guest],
    )
    feed = room_services.feed_token(person)
    response = client.get(f"/zalen/agenda/{person.pk}/{feed.token}/zaal-{room.pk}.ics")
    assert response.status_code == 200
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    # What the day view shows everyone: the busy time and the title.
    assert event.decoded("dtstart") == at(day, "10:00") and event.decoded("dtend") == at(day, "11:00")
    assert str(event["summary"]) == "Overleg van Ahmed"
    # Not who organises or attends, nor any address.
    assert "ORGANIZER" not in event and "ATTENDEE" not in event
    assert b"ORGANIZER" not in response.content and b"ATTENDEE" not in response.content
    assert not EMAIL.search(response.content.replace(b"\r\n ", b"")), "no e-mail address in a room feed"
    for name in (b"Ahmed", b"Yilmaz", b"Gerda", b"Gast", b"mailto"):
        assert name not in response.content.replace(b"Overleg van Ahmed", b"")


def test_ones_own_feed_still_shows_ones_own_booking_in_full(client, person, colleague, room, day):
    room_services.book_room(
        organiser=colleague, room=room, title="Samen", start=at(day, "10:00"), end=at(day, "11:00"), attendees=[person]
    )
    feed = room_services.feed_token(person)
    content = client.get(f"/zalen/agenda/{person.pk}/{feed.token}/reserveringen.ics").content.replace(b"\r\n ", b"")
    assert b"ORGANIZER" in content and b"mailto:ahmed@gemeente.example" in content


# --- A department editor sees only their own department's requests, in every admin view.

QUEUE = "/admin/directregelen/request/"


def test_a_deactivated_accounts_feed_stops_even_while_its_person_is_active(client, person, room):
    feed = room_services.feed_token(person)
    url = f"/zalen/agenda/{person.pk}/{feed.token}/reserveringen.ics"
    assert client.get(url).status_code == 200
    person.user.is_active = False
    person.user.save()
    assert person.is_active
    assert client.get(url).status_code == 404
    assert client.get(f"/zalen/agenda/{person.pk}/{feed.token}/zaal-{room.pk}.ics").status_code == 404


def test_every_admin_url_of_another_departments_request_is_not_found(client, employee, ict, po, po_staff):
    ict_request = make_request(employee, ict, title="Laptop van de wethouder")
    log(ict_request, "wagtail.edit", user=None)
    client.force_login(po_staff)
    for action in ("edit", "delete", "history", "inspect"):
        url = f"{QUEUE}{action}/{ict_request.pk}/"
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"status": "afgerond", "reply": "x"}).status_code == 404, url
    listing = client.get(QUEUE).content.decode() + client.get(QUEUE + "?q=ICT").content.decode()
    assert ict_request.reference not in listing and "Laptop van de wethouder" not in listing
    ict_request.refresh_from_db()
    assert ict_request.status == "ontvangen" and not ict_request.replies.exists()


def test_own_departments_request_history_opens(client, employee, po, po_staff):
    po_request = make_request(employee, po, title="Verlof")
    log(po_request, "wagtail.edit", user=po_staff)
    client.force_login(po_staff)
    response = client.get(f"{QUEUE}history/{po_request.pk}/")
    assert response.status_code == 200
    assert po_request.reference in response.content.decode()


def test_site_history_shows_no_other_departments_request_references(client, employee, ict, po, po_staff):
    ict_request = make_request(employee, ict, title="Laptop van de wethouder")
    po_request = make_request(employee, po, title="Verlofvraag")
    log(ict_request, "wagtail.edit", user=None)
    log(po_request, "wagtail.edit", user=None)
    client.force_login(po_staff)
    for url in ("/admin/reports/site-history/", "/admin/reports/site-history/results/"):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert ict_request.reference not in html and "Laptop van de wethouder" not in html
        assert po_request.reference in html  # the own department's entries still show
    export = client.get("/admin/reports/site-history/?export=csv")
    content = b"".join(export.streaming_content).decode()
    assert ict_request.reference not in content and po_request.reference in content


# --- Anonymous surveys: no order of answering, no formulas in exports, the local day.


def make_survey(home, title="Tevredenheid"):
    page = SurveyPage(title=title, slug="tevredenheid", anonymous=True)
    page.form_fields = [
        SurveyFormField(label="Toelichting", field_type="singleline", required=True),
        SurveyFormField(label="=SUM(1;2)", field_type="singleline", required=False),
    ]
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def answer(client, page, text, user=None):
    client.force_login(user or PersonFactory().user)
    response = client.post(page.url, {"toelichting": text})
    assert response.status_code == 200
    assert SurveyAnswer.objects.filter(form_data__toelichting=text).exists()


def order_in(text, answers):
    return sorted(answers, key=text.index)


def csv_rows(response):
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def test_answers_of_one_day_cannot_be_put_in_the_order_they_came_in(client, superuser, home):
    page = make_survey(home)
    answers = [f"Antwoord nummer {n}" for n in range(1, 7)]
    for text in answers:
        answer(client, page, text)
    stored = list(SurveyAnswer.objects.filter(page=page))
    # The same stored moment (the day) and ids that are random, not a counter.
    assert len({a.submit_time for a in stored}) == 1
    assert all(a.pk > 2**31 for a in stored)
    client.force_login(superuser)
    url = f"/admin/forms/submissions/{page.pk}/"
    orders = set()
    for query in ("", "?order_by=id", "?order_by=-id", "?order_by=submit_time", "?order_by=-submit_time"):
        html = client.get(url + query).content.decode()
        assert '<a href="?order_by=' not in html, "no column of an anonymous survey's answers can be sorted"
        orders.add(tuple(order_in(html, answers)))
        rows = csv_rows(client.get(url + "?" + "&".join(filter(None, [query.lstrip("?"), "export=csv"]))))
        orders.add(tuple(row[1] for row in rows[1:]))
    # Every view and export gives one and the same order, that of the random ids: nothing to steer.
    by_random_id = tuple(a.form_data["toelichting"] for a in sorted(stored, key=lambda a: a.pk))
    assert orders == {by_random_id}


def test_a_formula_in_an_answer_is_exported_as_text(client, superuser, home):
    page = make_survey(home, title='=HYPERLINK("http://x","titel")')
    answer(client, page, '=HYPERLINK("http://x","y")')
    client.force_login(superuser)
    rows = csv_rows(client.get(f"/admin/forms/submissions/{page.pk}/?export=csv"))
    assert rows[0][-1] == "'=SUM(1;2)"  # an editor's question as heading is escaped too
    assert rows[1][1] == '\'=HYPERLINK("http://x","y")'
    # Every other Wagtail export goes through the same escape, e.g. the site history with page titles.
    rows = csv_rows(client.get("/admin/reports/site-history/?export=csv"))
    labels = [row[1] for row in rows[1:]]
    assert '\'=HYPERLINK("http://x","titel")' in labels
    assert not any(label.startswith(("=", "+", "-", "@")) for row in rows for label in row)


def test_an_answer_just_after_midnight_shows_the_local_day(client, superuser, home):
    page = make_survey(home)
    moment = datetime.datetime(2026, 12, 5, 23, 30, tzinfo=datetime.UTC)  # 00:30 on 6 December in Amsterdam
    with mock.patch("django.utils.timezone.now", return_value=moment):
        answer(client, page, "Net na middernacht")
    assert timezone.localdate(SurveyAnswer.objects.get().submit_time) == datetime.date(2026, 12, 6)
    client.force_login(superuser)
    html = client.get(f"/admin/forms/submissions/{page.pk}/").content.decode()
    assert "6 december 2026" in html and "5 december 2026" not in html
    rows = csv_rows(client.get(f"/admin/forms/submissions/{page.pk}/?export=csv"))
    assert rows[1][0] == "2026-12-06"
    filtered = client.get(f"/admin/forms/submissions/{page.pk}/?date_after=2026-12-06&date_before=2026-12-06")
    assert "Net na middernacht" in filtered.content.decode()
