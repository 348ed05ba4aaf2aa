"""What the rooms show for an event's booking. The rooms' day view, feeds and admin are open to every
employee, so an event not everyone may see books under a neutral title. Kept in step when a team is
saved (its kind may have turned closed or private), a view restriction above an event page is added or
removed, or a page moves (agenda.signals); bookings that have ended are left as they were.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page, PageViewRestriction

from agenda.models import EventPage, TeamEvent
from rooms import services as rooms
from teams import selectors as team_selectors


def closed_title():
    return _("Closed meeting")


def booking_title(event):
    """The title of one event's booking."""
    team = getattr(event, "team", None)
    if team is not None:
        open_to_all = team_selectors.is_open(team)
    else:
        open_to_all = not event.get_view_restrictions().exists()
    return event.title if open_to_all else closed_title()


def retitle_team(team, now=None):
    """The team's events whose bookings have not ended: three queries, however many."""
    events = TeamEvent.objects.filter(team=team, booking__end__gt=now or timezone.now()).select_related("booking")
    open_to_all = team_selectors.is_open(team)
    rooms.retitle_held({event.booking: event.title if open_to_all else closed_title() for event in events})


def restricted_paths(page):
    """The tree paths of the pages above, at and below `page` that have a view restriction (one query):
    an event page below one of them is not for everyone."""
    above = [page.path[:end] for end in range(Page.steplen, len(page.path) + 1, Page.steplen)]
    restrictions = PageViewRestriction.objects.filter(Q(page__path__in=above) | Q(page__path__startswith=page.path))
    return set(restrictions.values_list("page__path", flat=True))


def retitle_pages(page, now=None):
    """The event pages at or below `page` whose bookings have not ended: the restrictions read once for
    the subtree, the titles written in one statement."""
    paths = restricted_paths(page)
    events = (
        EventPage.objects.descendant_of(page, inclusive=True)
        .filter(booking__end__gt=now or timezone.now())
        .select_related("booking")
    )
    rooms.retitle_held(
        {
            event.booking: closed_title() if any(event.path.startswith(path) for path in paths) else event.title
            for event in events
        }
    )
