"""The demo seed (a few events, one in a room, one full with a waiting list, a team event; twice is
once), personal data (export and erase), the search providers and the admin's agenda."""

from datetime import time

import pytest

from agenda.models import EventPage, Signup, TeamEvent
from intranet.seeding import SeedContext
from rooms.models import Booking, Building, Room
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_seed_makes_the_demo_events_once(make_team, organiser):
    import io

    from agenda import seed

    building = Building.objects.create(name="Stadhuis", opens_at=time(7, 30), closes_at=time(18))
    Room.objects.create(building=building, name="Raadzaal", capacity=40)
    PersonFactory.create_batch(8)
    make_team("Fotografie")
    context = SeedContext(size=10, stdout=io.StringIO())
    seed.seed(context)
    seed.seed(context)
    assert EventPage.objects.live().count() == 4
    in_room = EventPage.objects.get(slug="informatiebijeenkomst-omgevingswet")
    assert Booking.objects.get().pk == in_room.booking_id
    full = EventPage.objects.get(slug="training-toegankelijk-schrijven")
    assert Signup.objects.filter(page=full, status=Signup.Status.GOING).count() == full.capacity
    assert Signup.objects.filter(page=full, status=Signup.Status.WAITING).count() == 2
    assert TeamEvent.objects.count() == 1


def test_personal_data_export_and_erase(make_event, make_user, organiser):
    from agenda import personal_data, signups

    guest = make_user("gast")
    event = make_event(title="Borrel", signup_enabled=True, organisers=[guest.person])
    signups.respond(guest, event, Signup.Status.GOING)
    kinds = {kind.name: kind for kind in personal_data.KINDS}
    records = kinds["events.signups"].export(guest).records
    assert records[0]["event"] == "Borrel" and records[0]["status"] == "going"
    assert kinds["events.organisers"].export(guest).records == [{"organiser_of": "Borrel"}]
    assert kinds["events.signups"].erase(guest, None) == 1
    kinds["events.organisers"].erase(guest, None)
    assert not EventPage.objects.get(pk=event.pk).organisers.exists()


def test_organisation_events_are_found_in_search(make_event, organiser):
    from search import registry, services

    registry._cache.clear()
    make_event(title="Informatiebijeenkomst Omgevingswet", place="Raadzaal")
    outcome = services.run_search("omgevingswet", organiser, kind="events")
    assert [r.title for r in outcome.selected.results] == ["Informatiebijeenkomst Omgevingswet"]
    registry._cache.clear()


def test_the_admin_edits_an_event_page(admin_client, make_event):
    event = make_event(title="Borrel")
    response = admin_client.get(f"/admin/pages/{event.pk}/edit/")
    assert response.status_code == 200
    assert "Aanmelden" in response.content.decode()
