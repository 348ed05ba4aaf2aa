"""Direct regelen on the homepage: the most used services and the way to one's own requests."""

from directregelen import selectors
from intranet.plugins import HomeBlock, shared, shared_slot

SHORTCUTS = 5
POPULAR = "directregelen.popular"


def cache_slots(request):
    return [selectors.portal_slot(), shared_slot(POPULAR), selectors.open_count_slot(request.user)]


def blocks(request):
    if not request.user.is_authenticated:
        return []
    portal = selectors.portal_link()
    if portal is None:
        return []
    return [
        HomeBlock(
            key="directregelen.shortcuts",
            template="directregelen/home_block.html",
            context={
                "portal": portal,
                # The same for everyone: cached until a page changes, and for a minute at most.
                "services": shared(POPULAR, lambda: selectors.popular_services(limit=SHORTCUTS)),
                "open_count": selectors.open_request_count(request.user),
            },
            order=30,
        )
    ]
