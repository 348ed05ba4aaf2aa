"""Agenda pages for `make bench`."""

from agenda.models import EventIndexPage, EventPage


def bench_pages():
    index = EventIndexPage.objects.live().first()
    if index is None:
        return []
    base = index.url
    pages = [
        ("Agenda: komende evenementen", base),
        ("Agenda: maand", base + "maand/"),
        ("Agenda: archief", base + "archief/"),
    ]
    event = EventPage.objects.live().order_by("start").last()
    if event is not None:
        pages.append(("Agenda: evenement", event.url))
    return pages
