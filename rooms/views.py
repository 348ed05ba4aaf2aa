"""Thin views over rooms.services and rooms.selectors."""

import hmac
from datetime import date, timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from intranet import plugins
from rooms import ical, selectors, services
from rooms.forms import BookingForm, FindRoomForm, initial_from_booking, initial_from_query
from rooms.models import CalendarFeed, Room


def _person(request):
    person = getattr(request.user, "person", None)
    if person is None:
        raise PermissionDenied(_("Only employees with a profile can book rooms."))
    return person


def _parse_day(value):
    """The requested day; today for anything unreadable or absurdly far away (no overflow at year 9999)."""
    today = timezone.localdate()
    try:
        day = date.fromisoformat(value)
    except (TypeError, ValueError):
        return today
    return day if abs((day - today).days) <= 3660 else today


def _render_schedule(rows, day, now):
    """Each slot row's time and its cells as HTML, made here once with format_html (which escapes the
    booking titles and room names): a building's day is hundreds of cells, and template tags per cell
    ({% url %}, {% blocktranslate %}, {% translate %}) were most of the page's cost (issue 20)."""
    book = reverse("rooms:book")
    iso_day = day.isoformat()
    busy, past, free = _("Busy"), _("Past"), _("Free")
    busy_cell = format_html('<td class="rooms-cell rooms-cell--busy">{}</td>', busy)
    past_cell = format_html('<td class="rooms-cell rooms-cell--past">{}</td>', past)
    for row in rows:
        row.time = row.start.strftime("%H:%M")
        row.past = row.start < now
        cells = []
        for cell in row.cells:
            if cell.booking is not None and cell.first:
                cells.append(
                    format_html(
                        '<td class="rooms-cell rooms-cell--busy rooms-cell--start">{}: <span class="rooms-cell__title">{}</span></td>',
                        busy,
                        cell.booking.title,
                    )
                )
            elif cell.booking is not None:
                cells.append(busy_cell)
            elif row.past:
                cells.append(past_cell)
            else:
                query = urlencode({"room": cell.room.pk, "date": iso_day, "start": row.time}, safe=":")
                label = _("book %(room)s at %(time)s") % {"room": cell.room.name, "time": row.time}
                cells.append(
                    format_html(
                        '<td class="rooms-cell rooms-cell--free"><a href="{}?{}">{}<span class="visually-hidden"> — {}</span></a></td>',
                        book,
                        query,
                        free,
                        label,
                    )
                )
        row.cells_html = mark_safe("".join(cells))  # noqa: S308 (each part made by format_html above)


@require_GET
def day_view(request):
    all_buildings = list(selectors.buildings())
    chosen = request.GET.get("building")
    person = getattr(request.user, "person", None)
    building = next((b for b in all_buildings if str(b.pk) == chosen), None)
    if building is None and person is not None:
        building = next((b for b in all_buildings if b.location_id and b.location_id == person.location_id), None)
    building = building or (all_buildings[0] if all_buildings else None)
    day = _parse_day(request.GET.get("date"))
    context = {"buildings": all_buildings, "building": building, "day": day, "now": timezone.now()}
    if building is not None:
        context["rooms"], context["rows"] = selectors.day_schedule(building, day)
        _render_schedule(context["rows"], day, context["now"])
        context["closed"] = not building.is_open_on(day)
        context["previous_day"], context["next_day"] = day - timedelta(days=1), day + timedelta(days=1)
    return render(request, "rooms/day.html", context)


@require_GET
def find_view(request):
    form = FindRoomForm(request.GET or None, initial=FindRoomForm.defaults())
    results = None
    if form.is_valid():
        data = form.cleaned_data
        results = list(
            selectors.free_rooms(data["start"], data["end"], data["people"], data["facility"], data["building"])
        )
    return render(request, "rooms/find.html", {"form": form, "results": results})


def _alternative_links(form, conflict):
    """Links that reopen the form with a free option and everything else the person typed."""
    keep = {"title": form.data.get("title", ""), "attendees": form.data.get("attendees", "")}
    base = reverse("rooms:book")
    found = conflict.alternatives
    start, end = form.cleaned_data.get("start"), form.cleaned_data.get("end")
    links = []
    for room in found.rooms:
        query = {"room": room.pk, "date": timezone.localtime(start).date().isoformat()}
        query.update(start=f"{timezone.localtime(start):%H:%M}", end=f"{timezone.localtime(end):%H:%M}", **keep)
        links.append({"room": room, "start": start, "url": f"{base}?{urlencode(query)}"})
    later = None
    if found.next_start:
        next_start, next_end = (
            timezone.localtime(found.next_start),
            timezone.localtime(found.next_start + found.duration),
        )
        query = {"room": form.cleaned_data["room"].pk, "date": next_start.date().isoformat()}
        query.update(start=f"{next_start:%H:%M}", end=f"{next_end:%H:%M}", **keep)
        later = {"start": next_start, "end": next_end, "url": f"{base}?{urlencode(query)}"}
    return {"rooms": links, "later": later}


def _apply(form, action):
    """Run a service action for a valid form; put its refusals next to the fields. Returns the result."""
    try:
        return action(form.cleaned_data), None
    except services.BookingConflict as conflict:
        form.add_error(None, conflict.message)
        return None, _alternative_links(form, conflict)
    except ValidationError as error:
        form.add_error(None, error)
        return None, None


