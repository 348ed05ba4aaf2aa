"""Read queries for rooms and bookings, each with a fixed number of queries whatever the data size."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from intranet import caching
from people.models import Person
from rooms.models import Booking, Building, Room

SLOT = timedelta(minutes=15)
HOME_GENERATION = "rooms-home"  # everyone's when a room or building changes; per person on their bookings
HOME_SECONDS = 600


def buildings():
    return Building.objects.all()


def bookable_rooms():
    return Room.objects.filter(is_active=True).select_related("building")


def local(day, at):
    """An aware datetime for a wall-clock time on a day in the intranet's time zone."""
    return timezone.make_aware(datetime.combine(day, at))


def overlap_q(ranges):
    condition = Q()
    for start, end in ranges:
        condition |= Q(start__lt=end, end__gt=start)
    return condition


def overlapping(room_id, ranges, exclude_ids=()):
    return Booking.objects.filter(overlap_q(ranges), room_id=room_id).exclude(pk__in=exclude_ids).order_by("start")


@dataclass
class Cell:
    room: Room
    booking: Booking | None = None
    first: bool = False  # the booking starts in this slot


@dataclass
class SlotRow:
    start: datetime
    cells: list = field(default_factory=list)
    time: str = ""  # "09:15"; these three are set by the view (rooms.views._render_schedule)
    past: bool = False
    cells_html: str = ""


def day_schedule(building, day):
    """The building's rooms against the day's 15-minute slots: three queries, whatever the bookings."""
    rooms = list(bookable_rooms().filter(building=building))
    opens, closes = local(day, building.opens_at), local(day, building.closes_at)
    bookings = list(
        Booking.objects.filter(room__in=[room.pk for room in rooms], start__lt=closes, end__gt=opens)
        .select_related("organiser")
        .order_by("start")
    )
    by_room = {room.pk: [b for b in bookings if b.room_id == room.pk] for room in rooms}
    rows = []
    slot = opens
    while slot < closes:
        row = SlotRow(start=timezone.localtime(slot))
        for room in rooms:
            booking = next((b for b in by_room[room.pk] if b.start < slot + SLOT and b.end > slot), None)
            first = booking is not None and (booking.start >= slot or slot == opens)
            row.cells.append(Cell(room=room, booking=booking, first=first))
        rows.append(row)
        slot += SLOT
    return rooms, rows


def free_rooms(start, end, min_capacity=1, facility="", building=None, exclude_ids=()):
    """Bookable rooms big enough, with the facility, open and not booked for the whole of start-end."""
    local_start, local_end = timezone.localtime(start), timezone.localtime(end)
    rooms = bookable_rooms().filter(
        capacity__gte=min_capacity,
        building__opens_at__lte=local_start.time(),
        building__closes_at__gte=local_end.time(),
    )
    if local_start.date() != local_end.date():
        return rooms.none()
    if local_start.weekday() >= 5:
        rooms = rooms.filter(building__open_on_weekends=True)
    if facility:
        rooms = rooms.filter(**{facility: True})
    if building is not None:
        rooms = rooms.filter(building=building)
    busy = Booking.objects.filter(room=OuterRef("pk"), start__lt=end, end__gt=start)
    return rooms.exclude(pk__in=exclude_ids).filter(~Exists(busy)).order_by("capacity", "building__name", "name")


def _round_up_to_slot(moment):
    extra = (moment.minute % 15) * 60 + moment.second + moment.microsecond / 1_000_000
    return moment if not extra else moment + timedelta(seconds=15 * 60 - extra)


def next_free_start(room, start, end, days=14):
    """The first start at or after `start` when the room is free for the same duration, within `days`."""
    duration, building = end - start, room.building
    horizon = start + timedelta(days=days)
    busy = list(Booking.objects.filter(room=room, end__gt=start, start__lt=horizon).order_by("start"))
    candidate = start
    while candidate < horizon:
        day = timezone.localtime(candidate).date()
        opens, closes = local(day, building.opens_at), local(day, building.closes_at)
        if not building.is_open_on(day) or candidate + duration > closes:
            candidate = local(day + timedelta(days=1), building.opens_at)
            continue
        if candidate < opens:
            candidate = opens
            continue
        clash = next((b for b in busy if b.start < candidate + duration and b.end > candidate), None)
        if clash is None:
            return candidate
        candidate = _round_up_to_slot(timezone.localtime(clash.end))
    return None


@dataclass
class Alternatives:
    rooms: list = field(default_factory=list)  # other rooms free at the requested time
    next_start: datetime | None = None  # the same room, later
    duration: timedelta | None = None


def alternatives(room, start, end, people, limit=3):
    """The nearest free options: other rooms at that time (same building first), the same room later."""
    others = list(free_rooms(start, end, min_capacity=people, exclude_ids=[room.pk]))
    others.sort(key=lambda other: (other.building_id != room.building_id, other.capacity))
    return Alternatives(rooms=others[:limit], next_start=next_free_start(room, start, end), duration=end - start)


def _with_details(bookings):
    attendees = Prefetch("attendees", queryset=Person.objects.select_related("user").order_by("sort_name"))
    return bookings.select_related("room__building", "organiser").prefetch_related(attendees)


def bookings_of(person):
    """Bookings the person organises or attends (a subquery, so no duplicates and no DISTINCT). The ids
    come from two index lookups joined with UNION: `organiser = me OR id IN (...)` made PostgreSQL test
    every booking, and a year of bookings at 50,000 employees is hundreds of thousands of rows."""
    organised = Booking.objects.filter(organiser=person).order_by().values("pk")
    attending = Booking.attendees.through.objects.filter(person=person).order_by().values("booking_id")
    return Booking.objects.filter(pk__in=organised.union(attending))


def upcoming_for(person, now=None):
    return _with_details(bookings_of(person).filter(end__gt=now or timezone.now()).order_by("start"))


HOME_LIMIT = 5


def home_slot(user_id, limit=HOME_LIMIT):
    return caching.user_slot(HOME_GENERATION, user_id, (limit,))


def next_for_home(person, limit=HOME_LIMIT):
    """The homepage block, on every visit: kept per person until a booking of theirs, their attendance,
    or a room or building changes (rooms.signals), with spares so that meetings ending meanwhile
    leave others to show."""
    now = timezone.now()

    def compute():
        found = bookings_of(person).filter(end__gt=now).select_related("room__building").order_by("start", "pk")
        return list(found[: limit * 3])

    kept = caching.keep(home_slot(person.user_id, limit), compute, ttl=HOME_SECONDS)
    return [booking for booking in kept if booking.end > now][:limit]


def feed_for_person(person, now=None):
    since = (now or timezone.now()) - timedelta(days=30)
    return _with_details(bookings_of(person).filter(end__gt=since).order_by("start"))


def feed_for_room(room, now=None):
    """A room's bookings for its feed: no organisers or attendees are read, as the feed shows none."""
    since = (now or timezone.now()) - timedelta(days=30)
    return Booking.objects.filter(room=room, end__gt=since).select_related("room__building").order_by("start")


def bookings_with_details():
    return _with_details(Booking.objects.all())
