"""Reads for the agenda, the event pages and the homepage block, each with a fixed number of queries.

Visibility is decided here, in SQL: organisation events are live EventPages outside sections the user
may not open (intranet.page_visibility); team events follow their team's timeline (teams.selectors.timeline_readable_q):
open teams for everyone, closed and private teams for their members only, so a private team's events
never reach an outsider's list, month, archive, search, feed or homepage.
"""

import calendar
import hashlib
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.core.paginator import Paginator
from django.db.models import CharField, Exists, Q, Value
from django.utils import timezone

from agenda.models import EventPage, Signup, TeamEvent, signups_of
from intranet import caching
from intranet.page_visibility import page_visibility_key, visible_pages
from intranet.plugins import PAGES_GENERATION
from teams.selectors import active_membership, timeline_readable_q, timeline_visibility_key, timeline_visibility_slot

SCOPES = ("all", "organisation", "teams", "mine")
SIGNED_UP = (Signup.Status.GOING, Signup.Status.MAYBE, Signup.Status.WAITING)
# The homepage block's shared list (next_for_home): bumped by agenda.signals on every change to an
# event or a team; kept five minutes at most, as a net under the bumps.
HOME_GENERATION = "agenda-home"
SIGNUPS_GENERATION = "agenda-signups"  # per reader: their own answers on the homepage
HOME_TTL = 300


def visible_team_events(user):
    events = TeamEvent.objects.filter(team__live=True)
    if user is None or not user.is_authenticated:
        return events.none()
    return events.filter(timeline_readable_q(user))


def upcoming_team_events(team, user, limit):
    """A team page's next events: the page has already asked whether its timeline is readable (and
    keeps the answer), so no visibility subquery is built for its own events."""
    if not team.content_visible_to(user):
        return []
    now = timezone.now()

    def compute():
        # A few more than shown, so that events ending while the list is kept leave others to show.
        return list(TeamEvent.objects.filter(team_id=team.pk, end__gte=now).order_by("start", "pk")[: limit * 3])

    # The same for every reader who may see the team: kept under the agenda's generation, which every
    # change to an event or a team bumps (agenda.signals).
    kept = caching.remember(HOME_GENERATION, ("team-events", team.pk, limit), compute, ttl=HOME_TTL)
    return [event for event in kept if event.end >= now][:limit]


def visible_event_pages(user):
    if user is None or not user.is_authenticated:
        return EventPage.objects.none()
    return visible_pages(EventPage.objects.all(), user)


def access_event(user, kind, pk):
    """The event if the user may see it, else None (the view answers 404: hidden and missing alike)."""
    if kind == "pagina":
        queryset = visible_event_pages(user)
    elif kind == "team":
        queryset = visible_team_events(user).select_related("team")
    else:
        return None
    return queryset.select_related("room__building", "booking").filter(pk=pk).first()


@dataclass
class Item:
    """One agenda row, whichever kind of event it is."""

    event: object
    url: str
    team_title: str = ""
    status: str | None = None
    kind: str = "pagina"

    def __getattr__(self, name):
        if name.startswith("__") or "event" not in self.__dict__:
            raise AttributeError(name)
        return getattr(self.__dict__["event"], name)


def _pages(user, scope, person):
    pages = visible_event_pages(user).select_related("room__building")
    if scope == "teams":
        return pages.none()
    if scope == "mine":
        pages = pages.filter(signups__person=person, signups__status__in=SIGNED_UP) if person else pages.none()
    return pages


def _team_events(user, scope, person):
    events = visible_team_events(user).select_related("team", "room__building")
    if scope == "organisation":
        return events.none()
    if scope == "teams":
        events = events.filter(Exists(active_membership(user, "team_id")))
    if scope == "mine":
        events = events.filter(signups__person=person, signups__status__in=SIGNED_UP) if person else events.none()
    return events


def _items(request, pages, team_events, person, reverse=False, with_status=True):
    items = [Item(page, page.get_url(request) or "") for page in pages]
    items += [Item(e, e.get_absolute_url(), team_title=e.team.title, kind="team") for e in team_events]
    # A total order (start, title, kind, id), as the paged lists' SQL (_keys): equal rows keep their places.
    items.sort(key=lambda item: (item.start, item.title, item.kind, item.pk), reverse=reverse)
    if with_status:
        _add_statuses(items, person)
    return items


