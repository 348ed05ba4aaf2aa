"""Demo events: a few organisation events (one in a Plein room, one full with a waiting list, one
past), and a team event. Deterministic and safe to run twice (found again by slug or title)."""

from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from agenda.models import EventIndexPage, EventPage, Signup, TeamEvent
from people.models import Person
from rooms import selectors as rooms
from teams import selectors as teams


def _at(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _working_day(days_ahead):
    day = timezone.localdate() + timedelta(days=days_ahead)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _page(index, slug, **fields):
    page = EventPage.objects.filter(slug=slug).first()
    if page is not None:
        return page, False
    page = EventPage(slug=slug, **fields)
    index.add_child(instance=page)
    return page, True


def _publish(page):
    try:
        with transaction.atomic():
            page.save_revision().publish()
        return True
    except ValidationError:
        return False


def _room_event(index, organisers):
    room = rooms.bookable_rooms().filter(name="Raadzaal").first()
    if room is None or EventPage.objects.filter(slug="informatiebijeenkomst-omgevingswet").exists():
        return None
    # The rooms' seed fills the coming two weeks; the first later afternoon that is free is taken.
    for ahead in range(21, 60):
        day = _working_day(ahead)
        page, _new = _page(
            index,
            "informatiebijeenkomst-omgevingswet",
            title="Informatiebijeenkomst Omgevingswet",
            start=_at(day, 15),
            end=_at(day, 17),
            room=room,
            description="De wethouder vertelt wat de Omgevingswet voor ons werk betekent. Na afloop een borrel.",
            signup_enabled=True,
            capacity=min(40, room.capacity),
        )
        page.start, page.end = _at(day, 15), _at(day, 17)
        page.organisers.set(organisers)  # the room is booked in the first organiser's name
        if _publish(page):
            return page
    return None


def seed(context):
    index = EventIndexPage.objects.first()
    people = list(Person.objects.filter(is_active=True, user__isnull=False).select_related("user").order_by("pk")[:12])
    if index is None or len(people) < 6:
        return
    me = Person.objects.filter(user__username="medewerker").first() or people[0]
    made = 0
    drinks, new = _page(
        index,
        "nieuwjaarsborrel",
        title="Nieuwjaarsborrel personeelsvereniging",
        start=_at(_working_day(14), 16),
        end=_at(_working_day(14), 19),
        place="Foyer stadhuis",
        description="Proost op het nieuwe jaar met collega's. Hapjes en drankjes van de personeelsvereniging.",
        signup_enabled=True,
        capacity=150,
    )
    if new and _publish(drinks):
        made += 1
    training, new = _page(
        index,
        "training-toegankelijk-schrijven",
        title="Training toegankelijk schrijven",
        start=_at(_working_day(10), 9, 30),
        end=_at(_working_day(10), 12, 30),
        place="Stadskantoor, lokaal 2.14",
        online_link="https://teams.example/training",
        description="Schrijven op B1-niveau voor webteksten en brieven. Vol is vol: er is een wachtlijst.",
        signup_enabled=True,
        capacity=3,
        waiting_list=True,
    )
    if new and _publish(training):
        made += 1
        attendees = [p for p in people if p.pk != me.pk][:5]
        for position, person in enumerate(attendees):
            status = Signup.Status.GOING if position < 3 else Signup.Status.WAITING
            waiting = timezone.now() + timedelta(minutes=position) if status == Signup.Status.WAITING else None
            Signup.objects.create(page=training, person=person, status=status, waiting_since=waiting)
    archived, new = _page(
        index,
        "kerstlunch-vorig-jaar",
        title="Kerstlunch",
        start=_at(timezone.localdate() - timedelta(days=30), 12),
        end=_at(timezone.localdate() - timedelta(days=30), 14),
        place="Kantine stadskantoor",
        description="De jaarlijkse kerstlunch.",
    )
    if new and _publish(archived):
        made += 1
    if _room_event(index, [me]):
        made += 1
    team = teams.open_teams().first()
    if team is not None and not TeamEvent.objects.filter(team=team, title="Teamuitje").exists():
        first = _working_day(28)
        event = TeamEvent.objects.create(
            team=team,
            title="Teamuitje",
            start=_at(first, 0),
            end=_at(first + timedelta(days=1), 23, 59),
            all_day=True,
            place="Hoge Veluwe",
            description="Twee dagen fietsen en bijpraten.",
            signup_enabled=True,
            capacity=20,
        )
        event.organisers.set([me])
        Signup.objects.create(team_event=event, person=me, status=Signup.Status.GOING)
        made += 1
    context.log(f"  Agenda: {made} nieuwe evenementen.")
