"""Retire the homepage's cached "My next room bookings" (rooms.selectors.next_for_home): the organiser's
and the attendees' when a booking or its attendance changes, everyone's when a room or building does.
Bulk writes send no signals: rooms.services calls bookings_changed for those itself."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from intranet import caching
from people.models import Person
from rooms.models import Booking, Building, Room
from rooms.selectors import HOME_GENERATION


def bookings_changed(person_ids):
    user_ids = Person.objects.filter(pk__in=[pk for pk in person_ids if pk]).values_list("user_id", flat=True)
    caching.forget_user(HOME_GENERATION, *user_ids)


def _booking_changed(sender, instance, **kwargs):
    """Saved: the organiser's and the attendees' lists so far (set() after a save signals only those
    added or removed). About to be deleted: theirs too, as Django deletes the attendance rows without
    signals of their own."""
    attendees = list(instance.attendees.values_list("pk", flat=True)) if instance.pk else []
    bookings_changed([instance.organiser_id, *attendees])


def _attendance_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if reverse:  # person.room_bookings.add(...): the person is the one whose list changed
        if action.startswith("post_"):
            bookings_changed([instance.pk])
    elif action in ("post_add", "post_remove"):
        bookings_changed(pk_set or [])
    elif action == "pre_clear":
        bookings_changed(instance.attendees.values_list("pk", flat=True))


def _rooms_changed(**kwargs):
    caching.bump(HOME_GENERATION)


def connect():
    post_save.connect(_booking_changed, sender=Booking, dispatch_uid="plein-rooms-booking-saved")
    pre_delete.connect(_booking_changed, sender=Booking, dispatch_uid="plein-rooms-booking-deleted")
    for signal in (post_save, post_delete):
        for model in (Room, Building):
            signal.connect(_rooms_changed, sender=model, dispatch_uid=f"plein-rooms-{model.__name__}")
    m2m_changed.connect(_attendance_changed, sender=Booking.attendees.through, dispatch_uid="plein-rooms-attendance")
