"""Event actions: team events made, changed and cancelled by the team's admins, an EventPage's room kept
in step with its publication, the attendees' message. Permission checks first, one transaction each.

A room is booked through `rooms.services` (so the rooms' no-double-booking guarantee holds for events
too); moving an event moves its booking, cancelling it frees the room.
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from agenda import notices, selectors
from agenda.models import EventPage, Signup, TeamEvent, signups_of
from agenda.room_titles import booking_title
from agenda.signups import forget_reminders, lock_event, move_up
from intranet import caching, throttle
from rooms import selectors as room_selectors
from rooms import services as rooms

logger = logging.getLogger(__name__)

# rooms' form fields → the event's
_ROOM_FIELDS = {"start_time": "start", "date": "start", "end_time": "end", "attendees": "capacity", "room": "room"}
MESSAGE_MAX = 290  # a notification's excerpt holds 300 characters
INFORMED = (Signup.Status.GOING, Signup.Status.MAYBE, Signup.Status.WAITING)


def validate_event(*, start, end, all_day, room, capacity, signup_deadline):
    errors = {}
    if end is not None and start is not None and end < start:
        errors["end"] = _("The end must be after the start.")
    if room is not None and all_day:
        errors["all_day"] = _("An event in a Plein room needs a start and an end time.")
    if room is not None and capacity and capacity > room.capacity:
        errors["capacity"] = _("%(room)s holds %(count)d people.") % {"room": room.name, "count": room.capacity}
    if signup_deadline and start and signup_deadline > start:
        errors["signup_deadline"] = _("The sign-up deadline must be before the start.")
    if errors:
        raise ValidationError(errors)


def _as_event_error(error):
    if isinstance(error, rooms.BookingConflict) or not hasattr(error, "error_dict"):
        return ValidationError({"room": error.messages})
    mapped = {}
    for field, messages in error.message_dict.items():
        mapped.setdefault(_ROOM_FIELDS.get(field, "room"), []).extend(messages)
    return ValidationError(mapped)


def _booking_user(booking):
    # The event's own permission check came first (rooms trusts its holder), so the action is taken on
    # behalf of the organiser who booked the room, or of nobody when they have left (free_unless_held).
    return booking.organiser.user if booking.organiser_id else None


def holder_url(event):
    """The stable address rooms links to for the event's booking (Booking.held_by)."""
    kind = "team" if getattr(event, "team_id", None) else "pagina"
    return reverse("events:event", args=[kind, event.pk])


def sync_booking(event, organiser):
    """Book, move or free the event's room so that it matches the event. Raises ValidationError
    keyed by the event's fields (a taken room names the dates)."""
    booking = event.booking
    wanted = event.room if event.room_id and not event.is_cancelled and getattr(event, "live", True) else None
    try:
        if wanted is None:
            if booking is not None:
                rooms.cancel_booking(user=_booking_user(booking), booking=booking, holder=True)
                type(event).objects.filter(pk=event.pk).update(booking=None)
                event.booking = None
            return None
        if booking is None:
            if organiser is None:
                raise ValidationError({"room": _("Only employees with a profile can book rooms.")})
            booking = rooms.book_room(
                organiser=organiser,
                room=wanted,
                title=booking_title(event),
                start=event.start,
                end=event.end,
                held_by=holder_url(event),
            )[0]
            type(event).objects.filter(pk=event.pk).update(booking=booking)
            event.booking = booking
        elif (booking.room_id, booking.start, booking.end, booking.title) != (
            wanted.pk,
            event.start,
            event.end,
            booking_title(event),
        ):
            rooms.change_booking(
                user=_booking_user(booking),
                booking=booking,
                room=wanted,
                title=booking_title(event),
                start=event.start,
                end=event.end,
                holder=True,
            )
        return event.booking
    except ValidationError as error:
        raise _as_event_error(error) from None