def book_view(request):
    person = _person(request)
    form = BookingForm(request.POST or None, initial=initial_from_query(request.GET))
    alternatives = None
    if request.method == "POST" and form.is_valid():
        bookings, alternatives = _apply(
            form,
            lambda data: services.book_room(
                organiser=person,
                room=data["room"],
                title=data["title"],
                start=data["start"],
                end=data["end"],
                attendees=data["attendees"],
                repeat_until=data.get("repeat_until"),
            ),
        )
        if bookings:
            messages.success(request, _booked_message(bookings))
            return redirect("rooms:mine")
    return render(request, "rooms/book.html", {"form": form, "alternatives": alternatives, "editing": None})


def _booked_message(bookings):
    values = {"room": bookings[0].room.name, "count": len(bookings), "date": _local_text(bookings[0].start)}
    if len(bookings) > 1:
        return _("%(room)s is booked for %(count)d time(s), first on %(date)s.") % values
    return _("%(room)s is booked on %(date)s.") % values


def _local_text(moment):
    return formats.date_format(timezone.localtime(moment), "l j F Y, H:i")


def _to_holder(request, booking):
    """An event's booking moves and goes with its event: send the organiser there (rooms.services
    refuses the change on its own too)."""
    messages.info(request, _("This booking belongs to an event: change or cancel the event instead."))
    return redirect(booking.held_by)


def change_view(request, pk):
    booking = get_object_or_404(selectors.bookings_with_details(), pk=pk)
    if not services.can_manage(request.user, booking):
        raise PermissionDenied(_("Only the organiser or Facilitair can change this booking."))
    if booking.held_by:
        return _to_holder(request, booking)
    form = BookingForm(request.POST or None, initial=initial_from_booking(booking), recurring=False)
    alternatives = None
    if request.method == "POST" and form.is_valid():
        changed, alternatives = _apply(
            form,
            lambda data: services.change_booking(
                user=request.user,
                booking=booking,
                room=data["room"],
                title=data["title"],
                start=data["start"],
                end=data["end"],
                attendees=data["attendees"],
            ),
        )
        if changed:
            messages.success(request, _("Your booking has been changed."))
            return redirect("rooms:mine")
    return render(request, "rooms/book.html", {"form": form, "alternatives": alternatives, "editing": booking})


def cancel_view(request, pk):
    booking = get_object_or_404(selectors.bookings_with_details(), pk=pk)
    if not services.can_manage(request.user, booking):
        raise PermissionDenied(_("Only the organiser or Facilitair can cancel this booking."))
    if booking.held_by:
        return _to_holder(request, booking)
    if request.method == "POST":
        count = services.cancel_booking(
            user=request.user, booking=booking, whole_series=request.POST.get("whole_series") == "1"
        )
        messages.success(
            request, _("Cancelled: %(title)s (%(count)d time(s)).") % {"title": booking.title, "count": count}
        )
        return redirect("rooms:mine")
    return render(request, "rooms/cancel.html", {"booking": booking})


@require_GET
def mine_view(request):
    person = _person(request)
    page = Paginator(selectors.upcoming_for(person), 20).get_page(request.GET.get("page"))
    feed = services.feed_token(person)
    rooms = list(selectors.bookable_rooms())
    for booking in page:
        booking.manageable = booking.organiser_id == person.pk
    return render(
        request,
        "rooms/mine.html",
        {"page_obj": page, "bookings": page.object_list, "feed": feed, "rooms": rooms},
    )


@require_POST
def reset_feed_view(request):
    services.reset_feed_token(_person(request))
    messages.success(request, _("Your calendar links have been renewed. The old links no longer work."))
    return redirect("rooms:mine")


def _feed_owner(person_id, token):
    """The person whose secret this is, compared in constant time; 404 for anything else."""
    feed = CalendarFeed.objects.select_related("person__user").filter(person_id=person_id).first()
    if feed is None or not hmac.compare_digest(feed.token.encode(), token.encode()):
        raise Http404
    # A leaver's feed stops with their account, whichever of the two was switched off.
    if not feed.person.is_active or not feed.person.user.is_active:
        raise Http404
    return feed.person


def _ics(document, filename):
    response = HttpResponse(document, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


# Calendar clients (Outlook, phones) carry no session: these two views authenticate by the secret token.
@login_not_required
@require_GET
def person_feed(request, person_id, token):
    person = _feed_owner(person_id, token)
    name = _("Room bookings of %(name)s") % {"name": person.full_name}
    extra = plugins.calendar_feed_components(person)
    return _ics(ical.calendar(selectors.feed_for_person(person), name=name, extra=extra), "zaalreserveringen.ics")


@login_not_required
@require_GET
def room_feed(request, person_id, token, room_id):
    _feed_owner(person_id, token)
    room = get_object_or_404(Room.objects.select_related("building"), pk=room_id)
    name = _("Bookings of %(room)s") % {"room": str(room)}
    document = ical.calendar(selectors.feed_for_room(room), name=name, people=False)
    return _ics(document, f"zaal-{room.pk}.ics")
