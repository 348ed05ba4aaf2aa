"""Fixtures for the events tests: the agenda, an organisation event, teams of each kind, a room."""

from datetime import timedelta

import pytest
from django.utils import timezone

from agenda.models import EventIndexPage, EventPage, TeamEvent
from teams import services as team_services
from teams.models import Kind
from tests.rooms.conftest import at, building, day, future_weekday, other_room, room  # noqa: F401

__all__ = ["at", "future_weekday"]


@pytest.fixture
def agenda(db):
    return EventIndexPage.objects.get()


@pytest.fixture
def organiser(make_user):
    return make_user("olga", first_name="Olga", last_name="Organisator")


@pytest.fixture
def outsider(make_user):
    return make_user("otto", first_name="Otto", last_name="Buiten")


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def make_event(agenda):
    counter = {"n": 0}

    def make(title="Nieuwjaarsborrel", start=None, hours=2, organisers=(), **fields):
        counter["n"] += 1
        start = start or timezone.now().replace(microsecond=0) + timedelta(days=7)
        page = EventPage(
            title=title, slug=f"evenement-{counter['n']}", start=start, end=start + timedelta(hours=hours), **fields
        )
        agenda.add_child(instance=page)
        if organisers:
            page.organisers.set(organisers)
        return publish(page)

    return make


@pytest.fixture
def event(make_event):
    return make_event(signup_enabled=True, capacity=2)


@pytest.fixture
def make_team(db, organiser):
    def make(title="Fotografie", kind=Kind.OPEN, creator=None):
        return team_services.create_team(creator or organiser, title=title, description="Samen.", kind=kind)

    return make


@pytest.fixture
def private_team(make_team):
    return make_team("Reorganisatie ICT", Kind.PRIVATE)


@pytest.fixture
def make_team_event(organiser):
    def make(team, title="Teamuitje", start=None, **fields):
        start = start or timezone.now().replace(microsecond=0) + timedelta(days=7)
        fields.setdefault("signup_enabled", True)
        return TeamEvent.objects.create(team=team, title=title, start=start, end=start + timedelta(hours=2), **fields)

    return make
