"""The homepage's notice-board block: the newest open posts with their first photo.

The same for every reader, so it is shared (intranet.plugins.shared): two queries a minute at most, none on
a warm homepage. A new post may take up to that minute to show here; the board itself is always current.
"""

import time

from django.utils.translation import gettext_lazy as _

from intranet.plugins import HomeBlock, shared
from prikbord import selectors

SHOWN = 4
BLOCKS = {"prikbord.newest": _("Newest on the notice board")}


def _newest():
    # The stamp keys the block's kept HTML to this very list (prikbord/home_block.html's {% cache %}).
    return {"posts": list(selectors.board()[:SHOWN]), "stamp": time.time_ns()}


def blocks(request):
    if not request.user.is_authenticated:
        return []
    return [
        HomeBlock(
            key="prikbord.newest",
            template="prikbord/home_block.html",
            context=shared("prikbord.newest", _newest),
            order=35,
        )
    ]
