"""The homepage block "My next room bookings": two queries at most, whatever the data size."""

from intranet.plugins import HomeBlock
from rooms import selectors


def cache_slots(request):
    return [selectors.home_slot(request.user.pk)]


def blocks(request):
    person = getattr(request.user, "person", None) if request.user.is_authenticated else None
    if person is None:
        return []
    bookings = selectors.next_for_home(person)
    return [HomeBlock(key="rooms.next", template="rooms/home_block.html", context={"bookings": bookings}, order=40)]
