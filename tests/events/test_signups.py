"""The sign-up service: answers, an exact capacity, the waiting list moving up, the deadline."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from agenda import signups
from agenda.models import Signup
from social.models import Notification

Status = Signup.Status


def test_going_until_full_then_waiting_list(event, make_user):
    a, b, c = make_user("a"), make_user("b"), make_user("c")
    assert signups.respond(a, event, Status.GOING) == Status.GOING
    assert signups.respond(b, event, Status.GOING) == Status.GOING
    assert signups.respond(c, event, Status.GOING) == Status.WAITING
    assert signups.going_count(event) == 2
    assert signups.places_left(event) == 0


def test_maybe_takes_no_place(event, make_user):
    a, b, c = make_user("a"), make_user("b"), make_user("c")
    signups.respond(a, event, Status.MAYBE)
    signups.respond(b, event, Status.GOING)
    assert signups.respond(c, event, Status.GOING) == Status.GOING


def test_cancelling_moves_the_first_waiting_up_and_notifies_only_them(event, make_user):
    a, b, c, d = (make_user(name) for name in "abcd")
    for user in (a, b, c, d):
        signups.respond(user, event, Status.GOING)
    assert signups.my_status(c, event) == Status.WAITING
    signups.respond(a, event, Status.NOT_GOING)
    assert signups.my_status(c, event) == Status.GOING
    assert signups.my_status(d, event) == Status.WAITING
    notices = Notification.objects.filter(target_object_id=event.pk)
    assert [n.recipient for n in notices] == [c]
    assert "Er is een plek vrijgekomen" in notices[0].title


def test_going_twice_keeps_the_place(event, make_user):
    a = make_user("a")
    signups.respond(a, event, Status.GOING)
    assert signups.respond(a, event, Status.GOING) == Status.GOING
    assert Signup.objects.filter(page=event).count() == 1


def test_full_without_waiting_list_is_refused(make_event, make_user):
    event = make_event(signup_enabled=True, capacity=1, waiting_list=False)
    signups.respond(make_user("a"), event, Status.GOING)
    with pytest.raises(ValidationError, match="vol"):
        signups.respond(make_user("b"), event, Status.GOING)


def test_deadline_and_no_signup_and_cancelled(make_event, make_user):
    user = make_user("a")
    closed = make_event(signup_enabled=True, signup_deadline=timezone.now() - timedelta(minutes=1))
    with pytest.raises(ValidationError, match="gesloten"):
        signups.respond(user, closed, Status.GOING)
    none = make_event(signup_enabled=False)
    with pytest.raises(ValidationError):
        signups.respond(user, none, Status.GOING)


def test_private_team_event_is_a_404_for_outsiders(private_team, make_team_event, outsider):
    event = make_team_event(private_team)
    with pytest.raises(Http404):
        signups.respond(outsider, event, Status.GOING)
