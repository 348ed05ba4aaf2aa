"""The homepage block "My apps": pinned apps first, then the unit's defaults (three queries)."""

from intranet.plugins import HomeBlock
from launcher import selectors

LIMIT = 12


def blocks(request):
    if not request.user.is_authenticated:
        return []
    person = getattr(request.user, "person", None)
    pinned, defaults = selectors.my_apps(request.user, person, limit=LIMIT)
    context = {"pinned": pinned, "defaults": defaults}
    return [HomeBlock(key="launcher.apps", template="launcher/home_block.html", context=context, order=5, wide=True)]