def _add_statuses(items, person):
    """The person's own answer on each item (one query)."""
    if person is None or not items:
        return
    rows = Signup.objects.filter(person=person).filter(
        Q(page_id__in=[i.pk for i in items if i.kind == "pagina"])
        | Q(team_event_id__in=[i.pk for i in items if i.kind == "team"])
    )
    statuses = {("pagina" if r.page_id else "team", r.page_id or r.team_event_id): r.status for r in rows}
    for item in items:
        item.status = statuses.get((item.kind, item.pk))


def _person(user):
    return getattr(user, "person", None)


def upcoming(request, scope="all", limit=50, now=None, with_status=True):
    """Events that have not ended, soonest first (the homepage's list): three queries (pages, team
    events, my answers)."""
    now = now or timezone.now()
    user, person = request.user, _person(request.user)
    pages = _pages(user, scope, person).filter(end__gte=now).order_by("start", "pk")[:limit]
    team_events = _team_events(user, scope, person).filter(end__gte=now).order_by("start", "pk")[:limit]
    return _items(request, pages, team_events, person, with_status=with_status)[:limit]


PAGE_SIZE = 30
_KEY = ("start", "title", "kind", "pk")


def _keys(pages, team_events):
    """Both kinds of event as one list of (start, title, kind, id) in SQL, so a page of the merged list
    is cut by the database: its cost does not grow with the data or the page number."""

    def keys(queryset, kind):
        kind_value = Value(kind, output_field=CharField())
        return queryset.order_by().annotate(kind=kind_value).values_list(*_KEY)

    return keys(pages, "pagina").union(keys(team_events, "team"), all=True)


def page_number(value):
    """?pagina= as a page number: anything but a positive number is the first page (the paginator
    takes a number past the end to the last)."""
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def _page_of(request, pages, team_events, person, number, reverse):
    keys = _keys(pages, team_events).order_by(*(f"-{name}" if reverse else name for name in _KEY))
    shown = Paginator(keys, PAGE_SIZE).get_page(page_number(number))
    wanted = list(shown.object_list)
    found = {("pagina", page.pk): page for page in pages.filter(pk__in=[k[3] for k in wanted if k[2] == "pagina"])}
    found.update(
        {("team", event.pk): event for event in team_events.filter(pk__in=[k[3] for k in wanted if k[2] == "team"])}
    )
    items = []
    for _start, _title, kind, pk in wanted:
        event = found.get((kind, pk))
        if event is None:  # gone between the two reads
            continue
        if kind == "pagina":
            items.append(Item(event, event.get_url(request) or ""))
        else:
            items.append(Item(event, event.get_absolute_url(), team_title=event.team.title, kind="team"))
    _add_statuses(items, person)
    shown.object_list = items
    return shown


def upcoming_page(request, scope="all", number=1, now=None):
    """The agenda: events that have not ended, soonest first, PAGE_SIZE a page. Five queries: the count,
    the page's keys, its pages, its team events and my answers."""
    now = now or timezone.now()
    user, person = request.user, _person(request.user)
    pages = _pages(user, scope, person).filter(end__gte=now)
    team_events = _team_events(user, scope, person).filter(end__gte=now)
    return _page_of(request, pages, team_events, person, number, reverse=False)


def past_page(request, scope="all", number=1, now=None):
    """The archive: events that ended, latest first, PAGE_SIZE a page (as upcoming_page)."""
    now = now or timezone.now()
    user, person = request.user, _person(request.user)
    pages = _pages(user, scope, person).filter(end__lt=now)
    team_events = _team_events(user, scope, person).filter(end__lt=now)
    return _page_of(request, pages, team_events, person, number, reverse=True)


@dataclass
class Day:
    date: object
    in_month: bool
    items: list = field(default_factory=list)


