"""The homepage block "My apps": pinned apps first, then the unit's defaults (one query, and none while
the rendered tiles are in the cache: launcher.tiles)."""

from intranet.plugins import HomeBlock
from launcher import tiles

LIMIT = 12


def cache_slots(request):
    return [tiles.home_slot(request.user, getattr(request.user, "person", None), LIMIT)]


def blocks(request):
    if not request.user.is_authenticated:
        return []
    person = getattr(request.user, "person", None)
    context = {"tiles": tiles.home_tiles(request.user, person, limit=LIMIT)}
    return [HomeBlock(key="launcher.apps", template="launcher/home_block.html", context=context, order=5, wide=True)]