def _stored_booking(event):
    """The booking the event holds now. The admin form builds a page from its latest revision, which
    was serialised before the room was booked (or holds a booking freed since): the database knows."""
    if not event.pk:
        return None
    stored = type(event).objects.filter(pk=event.pk).select_related("booking").first()
    return stored.booking if stored is not None else None


def check_room(event, now=None):
    """The rooms' rules for the event's slot, without booking (the admin form's clean)."""
    if not event.room_id or event.all_day:
        return
    held = _stored_booking(event)
    if held is not None and (held.room_id, held.start, held.end) == (event.room_id, event.start, event.end):
        return  # the room is held already: a typo fixed in a past event must not fail on "time has passed"
    try:
        rooms.validate_booking(event.room, event.start, event.end, 1, now=now)
        exclude = [held.pk] if held is not None else []
        if room_selectors.overlapping(event.room_id, [(event.start, event.end)], exclude).exists():
            raise ValidationError({"room": _("%(room)s is already booked at that time.") % {"room": event.room.name}})
    except ValidationError as error:
        raise _as_event_error(error) from None


def require_manager(user, event):
    if not event.can_manage(user):
        raise PermissionDenied(_("Only the organisers can do this."))


def _informed_users(event, statuses=INFORMED):
    return [
        s.person.user
        for s in signups_of(event).filter(status__in=statuses).select_related("person__user")
        if s.person.user_id
    ]


TEAM_EVENT_FIELDS = (
    "title",
    "start",
    "end",
    "all_day",
    "place",
    "room",
    "online_link",
    "description",
    "signup_enabled",
    "capacity",
    "signup_deadline",
    "waiting_list",
)


def create_team_event(user, team, *, organisers=(), **data):
    """A team's admins plan events for the team; they follow the team's visibility."""
    if not (user.is_superuser or team.is_admin(user)):
        raise PermissionDenied(_("Only the team's admins can do this."))
    if team.is_archived:
        raise PermissionDenied(_("This team is archived: it is read-only."))
    person = getattr(user, "person", None)
    validate_event(**{k: data.get(k) for k in ("start", "end", "all_day", "room", "capacity", "signup_deadline")})
    with transaction.atomic():
        event = TeamEvent.objects.create(team=team, created_by=user, **data)
        event.organisers.set(list(organisers) or ([person] if person else []))
        sync_booking(event, person)
    return event


def update_team_event(user, event, *, organisers=None, **data):
    require_manager(user, event)
    if event.is_cancelled:
        raise ValidationError(_("This event has been cancelled."))
    validate_event(**{k: data.get(k) for k in ("start", "end", "all_day", "room", "capacity", "signup_deadline")})
    before = (event.start, event.end, event.room_id, event.place, event.all_day)
    with transaction.atomic():
        lock_event(event)
        for field, value in data.items():
            setattr(event, field, value)
        event.sequence = F("sequence") + 1
        event.save()
        event.refresh_from_db()
        if organisers is not None:
            event.organisers.set(organisers)
        sync_booking(event, getattr(user, "person", None))
        move_up(event)
        if event.start != before[0]:
            forget_reminders(event)
        if (event.start, event.end, event.room_id, event.place, event.all_day) != before:
            _tell_changed(event, user)
    return event


def _tell_changed(event, user):
    """Those signed up hear of a new time or place; someone moving an event again and again is
    throttled (THROTTLE_LIMITS["event_change"]): the change is saved, the notices stop until later."""
    try:
        throttle.hit(event, "event_change")
    except ValidationError:
        return
    notices.changed(event, _informed_users(event), user)


def cancel_event(user, event):
    """Cancel: the room is freed, the calendars get STATUS:CANCELLED, those signed up a notice."""
    require_manager(user, event)
    if event.is_cancelled:
        return event
    with transaction.atomic():
        lock_event(event)
        type(event).objects.filter(pk=event.pk).update(cancelled_at=timezone.now(), sequence=F("sequence") + 1)
        caching.bump(selectors.HOME_GENERATION)  # update() sends no post_save: the homepage shows "Cancelled"
        event.refresh_from_db()
        sync_booking(event, None)
        notices.cancelled(event, _informed_users(event), user)
    return event


