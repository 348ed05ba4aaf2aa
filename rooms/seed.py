"""Demo buildings, rooms and bookings: deterministic and safe to run twice.

Buildings match the people seeder's locations. Bookings fill the coming two working weeks; a planned
booking that would overlap one already there (from an earlier run) is skipped, so a rerun adds none.
"""

import random
from datetime import time, timedelta

from django.db import transaction
from django.utils import timezone

from people.models import Location, Person
from rooms.models import Booking, Building, Room
from rooms.selectors import local

BUILDINGS = [
    # name, address, opens, closes, rooms: (name, floor, capacity, screen, video, wheelchair)
    (
        "Stadhuis",
        "Markt 1",
        time(7, 30),
        time(18, 0),
        [
            ("Raadzaal", 0, 40, True, True, True),
            ("Burgemeesterskamer", 1, 8, True, False, False),
            ("Trouwzaal", 0, 30, False, False, True),
            ("Commissiekamer 1", 1, 12, True, True, False),
            ("Commissiekamer 2", 1, 12, True, False, False),
            ("Spreekkamer A", 0, 4, False, False, True),
            ("Spreekkamer B", 0, 4, False, False, True),
        ],
    ),
    (
        "Stadskantoor",
        "Stationsplein 10",
        time(7, 0),
        time(19, 0),
        [
            ("Vergaderzaal De Brug", 2, 16, True, True, True),
            ("Vergaderzaal De Haven", 2, 10, True, True, True),
            ("Focusruimte 3.1", 3, 2, False, False, True),
            ("Focusruimte 3.2", 3, 2, False, False, True),
            ("Projectruimte", 3, 8, True, False, True),
            ("Teamkamer Noord", 4, 6, True, True, True),
            ("Teamkamer Zuid", 4, 6, True, False, True),
            ("Auditorium", 0, 80, True, True, True),
        ],
    ),
    (
        "Gemeentewerf",
        "Industrieweg 42",
        time(6, 30),
        time(17, 0),
        [
            ("Kantine-zaal", 0, 30, True, False, True),
            ("Overleg werkvoorbereiding", 1, 8, True, False, False),
            ("Ploegleiderskamer", 1, 6, False, False, False),
            ("Instructieruimte", 0, 20, True, True, True),
            ("Spreekkamer Werf", 0, 4, False, False, True),
        ],
    ),
]
TITLES = [
    "Teamoverleg",
    "Werkoverleg",
    "Afstemming begroting",
    "Sollicitatiegesprek",
    "Projectstart Omgevingswet",
    "Stuurgroep",
    "Kennissessie",
    "Bilateraal overleg",
    "Voorbereiding raadsvergadering",
    "Intervisie",
]
DAYS = 10  # working days ahead


def seed_buildings():
    rooms = []
    for name, address, opens, closes, room_rows in BUILDINGS:
        building, _created = Building.objects.update_or_create(
            name=name,
            defaults={
                "address": address,
                "opens_at": opens,
                "closes_at": closes,
                "location": Location.objects.filter(name=name).first(),
            },
        )
        for room_name, floor, capacity, screen, video, wheelchair in room_rows:
            room, _created = Room.objects.get_or_create(
                building=building,
                name=room_name,
                defaults={
                    "floor": floor,
                    "capacity": capacity,
                    "has_screen": screen,
                    "has_video": video,
                    "wheelchair_accessible": wheelchair,
                },
            )
            rooms.append(room)
    return rooms


def _working_days(count):
    day, days = timezone.localdate(), []
    while len(days) < count:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days.append(day)
    return days


def seed_bookings(rooms, people, me):
    # A generator of its own: the plan must not depend on how much randomness other seeders used.
    rng = random.Random(9)
    created = 0
    for day in _working_days(DAYS):
        for room in rooms:
            for hour in sorted(rng.sample(range(9, 17), rng.randint(0, 3))):
                start = local(day, time(hour))
                end = start + timedelta(minutes=rng.choice([30, 45, 60]))
                organiser = me if me and rng.random() < 0.05 else rng.choice(people)
                invited = rng.sample(people, min(len(people), rng.randint(0, min(3, room.capacity - 1))))
                if me and room.capacity > 2 and rng.random() < 0.05:
                    invited.append(me)
                title = rng.choice(TITLES)  # drawn before the skip, so a rerun draws the same sequence
                if Booking.objects.filter(room=room, start__lt=end, end__gt=start).exists():
                    continue
                booking = Booking.objects.create(room=room, organiser=organiser, title=title, start=start, end=end)
                booking.attendees.set({p for p in invited if p.pk != organiser.pk})
                created += 1
    return created


def seed(context):
    with transaction.atomic():
        rooms = seed_buildings()
        people = list(Person.objects.filter(is_active=True).order_by("pk")[:300])
        me = Person.objects.filter(user__username="medewerker").first()
        created = seed_bookings(rooms, people, me) if people else 0
    context.log(f"  {len(rooms)} vergaderzalen, {created} nieuwe zaalreserveringen.")
