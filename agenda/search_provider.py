"""Events in the one search box: organisation events (EventPages, through Wagtail's search with the
pages' visibility) and team events (plain SQL over the team events the searcher may see, so a private
team's events never show up in results, counts or suggestions)."""

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from agenda import selectors
from agenda.models import EventPage
from intranet.plugins import SearchProvider, SearchResult
from search.page_provider import PageSearchProvider
from teams import selectors as teams

MAX_WORDS = 8


def _day(event):
    return date_format(timezone.localtime(event.start), "j F Y")


class EventPagesProvider(PageSearchProvider):
    kind = "events"
    label = _("Events")
    order = 35
    model = EventPage
    page_models = (EventPage,)

    def subtitle(self, page):
        # The place as typed; a room's name would cost a query per result.
        return " · ".join(part for part in (_day(page), getattr(page, "place", "")) if part)


class TeamEventsProvider(SearchProvider):
    kind = "team_events"
    label = _("Team events")
    order = 46
    watched_apps = frozenset({"events", "teams"})  # the events' own rows, and their teams' names

    visibility_group = "team-timelines"  # the same as team posts

    def visibility_key(self, user):
        return teams.timeline_visibility_key(user)

    def matching(self, query, user):
        match = Q()
        for text in query.all_texts:
            each = Q()
            for word in text.split()[:MAX_WORDS]:
                each &= Q(title__icontains=word) | Q(description__icontains=word) | Q(place__icontains=word)
            match |= each
        events = selectors.visible_team_events(user).filter(match)
        return events.select_related("team").order_by("-start", "-pk")

    def to_result(self, event):
        subtitle = " · ".join((event.team.title, _day(event)))
        return SearchResult(title=event.title, url=event.get_absolute_url(), kind=self.kind, subtitle=subtitle)

    def search(self, query, user, limit, offset=0):
        if not query.normalised:
            return 0, []
        events = self.matching(query, user)
        if not limit:
            return events.count(), []
        found = list(events[offset : offset + limit])
        total = offset + len(found) if len(found) < limit else events.count()
        return total, [self.to_result(event) for event in found]

    def suggest(self, query, user, limit):
        if not query.normalised:
            return []
        now = timezone.now()
        return [self.to_result(e) for e in self.matching(query, user).filter(end__gte=now)[:limit]]


def providers():
    return [EventPagesProvider(), TeamEventsProvider()]