def _reread_booking(event):
    """The booking the database holds for the event: an instance loaded before another publish booked
    the room (or freed it) must not book it twice, nor leave it held by nobody."""
    model = type(event)
    stored = model.objects.filter(pk=event.pk).values_list("booking_id", flat=True).first()
    if stored is None:
        # A save that read the row before another publish booked the room wrote None over the link;
        # the booking itself is still there, held by this event (cancelled bookings are deleted).
        bookings = model._meta.get_field("booking").related_model.objects
        stored = bookings.filter(held_by=holder_url(event)).values_list("pk", flat=True).first()
        if stored is not None:
            model.objects.filter(pk=event.pk).update(booking_id=stored)
    event.booking_id = stored


def page_published(page, user=None):
    """An EventPage was published: its calendar entries change (SEQUENCE) and its room follows."""
    with transaction.atomic():
        # Locked first: two publishes at once take turns, the second sees the booking the first made.
        lock_event(page)
        _reread_booking(page)
        EventPage.objects.filter(pk=page.pk).update(sequence=F("sequence") + 1)
        page.sequence = EventPage.objects.filter(pk=page.pk).values_list("sequence", flat=True).first()
        # The room is booked in the name of the first organiser (they manage the event), else the editor's.
        organiser = page.organisers.order_by("pk").first() or getattr(user, "person", None)
        try:
            with transaction.atomic():
                sync_booking(page, organiser)
        except ValidationError as error:
            # The editor's form checks the room before publishing (EventPageForm); a path that did not
            # (a workflow's approval, an old revision) must not leave a live page in a room it does not
            # hold, so the page goes offline again, which frees whatever it held.
            logger.warning("Event page %s unpublished: its room could not be booked (%s)", page.pk, error.messages)
            page.unpublish(user=user)
            return
        move_up(page)
        if getattr(page, "_new_start", False):
            forget_reminders(page)
            page._new_start = False
        if getattr(page, "_moved", False) and not page.is_cancelled:
            _tell_changed(page, user)
            page._moved = False


def publish_problems(event, *, go_live_at, organisers, user, publishing):
    """Why the editor's form refuses: a page in a room must hold the room whenever it is live."""
    if not event.room_id or event.all_day:
        return {}
    if go_live_at and go_live_at > timezone.now():
        # Booked only when it goes live, the room could be taken by then (docs/events.md).
        return {"go_live_at": _("An event in a Plein room cannot be scheduled: publish it when it may go live.")}
    if publishing and not organisers and getattr(user, "person", None) is None:
        return {"organisers": _("The room is booked in an organiser's name: choose an organiser.")}
    return {}


def page_unpublished(page):
    """Taken offline: the room is freed (a deleted page's booking goes with it too)."""
    page.live = False
    with transaction.atomic():
        lock_event(page)  # after a publish that is booking the room right now, not beside it
        _reread_booking(page)
        sync_booking(page, None)


def message_attendees(user, event, text):
    """A message from the organiser to everyone going (or maybe): a notification each, rate limited."""
    require_manager(user, event)
    text = " ".join((text or "").split())
    if not text:
        raise ValidationError({"text": _("Write a message.")})
    if len(text) > MESSAGE_MAX:
        raise ValidationError(
            {
                "text": _("A message can have at most %(max)d characters; this one has %(count)d.")
                % {"max": MESSAGE_MAX, "count": len(text)}
            }
        )
    throttle.hit(user, "event_message", message=_("You are sending very many messages. Wait a while and try again."))
    users = _informed_users(event, (Signup.Status.GOING, Signup.Status.MAYBE))
    with transaction.atomic():
        return notices.message(event, users, user, text)
