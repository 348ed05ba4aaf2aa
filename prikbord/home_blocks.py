"""The homepage's notice-board block: the newest open posts with their first photo.

The same for every reader, so it is shared (intranet.plugins.shared_html): kept as HTML, two queries a
minute at most, none on a warm homepage. A new post may take up to that minute to show here; the board
itself is always current.
"""

from django.utils.translation import gettext_lazy as _

from intranet.plugins import HomeBlock, shared_html, shared_html_slot
from prikbord import selectors

SHOWN = 4
KEY = "prikbord.newest"
BLOCKS = {KEY: _("Newest on the notice board")}


def _newest():
    return {"posts": list(selectors.board()[:SHOWN])}


def cache_slots(request):
    return [shared_html_slot(KEY)]


def blocks(request):
    if not request.user.is_authenticated:
        return []
    html = shared_html(KEY, "prikbord/includes/home_block_body.html", _newest, request)
    return [HomeBlock(key=KEY, template="prikbord/home_block.html", context={"html": html}, order=35)]
