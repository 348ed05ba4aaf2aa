"""An event in a Plein room holds its booking whenever it is live: checked before publishing, held
against the rooms pages, renamed when the event's visibility changes, kept through a typo fix."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data

from agenda import services
from agenda.models import EventPage
from rooms import services as room_services
from rooms.models import Booking
from teams import services as team_services
from teams.models import Kind
from tests.events.test_services import _data
from tests.rooms.conftest import at


@pytest.fixture
def editor_without_profile(db):
    """A superuser account with no Person: it cannot hold a room booking."""
    return get_user_model().objects.create_superuser("redacteur", "redacteur@example.org", "x")


def _page_form(room, day, action="action-publish", **extra):
    data = nested_form_data(
        {
            "title": "Raadsinformatie",
            "slug": "raadsinformatie",
            "start": at(day, "13:00").strftime("%Y-%m-%d %H:%M"),
            "end": at(day, "14:00").strftime("%Y-%m-%d %H:%M"),
            "room": room.pk,
            "waiting_list": "on",
            **extra,
        }
    )
    data[action] = "1"
    return data


def test_publishing_a_room_event_without_anyone_to_hold_the_room_is_refused(
    client, editor_without_profile, agenda, room, day
):
    client.force_login(editor_without_profile)
    response = client.post(f"/admin/pages/add/events/eventpage/{agenda.pk}/", _page_form(room, day))
    assert response.status_code == 200
    assert "kies een organisator" in response.content.decode()
    assert not EventPage.objects.filter(live=True).exists() and not Booking.objects.exists()


def test_scheduling_a_room_event_is_refused(client, superuser, agenda, room, day):
    client.force_login(superuser)
    later = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    response = client.post(f"/admin/pages/add/events/eventpage/{agenda.pk}/", _page_form(room, day, go_live_at=later))
    assert response.status_code == 200
    assert "kan niet ingepland worden" in response.content.decode()
    assert not EventPage.objects.exists() and not Booking.objects.exists()


def test_a_publish_that_cannot_book_the_room_takes_the_page_offline(make_event, editor_without_profile, room, day):
    """A path past the form (an old revision, a workflow's approval): never a live page without its room."""
    page = make_event(title="Raadsinformatie", start=at(day, "13:00"), hours=1)
    page.room = room
    page.save_revision(user=editor_without_profile).publish(user=editor_without_profile)
    page = EventPage.objects.get(pk=page.pk)
    assert not page.live and page.booking_id is None and not Booking.objects.exists()


def test_an_events_booking_cannot_be_moved_or_cancelled_in_rooms(client, make_team, organiser, room, day):
    event = services.create_team_event(organiser, make_team(), **_data(room=room, day=day))
    booking = Booking.objects.get()
    assert booking.held_by == f"/evenementen/team/{event.pk}/"
    client.force_login(organiser)
    for url in (f"/zalen/reserveringen/{booking.pk}/wijzigen/", f"/zalen/reserveringen/{booking.pk}/annuleren/"):
        response = client.post(url, {"whole_series": "0"})
        assert response.status_code == 302 and response.url == booking.held_by
    assert Booking.objects.filter(pk=booking.pk, start=at(day, "10:00")).exists()
    with pytest.raises(ValidationError):
        room_services.cancel_booking(user=organiser, booking=booking)
    assert f'href="{booking.held_by}"' in client.get("/zalen/mijn-reserveringen/").content.decode()
    services.cancel_event(organiser, event)  # the event itself still frees it
    assert not Booking.objects.exists()


def test_the_stable_address_of_an_event_page_leads_to_it(client, make_event, organiser):
    page = make_event(title="Borrel")
    client.force_login(organiser)
    response = client.get(f"/evenementen/pagina/{page.pk}/")
    assert response.status_code == 302 and response.url == page.url


def test_a_team_turning_private_hides_its_event_title_in_the_rooms(client, make_team, organiser, outsider, room, day):
    team = make_team("Fotografie", Kind.OPEN)
    services.create_team_event(organiser, team, **_data(room=room, day=day, title="Geheim ontslag Jansen"))
    assert Booking.objects.get().title == "Geheim ontslag Jansen"
    team_services.update_team(organiser, team, title=team.title, description="Besloten.", kind=Kind.PRIVATE)
    client.force_login(outsider)
    html = client.get("/zalen/", {"building": room.building_id, "date": day.isoformat()}).content.decode()
    assert "Besloten bijeenkomst" in html and "Geheim ontslag" not in html
    feed = room_services.feed_token(outsider.person)
    ics = client.get(f"/zalen/agenda/{feed.person_id}/{feed.token}/zaal-{room.pk}.ics").content.decode()
    assert "Besloten bijeenkomst" in ics and "Geheim ontslag" not in ics


def test_a_view_restriction_on_an_event_page_hides_its_title_in_the_rooms(make_event, organiser, room, day):
    page = make_event(title="Geheim overleg", start=at(day, "13:00"), hours=1, room=room, organisers=[organiser.person])
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert Booking.objects.get().title == "Besloten bijeenkomst"
    restriction.delete()
    assert Booking.objects.get().title == "Geheim overleg"


def test_fixing_a_typo_in_a_past_room_event_keeps_its_booking(make_team, organiser, room, day):
    event = services.create_team_event(organiser, make_team(), **_data(room=room, day=day, title="Teamoverleg"))
    start = (timezone.now() - timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
    Booking.objects.update(start=start, end=start + timedelta(hours=1))
    type(event).objects.filter(pk=event.pk).update(start=start, end=start + timedelta(hours=1))
    event.refresh_from_db()
    services.check_room(event)  # the admin form's check: the held slot is not judged again
    data = {**_data(room=room, day=day, title="Teamoverleg (verslag)"), "start": event.start, "end": event.end}
    services.update_team_event(organiser, event, **data)
    assert Booking.objects.get().title == "Teamoverleg (verslag)"
