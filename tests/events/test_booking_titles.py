"""An event's booking shows a neutral title in the rooms when not everyone may see the event: kept in
step when a page moves into a restricted section, for bookings that existed before (migration 0004),
and in a fixed number of queries however many events a section holds."""

import importlib
from datetime import timedelta

from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from agenda import services
from agenda.models import EventPage
from rooms.models import Booking
from teams.models import Kind
from tests.events.test_services import _data
from tests.rooms.conftest import at

CLOSED = "Besloten bijeenkomst"


def _room_events(make_event, organiser, room, day, count):
    return [
        make_event(
            title=f"Overleg {n}", start=at(day, f"{8 + n:02d}:00"), hours=1, room=room, organisers=[organiser.person]
        )
        for n in range(count)
    ]


def test_a_room_event_moved_into_a_restricted_section_books_under_a_neutral_title(
    make_event, organiser, room, day, agenda
):
    page = make_event(title="Geheim overleg", start=at(day, "13:00"), hours=1, room=room, organisers=[organiser.person])
    section = agenda.get_parent().add_child(instance=Page(title="Bestuur", slug="bestuur"))
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    page.move(section, pos="last-child")
    assert Booking.objects.get().title == CLOSED
    EventPage.objects.get(pk=page.pk).move(Page.objects.get(pk=agenda.pk), pos="last-child")
    assert Booking.objects.get().title == "Geheim overleg"


def test_bookings_closed_before_the_titles_were_kept_in_step_get_the_neutral_title(
    make_event, make_team, organiser, room, other_room, day
):
    page = make_event(title="Geheim overleg", start=at(day, "13:00"), hours=1, room=room, organisers=[organiser.person])
    team_event = services.create_team_event(
        organiser, make_team("Reorganisatie", Kind.PRIVATE), **_data(room=other_room, day=day, title="Ontslag Jansen")
    )
    open_event = services.create_team_event(
        organiser, make_team("Fotografie"), **_data(room=room, day=day, start="15:00", end="16:00", title="Fotoclub")
    )
    ended = services.create_team_event(
        organiser,
        make_team("Oud overleg", Kind.PRIVATE),
        **_data(room=other_room, day=day, start="17:00", end="18:00", title="Afscheid"),
    )
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    for event in (page, team_event, ended):  # as they were before: the real titles
        Booking.objects.filter(pk=event.booking_id).update(title=event.title)
    last_year = timezone.now() - timezone.timedelta(days=365)
    Booking.objects.filter(pk=ended.booking_id).update(start=last_year, end=last_year + timezone.timedelta(hours=1))
    migration = importlib.import_module("agenda.migrations.0004_closed_booking_titles")
    migration.close_titles(apps, None)
    titles = dict(Booking.objects.values_list("pk", "title"))
    assert titles[page.booking_id] == CLOSED and titles[team_event.booking_id] == CLOSED
    assert titles[open_event.booking_id] == "Fotoclub"
    assert titles[ended.booking_id] == "Afscheid"  # history, as room_titles leaves ended bookings


def _restriction_queries(agenda):
    with CaptureQueriesContext(connection) as queries:
        restriction = PageViewRestriction.objects.create(page=agenda, restriction_type=PageViewRestriction.LOGIN)
    assert set(Booking.objects.exclude(end__lt=timezone.now()).values_list("title", flat=True)) == {CLOSED}
    with CaptureQueriesContext(connection) as lifted:
        restriction.delete()
    return len(queries), len(lifted)


def test_a_restriction_retitles_in_the_same_queries_for_two_or_six_events(make_event, organiser, room, day, agenda):
    _room_events(make_event, organiser, room, day, 2)
    few = _restriction_queries(agenda)
    for n in range(2, 6):
        make_event(
            title=f"Overleg {n}", start=at(day, f"{8 + n:02d}:00"), hours=1, room=room, organisers=[organiser.person]
        )
    assert Booking.objects.count() == 6
    assert _restriction_queries(agenda) == few


def test_a_restriction_leaves_bookings_that_have_ended_alone(make_event, organiser, room, day, agenda):
    page = _room_events(make_event, organiser, room, day, 1)[0]
    ended = timezone.now() - timedelta(days=1)
    Booking.objects.filter(pk=page.booking_id).update(start=ended - timedelta(hours=1), end=ended)
    PageViewRestriction.objects.create(page=agenda, restriction_type=PageViewRestriction.LOGIN)
    assert Booking.objects.get().title == "Overleg 0"
