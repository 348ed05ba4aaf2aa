from datetime import datetime, time, timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from rooms.models import Building, Room
from tests.factories import PersonFactory


def future_weekday(weeks_ahead=2, weekday=0):
    """A working day safely in the future (Monday two weeks ahead by default)."""
    today = timezone.localdate()
    return today + timedelta(days=(weekday - today.weekday()) % 7 + 7 * weeks_ahead)


def at(day, clock):
    hours, minutes = (int(part) for part in clock.split(":"))
    return timezone.make_aware(datetime.combine(day, time(hours, minutes)))


@pytest.fixture
def day():
    return future_weekday()


@pytest.fixture
def building(db):
    return Building.objects.create(name="Stadhuis", address="Markt 1", opens_at=time(7), closes_at=time(19))


@pytest.fixture
def room(building):
    return Room.objects.create(building=building, name="Zaal Amstel", floor=1, capacity=6, has_screen=True)


@pytest.fixture
def other_room(building):
    return Room.objects.create(building=building, name="Zaal IJssel", floor=2, capacity=10, has_video=True)


@pytest.fixture
def colleague(db):
    return PersonFactory(first_name="Ahmed", last_name="Yilmaz", user__username="ahmed", email="ahmed@gemeente.example")


@pytest.fixture
def facilitair_user(db):
    user = PersonFactory(first_name="Fleur", last_name="Bakker", user__username="fleur").user
    user.groups.add(Group.objects.get(name="Facilitair"))
    return user
