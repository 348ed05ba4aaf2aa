"""Sign-up: going / maybe / not going, an exact capacity and a waiting list that moves up by itself.

Every change of one event's sign-ups runs in a transaction that first locks the event's row
(SELECT ... FOR UPDATE on PostgreSQL; a write on SQLite takes the database's write lock), so the
"count the places, then take one" step is never interleaved: many people clicking "ik ga" for the last
place at once end with exactly the capacity, the others on the waiting list.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from agenda import notices
from agenda.models import EventPage, Signup, event_key, signups_of
from agenda.selectors import SIGNUPS_GENERATION
from intranet import caching

Status = Signup.Status


def _person(user):
    person = getattr(user, "person", None) if user.is_authenticated and user.is_active else None
    if person is None or not person.is_active:
        raise PermissionDenied(_("Only employees with a profile can sign up."))
    return person


def lock_event(event):
    """Serialise all sign-up changes of one event (see the module's docstring)."""
    model = EventPage if isinstance(event, EventPage) else type(event)
    if connection.vendor == "sqlite":
        model.objects.filter(pk=event.pk).update(sequence=F("sequence"))
    else:
        list(model.objects.select_for_update(of=("self",)).filter(pk=event.pk).values_list("pk"))


def going_count(event):
    return signups_of(event).filter(status=Status.GOING).count()


def places_left(event):
    if event.capacity is None:
        return None
    return max(0, event.capacity - going_count(event))


def respond(user, event, status, now=None):
    """Record the user's answer; "going" on a full event puts them on the waiting list (or refuses when
    the event has none). Returns the resulting status."""
    person = _person(user)
    if not event.user_can_view(user):
        raise Http404
    if status not in (Status.GOING, Status.MAYBE, Status.NOT_GOING):
        raise ValidationError(_("Choose going, maybe or not going."))
    now = now or timezone.now()
    if not event.signup_enabled:
        raise ValidationError(_("This event has no sign-up."))
    if event.is_cancelled:
        raise ValidationError(_("This event has been cancelled."))
    # After the deadline only new answers are closed: saying "not going" frees the place for the
    # waiting list until the event starts.
    closed = now >= event.deadline
    if closed and (status != Status.NOT_GOING or now >= event.start):
        raise ValidationError(_("Sign-up for this event has closed."))
    with transaction.atomic():
        lock_event(event)
        signup = signups_of(event).filter(person=person).first()
        previous = signup.status if signup else None
        if closed and previous in (None, Status.NOT_GOING):
            raise ValidationError(_("Sign-up for this event has closed."))
        if status == Status.GOING and previous in (Status.GOING, Status.WAITING):
            return previous
        new = status
        if status == Status.GOING and event.capacity is not None and going_count(event) >= event.capacity:
            if not event.waiting_list:
                raise ValidationError(_("This event is full."))
            new = Status.WAITING
        if signup is None:
            signup = Signup(person=person, **event_key(event))
        signup.status = new
        signup.waiting_since = now if new == Status.WAITING else None
        signup.save()
        if previous == Status.GOING and new != Status.GOING:
            move_up(event)
    return new


def move_up(event):
    """Give free places to the waiting list in order; each one who moves up is notified.
    Call with the event locked (respond, or a capacity change in agenda.services)."""
    if event.is_cancelled:
        return []  # no place "became free" at an event that will not take place
    if event.capacity is None:
        waiting = list(signups_of(event).filter(status=Status.WAITING).select_related("person__user"))
    else:
        free = event.capacity - going_count(event)
        if free <= 0:
            return []
        waiting = list(
            signups_of(event)
            .filter(status=Status.WAITING)
            .select_related("person__user")
            .order_by("waiting_since", "pk")[:free]
        )
    if not waiting:
        return []
    Signup.objects.filter(pk__in=[s.pk for s in waiting]).update(
        status=Status.GOING, waiting_since=None, updated_at=timezone.now()
    )
    signups_changed([s.person for s in waiting])  # update() sends no post_save
    notices.moved_up(event, [s.person.user for s in waiting if s.person.user_id])
    return waiting


def withdraw(person, now=None):
    """The person's sign-ups go (their erasure, or their profile deleted): a place they held at an event
    that has not started moves up its waiting list. Nobody is moved up to (or told of) a past event."""
    now = now or timezone.now()
    with transaction.atomic():
        rows = list(Signup.objects.filter(person=person).select_related("page", "team_event"))
        if not rows:
            return 0
        freed = [row.event for row in rows if row.status == Status.GOING and row.event.start > now]
        freed.sort(key=lambda event: (isinstance(event, EventPage), event.pk))  # one lock order: no deadlock
        for event in freed:
            lock_event(event)  # move_up counts the places again under the lock
        Signup.objects.filter(pk__in=[row.pk for row in rows]).delete()
        for event in freed:
            move_up(event)
    return len(rows)


def forget_reminders(event):
    """A new start: those going get the day-before reminder for the new day too."""
    signups_of(event).filter(reminded_at__isnull=False).update(reminded_at=None)


def signups_changed(people):
    """The homepage keeps each reader's own answers (selectors._add_home_statuses): retire theirs."""
    caching.forget_user(SIGNUPS_GENERATION, *(person.user_id for person in people))


def my_status(user, event):
    person = getattr(user, "person", None)
    if person is None:
        return None
    return signups_of(event).filter(person=person).values_list("status", flat=True).first()
