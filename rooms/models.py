"""Buildings, meeting rooms and their bookings.

Overlaps are refused twice: by the booking service inside a transaction that locks the room (every
database), and on PostgreSQL also by an exclusion constraint over the booked time range (migration
0002), so no code path — admin, shell, a race — can ever store a double booking there.
"""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from people.models import Location, Person


class Building(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    location = models.ForeignKey(
        Location,
        verbose_name=_("location"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="buildings",
        help_text=_("The work location whose employees use this building."),
    )
    opens_at = models.TimeField(_("opens at"), default="07:00")
    closes_at = models.TimeField(_("closes at"), default="19:00")
    open_on_weekends = models.BooleanField(_("open on weekends"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("building")
        verbose_name_plural = _("buildings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")), name="building_opens_before_close"
            )
        ]

    def __str__(self):
        return self.name

    def is_open_on(self, day):
        return self.open_on_weekends or day.weekday() < 5


class Room(models.Model):
    class Facility(models.TextChoices):
        SCREEN = "has_screen", _("Screen")
        VIDEO = "has_video", _("Video conferencing")
        WHEELCHAIR = "wheelchair_accessible", _("Wheelchair accessible")

    building = models.ForeignKey(Building, verbose_name=_("building"), on_delete=models.PROTECT, related_name="rooms")
    name = models.CharField(_("name"), max_length=120)
    floor = models.SmallIntegerField(_("floor"), default=0)
    capacity = models.PositiveSmallIntegerField(_("capacity"), help_text=_("How many people fit in the room."))
    has_screen = models.BooleanField(_("screen"), default=False)
    has_video = models.BooleanField(_("video conferencing"), default=False)
    wheelchair_accessible = models.BooleanField(_("wheelchair accessible"), default=False)
    is_active = models.BooleanField(_("bookable"), default=True, db_index=True)

    class Meta:
        ordering = ["building__name", "floor", "name"]
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        constraints = [
            models.UniqueConstraint(fields=["building", "name"], name="room_unique_name_per_building"),
            models.CheckConstraint(condition=models.Q(capacity__gt=0), name="room_capacity_positive"),
        ]

    def __str__(self):
        return f"{self.name} ({self.building.name})"

    @property
    def facilities(self):
        return [label for value, label in self.Facility.choices if getattr(self, value)]


def free_unless_held(collector, field, sub_objs, using):
    """on_delete of a booking's organiser: their bookings go with them and free the rooms, except those
    an event holds (held_by): the event keeps its room, held by the event alone."""
    held = [booking for booking in sub_objs if booking.held_by]
    if held:
        models.SET_NULL(collector, field, held, using)
    own = [booking for booking in sub_objs if not booking.held_by]
    if own:
        models.CASCADE(collector, field, own, using)


class Booking(models.Model):
    room = models.ForeignKey(Room, verbose_name=_("room"), on_delete=models.CASCADE, related_name="bookings")
    # Empty only for a held booking whose organiser left (free_unless_held, rooms.personal_data).
    organiser = models.ForeignKey(
        Person,
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=free_unless_held,
        related_name="organised_bookings",
    )
    title = models.CharField(_("title"), max_length=200)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    attendees = models.ManyToManyField(Person, verbose_name=_("attendees"), blank=True, related_name="room_bookings")
    # Occurrences of one weekly booking share a series id, so they can be cancelled together.
    series = models.UUIDField(_("series"), null=True, blank=True, db_index=True, editable=False)
    # A booking another app holds (an event's room): changed and cancelled only there, so the event and
    # its room cannot drift apart. The address of that event, for the link the rooms pages show instead.
    held_by = models.CharField(_("held by"), max_length=200, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["start"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        indexes = [models.Index(fields=["room", "start"]), models.Index(fields=["organiser", "start"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="booking_ends_after_start")
        ]

    def __str__(self):
        return self.title


def new_feed_token():
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """The secret that opens a person's iCalendar feeds to calendar clients, which carry no session."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, default=new_feed_token)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.person)
