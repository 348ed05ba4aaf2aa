"""Room pages for `make bench`."""

from django.urls import reverse

from rooms.models import Booking, Building


def bench_pages():
    pages = [
        ("Zalen: dagoverzicht", reverse("rooms:day")),
        (
            "Zalen: vrije zaal zoeken",
            reverse("rooms:find") + "?date=2030-01-07&start_time=10:00&end_time=11:00&people=4",
        ),
        ("Zalen: reserveren", reverse("rooms:book")),
        ("Zalen: mijn reserveringen", reverse("rooms:mine")),
    ]
    building = Building.objects.order_by("pk").first()
    booking = Booking.objects.order_by("start").last()
    if building and booking:
        day = booking.start.date().isoformat()
        pages.append(("Zalen: dag met reserveringen", f"{reverse('rooms:day')}?building={building.pk}&date={day}"))
    return pages
