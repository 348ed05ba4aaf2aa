"""Exactly the capacity, however many people click "ik ga" for the last places at once (PostgreSQL)."""

import pytest

from agenda import signups
from agenda.models import Signup
from tests.conftest import is_postgres
from tests.factories import PersonFactory
from tests.races import race

ATTEMPTS = 30
CAPACITY = 5
postgres_only = pytest.mark.skipif(
    not is_postgres(),
    reason="needs PostgreSQL: SQLite's test database cannot serve many threads with their own connections",
)


@pytest.mark.slow
@pytest.mark.postgres
@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_many_simultaneous_signups_for_the_last_places_end_with_exactly_the_capacity(make_event):
    event = make_event(signup_enabled=True, capacity=CAPACITY, waiting_list=True)
    early = PersonFactory.create_batch(CAPACITY - 2)
    for person in early:
        signups.respond(person.user, event, Signup.Status.GOING)
    people = PersonFactory.create_batch(ATTEMPTS)
    outcomes = race(lambda person: signups.respond(person.user, event, Signup.Status.GOING), people)
    assert len(outcomes) == ATTEMPTS
    assert not [o for o in outcomes if str(o).startswith("error")], outcomes[:3]
    assert outcomes.count(Signup.Status.GOING) == 2
    assert outcomes.count(Signup.Status.WAITING) == ATTEMPTS - 2
    assert Signup.objects.filter(page=event, status=Signup.Status.GOING).count() == CAPACITY
    # A cancellation gives the place to exactly one of the waiting list, the first in line.
    first = Signup.objects.filter(page=event, status=Signup.Status.WAITING).order_by("waiting_since", "pk").first()
    signups.respond(early[0].user, event, Signup.Status.NOT_GOING)
    first.refresh_from_db()
    assert first.status == Signup.Status.GOING
    assert Signup.objects.filter(page=event, status=Signup.Status.GOING).count() == CAPACITY
