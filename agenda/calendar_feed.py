"""The events a person signed up for, in their personal calendar feed beside their room bookings
(the frame's contract: intranet.plugins.calendar_feed_components asks every app's
`calendar_feed.components(person)` for rooms' personal feed)."""

from django.conf import settings

from agenda import ical, selectors


def components(person):
    if person.user_id is None:
        return []
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    found = []
    for event in selectors.signed_up_for_feed(person):
        url = event.get_absolute_url() or ""
        found.append(ical.component(event, base + url if url.startswith("/") else url))
    return found
