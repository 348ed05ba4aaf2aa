"""Bookings of events that were already closed to some (a closed or private team, a page below a view
restriction) before their titles were kept in step: they get the neutral title too (agenda.room_titles)."""

from django.conf import settings
from django.db import migrations
from django.utils import timezone, translation
from django.utils.translation import gettext


def close_titles(apps, schema_editor):
    with translation.override(settings.LANGUAGE_CODE):  # migrate runs without an active language
        closed = gettext("Closed meeting")
    Booking = apps.get_model("rooms", "Booking")
    restricted = set(apps.get_model("wagtailcore", "PageViewRestriction").objects.values_list("page__path", flat=True))
    pages = apps.get_model("events", "EventPage").objects.filter(booking__isnull=False)
    ids = [booking for path, booking in pages.values_list("path", "booking_id") if path.startswith(tuple(restricted))]
    team_events = apps.get_model("events", "TeamEvent").objects.filter(booking__isnull=False)
    ids += team_events.exclude(team__kind="open").values_list("booking_id", flat=True)
    # Ended bookings stay as they were (agenda.room_titles leaves them too): they are history.
    Booking.objects.filter(pk__in=ids, end__gt=timezone.now()).update(title=closed)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_bookings_held_by_events"),
        ("rooms", "0004_booking_held_by"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(close_titles, migrations.RunPython.noop)]
