"""The homepage's "Agenda" block: the next events the reader may see, with their own answer.
Three queries whatever the number of events (organisation events, team events, my sign-ups)."""

from django.utils.translation import gettext_lazy as _

from agenda import selectors
from agenda.models import EventIndexPage
from intranet.plugins import HomeBlock, shared, shared_slot

BLOCKS = {"events.agenda": _("Agenda")}
SHOWN = 5
INDEX = "events.index"


def cache_slots(request):
    return [shared_slot(INDEX), *selectors.home_slots(request.user)]


def _index_url():
    page = EventIndexPage.objects.live().first()
    return {"url": page.get_url() if page else ""}


def blocks(request):
    if not request.user.is_authenticated:
        return []
    items = selectors.next_for_home(request, limit=SHOWN)
    context = {"items": items, "index_url": shared(INDEX, _index_url)["url"]}
    return [HomeBlock(key="events.agenda", template="events/home_block.html", context=context, order=35)]
