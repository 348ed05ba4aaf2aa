"""An event page keeps the one booking it holds through the admin's edit form, a copy, its organiser's
departure and a stale page in memory."""

from wagtail.test.utils.form_data import nested_form_data

from agenda import services
from agenda.models import EventPage
from privacy import erasure
from privacy.models import ErasureLog
from rooms import services as room_services
from rooms.models import Booking
from teams import services as team_services
from teams.models import Role
from tests.events.test_services import _data
from tests.rooms.conftest import at


def _edit_form(page, **changes):
    fields = {
        "title": page.title,
        "slug": page.slug,
        "start": page.start,
        "end": page.end,
        "room": page.room_id,
        "organisers": [p.pk for p in page.organisers.all()],
        "waiting_list": "on",
        **changes,
    }
    for name in ("start", "end"):
        fields[name] = fields[name].astimezone().strftime("%Y-%m-%d %H:%M")
    data = nested_form_data(fields)
    data["action-publish"] = "1"
    return data


def _room_event(make_event, organiser, room, day, title="Raadsinformatie"):
    page = make_event(title=title, start=at(day, "13:00"), hours=1, room=room, organisers=[organiser.person])
    assert page.live and page.booking_id
    return page


def test_editing_a_live_room_event_in_the_admin_keeps_its_booking(client, superuser, make_event, organiser, room, day):
    page = _room_event(make_event, organiser, room, day)
    # A draft from the published revision, which was serialised before the room was booked: the edit
    # form builds the page from it, so the page's own booking is not in memory.
    draft = page.get_latest_revision().as_object()
    assert draft.booking_id is None
    draft.save_revision()
    client.force_login(superuser)
    response = client.post(f"/admin/pages/{page.pk}/edit/", _edit_form(page, title="Raadsinformatie (gewijzigd)"))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = EventPage.objects.get(pk=page.pk)
    assert page.live and page.title == "Raadsinformatie (gewijzigd)"
    booking = Booking.objects.get()
    assert page.booking_id == booking.pk and booking.title == "Raadsinformatie (gewijzigd)"


def test_moving_a_live_room_event_in_the_admin_moves_its_booking(client, superuser, make_event, organiser, room, day):
    page = _room_event(make_event, organiser, room, day)
    client.force_login(superuser)
    later = {"start": at(day, "14:00"), "end": at(day, "15:00")}
    response = client.post(f"/admin/pages/{page.pk}/edit/", _edit_form(page, **later))
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert (booking.start, booking.end) == (later["start"], later["end"])
    assert EventPage.objects.get(pk=page.pk).booking_id == booking.pk


def test_an_erased_organiser_leaves_the_event_its_room(make_event, make_user, superuser, room, day):
    leaver = make_user("vertrekker")
    page = make_event(title="Raadsinformatie", start=at(day, "13:00"), hours=1, room=room, organisers=[leaver.person])
    erasure.erase(leaver, via="test", reason=ErasureLog.Reason.REQUEST)
    booking = Booking.objects.get()
    assert EventPage.objects.get(pk=page.pk).booking_id == booking.pk and booking.organiser_id is None
    assert booking.held_by == f"/evenementen/pagina/{page.pk}/"
    services.cancel_event(superuser, EventPage.objects.get(pk=page.pk))  # the event still frees it
    assert not Booking.objects.exists()


def test_a_deleted_organiser_leaves_the_team_event_its_room(make_team, make_user, organiser, room, day):
    team = make_team()
    planner = make_user("planner")
    team_services.join(planner, team)
    team_services.set_role(organiser, team, planner, Role.ADMIN)
    event = services.create_team_event(planner, team, **_data(room=room, day=day))
    own = room_services.book_room(
        organiser=planner.person, room=room, title="Eigen overleg", start=at(day, "15:00"), end=at(day, "16:00")
    )[0]
    planner.person.delete()
    assert not Booking.objects.filter(pk=own.pk).exists()  # their own meeting frees the room
    booking = Booking.objects.get()
    assert booking.pk == event.booking_id and booking.organiser_id is None
    event.refresh_from_db()
    services.update_team_event(organiser, event, **_data(room=room, day=day, start="14:00", end="15:00"))
    booking.refresh_from_db()
    assert (booking.start, booking.end) == (at(day, "14:00"), at(day, "15:00"))


def test_unpublishing_a_page_loaded_before_its_room_was_booked_frees_the_room(make_event, organiser, room, day):
    page = _room_event(make_event, organiser, room, day)
    stale = EventPage.objects.get(pk=page.pk)
    stale.booking_id = None  # as loaded before the publish that booked the room
    services.page_unpublished(stale)
    assert not Booking.objects.exists()
    assert EventPage.objects.get(pk=page.pk).booking_id is None


def test_publishing_a_page_loaded_before_its_room_was_booked_keeps_the_one_booking(make_event, organiser, room, day):
    """A second publish at the same time: it sees the first one's booking and keeps the page live."""
    page = _room_event(make_event, organiser, room, day)
    stale = EventPage.objects.get(pk=page.pk)
    stale.booking_id = None
    services.page_published(stale)
    assert EventPage.objects.get(pk=page.pk).live
    assert Booking.objects.get().pk == page.booking_id


def test_a_publish_whose_save_wrote_over_the_booking_link_finds_its_booking_again(make_event, organiser, room, day):
    """Publish B read the row before publish A booked the room, then its save() wrote booking=None over
    A's link: B must find the booking the event holds, not book again, collide and go offline."""
    page = _room_event(make_event, organiser, room, day)
    held = page.booking_id
    EventPage.objects.filter(pk=page.pk).update(booking=None)  # what B's stale UPDATE left behind
    stale = EventPage.objects.get(pk=page.pk)
    services.page_published(stale)
    assert EventPage.objects.get(pk=page.pk).live
    assert list(Booking.objects.values_list("pk", flat=True)) == [held]
    assert EventPage.objects.get(pk=page.pk).booking_id == held
    services.page_unpublished(EventPage.objects.get(pk=page.pk))
    assert not Booking.objects.exists()  # and taken offline, the room is freed


def test_a_copy_of_a_room_event_has_no_room_and_leaves_the_original_its_booking(make_event, organiser, room, day):
    page = _room_event(make_event, organiser, room, day)
    copy = page.copy(update_attrs={"title": "Raadsinformatie (kopie)", "slug": "raadsinformatie-kopie"})
    copy = EventPage.objects.get(pk=copy.pk)
    assert copy.live and copy.room_id is None and copy.booking_id is None
    assert Booking.objects.get().pk == EventPage.objects.get(pk=page.pk).booking_id
