"""The homepage's notice-board block: the newest open posts with their first photo.

The same for every reader, so it is shared (intranet.plugins.shared): two queries a minute at most, none on
a warm homepage. A new post may take up to that minute to show here; the board itself is always current.
"""

from django.utils.translation import gettext_lazy as _

from intranet import caching
from intranet.plugins import PAGES_GENERATION, HomeBlock, shared
from prikbord import selectors

SHOWN = 4
BLOCKS = {"prikbord.newest": _("Newest on the notice board")}


def _newest():
    return {"posts": list(selectors.board()[:SHOWN])}


def blocks(request):
    if not request.user.is_authenticated:
        return []
    return [
        HomeBlock(
            key="prikbord.newest",
            template="prikbord/home_block.html",
            # Its HTML is kept as long as the list (prikbord/home_block.html's {% cache %}).
            context={**shared("prikbord.newest", _newest), "generation": caching.generation(PAGES_GENERATION)},
            order=35,
        )
    ]
