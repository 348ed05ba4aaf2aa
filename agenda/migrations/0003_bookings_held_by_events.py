"""Bookings made for events before Booking.held_by existed: mark them held, so the rooms pages send their
organisers to the event instead of moving or cancelling the room on its own."""

from django.db import migrations


def mark_held(apps, schema_editor):
    Booking = apps.get_model("rooms", "Booking")
    for model, kind in (("EventPage", "pagina"), ("TeamEvent", "team")):
        for pk, booking_id in apps.get_model("events", model).objects.filter(booking__isnull=False).values_list(
            "pk", "booking_id"
        ):
            Booking.objects.filter(pk=booking_id).update(held_by=f"/evenementen/{kind}/{pk}/")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_agenda_page"),
        ("rooms", "0004_booking_held_by"),
    ]

    operations = [migrations.RunPython(mark_held, migrations.RunPython.noop)]