def month(request, year, month_number, scope="all"):
    """The month's weeks (Monday first), each day with the events on it (multi-day events on each)."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month_number)
    first, last = weeks[0][0], weeks[-1][-1]
    start = timezone.make_aware(datetime.combine(first, time.min))
    end = timezone.make_aware(datetime.combine(last + timedelta(days=1), time.min))
    user, person = request.user, _person(request.user)
    pages = _pages(user, scope, person).filter(start__lt=end, end__gte=start).order_by("start")[:500]
    team_events = _team_events(user, scope, person).filter(start__lt=end, end__gte=start).order_by("start")[:500]
    items = _items(request, pages, team_events, person)
    grid = []
    for week in weeks:
        row = []
        for day in week:
            cell = Day(day, day.month == month_number)
            for item in items:
                if timezone.localtime(item.start).date() <= day <= timezone.localtime(item.end).date():
                    cell.items.append(item)
            row.append(cell)
        grid.append(row)
    return grid


@dataclass
class HomeItem:
    """What the homepage block shows of an event, kept in the cache (no model rows, no sign-ups)."""

    kind: str
    pk: int
    title: str
    url: str
    team_title: str
    start: datetime
    end: datetime
    all_day: bool
    is_cancelled: bool
    status: str | None = None

    @property
    def multi_day(self):
        return timezone.localtime(self.start).date() != timezone.localtime(self.end).date()


def home_slots(user):
    """What the homepage's agenda block reads kept before its list: the reader's closed and private teams."""
    return [timeline_visibility_slot(user)]


def next_for_home(request, limit=5, now=None):
    """The next events for the homepage: the list is shared by everyone who may see the same events
    (the same hidden sections and the same closed and private teams) and cached under the agenda's
    generation, which every change to an event or a team bumps (agenda.signals); only the reader's
    own answers are asked each time. Events that ended since the list was cached drop out on reading."""
    now = now or timezone.now()
    user, person = request.user, _person(request.user)
    # A few more than shown, so that events ending within the cache's lifetime leave others to show.
    spare = limit * 3

    def compute():
        found = upcoming(request, limit=spare, now=now, with_status=False)
        fields = ("title", "start", "end", "all_day", "is_cancelled")
        return [
            HomeItem(
                item.kind, item.pk, url=item.url, team_title=item.team_title, **{f: getattr(item, f) for f in fields}
            )
            for item in found
        ]

    parts = (page_visibility_key(user), timeline_visibility_key(user), spare)
    # Every cache read unpickles fresh objects, so the reader's statuses can be set on them directly.
    kept = caching.remember(HOME_GENERATION, parts, compute, ttl=HOME_TTL, depends=(PAGES_GENERATION,))
    items = [item for item in kept if item.end >= now]
    items = items[:limit]
    _add_home_statuses(items, person)
    return items


def _add_home_statuses(items, person):
    """_add_statuses for the homepage, kept per reader until one of their sign-ups changes
    (agenda.signals, and agenda.signups for the waiting list's bulk move up)."""
    if person is None or not items:
        return
    shown = hashlib.sha256(repr([(item.kind, item.pk) for item in items]).encode()).hexdigest()[:24]

    def compute():
        _add_statuses(items, person)
        return [item.status for item in items]

    statuses = caching.remember_for_user(SIGNUPS_GENERATION, person.user_id, (shown,), compute, ttl=HOME_TTL)
    for item, status in zip(items, statuses, strict=True):
        item.status = status


def attendees(event):
    """Sign-ups for the organiser's list: going first, then maybe, the waiting list in its order."""
    order = {Signup.Status.GOING: 0, Signup.Status.MAYBE: 1, Signup.Status.WAITING: 2, Signup.Status.NOT_GOING: 3}

    rows = list(signups_of(event).select_related("person__organisation_unit"))
    rows.sort(key=lambda s: (order[s.status], s.waiting_since or s.created_at, s.pk))
    return rows


def signed_up_for_feed(person):
    """The events a person answered going/maybe/waiting, for their calendar feed (visibility checked
    by the caller against the person's account)."""
    user = person.user
    pages = visible_event_pages(user).filter(signups__person=person, signups__status__in=SIGNED_UP)
    pages = pages.select_related("room__building")
    team_events = visible_team_events(user).filter(signups__person=person, signups__status__in=SIGNED_UP)
    return list(pages) + list(team_events.select_related("room__building"))
