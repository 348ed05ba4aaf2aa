"""Issue 14, weakness: titles with zero-width or bidirectional control characters look like existing
ones. Every user-given title goes through intranet.text.clean_title; one test per form, through its view."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from intranet.text import clean_title
from prikbord.models import Post
from rooms.models import Booking, Building, Room
from teams import services
from teams.models import Kind, TeamIndexPage, TeamPage
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

LOOK_ALIKES = ["Fiets\u200bclub", "\u202eFietsclub", "Fiets\u2066club\u2069", "\uff26ietsclub", "Fietsclub\u00ad"]


def test_clean_title_removes_what_cannot_be_seen():
    for title in LOOK_ALIKES:
        assert clean_title(title) == "Fietsclub", repr(title)
    assert clean_title("  Fiets\u00a0\n club\x00 ") == "Fiets club"
    assert clean_title("Café Zoë") == "Café Zoë"


@pytest.mark.parametrize("title", LOOK_ALIKES)
def test_a_look_alike_team_name_is_the_same_name(employee_client, employee, title):
    index = TeamIndexPage.objects.get()
    services.create_team(employee, title="Fietsclub", description="", kind=Kind.OPEN)
    url = index.url + "nieuw/"
    response = employee_client.post(url, {"title": title, "kind": "open", "create_anyway": "on"})
    # Refused as the existing name, and said so with the name as it would have been kept.
    assert response.status_code == 400
    assert "“Fietsclub”" in response.text and TeamPage.objects.count() == 1


def test_a_new_team_name_is_stored_normalised(employee_client):
    index = TeamIndexPage.objects.get()
    response = employee_client.post(index.url + "nieuw/", {"title": "\u202eWandel\u200bclub ", "kind": "open"})
    assert response.status_code == 302
    assert TeamPage.objects.get().title == "Wandelclub"
    # Nothing visible left is no name at all.
    response = employee_client.post(index.url + "nieuw/", {"title": "\u200b\u200d", "kind": "open"})
    assert response.status_code == 400 and TeamPage.objects.count() == 1


def test_a_look_alike_team_name_is_refused_in_the_admin(admin_client):
    index = TeamIndexPage.objects.get()
    url = reverse("wagtailadmin_pages:add", args=["teams", "teampage", index.pk])
    data = {"slug": "fietsclub", "description": "", "kind": "open", "action-publish": "1"}
    assert admin_client.post(url, {**data, "title": "Fietsclub"}).status_code == 302
    response = admin_client.post(url, {**data, "title": "Fiets\u200bclub", "slug": "fietsclub-2"})
    assert response.status_code == 200 and TeamPage.objects.count() == 1


def test_a_notice_board_title_is_stored_normalised(employee_client):
    response = employee_client.post(
        "/prikbord/nieuw/", {"category": "te-koop", "title": "Kinder\u200bfiets \u202e20 inch", "text": "Blauw."}
    )
    assert response.status_code == 302
    assert Post.objects.get().title == "Kinderfiets 20 inch"


def test_a_room_booking_title_is_stored_normalised(employee_client):
    building = Building.objects.create(name="Stadhuis", address="Markt 1")
    room = Room.objects.create(building=building, name="Zaal Amstel", floor=1, capacity=6)
    day = timezone.localdate() + timedelta(days=14)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    data = {"room": room.pk, "date": day.isoformat(), "start_time": "10:00", "end_time": "11:00", "attendees": ""}
    response = employee_client.post(reverse("rooms:book"), {**data, "title": "Werk\u200boverleg\u2067"})
    assert response.status_code == 302, response.content[:2000]
    assert Booking.objects.get().title == "Werkoverleg"


def test_a_tip_title_is_stored_normalised(client, home):
    from news.models import NewsIndexPage, NewsPage

    index = home.add_child(instance=NewsIndexPage(title="Nieuws", slug="nieuws"))
    index.save_revision().publish()
    manager = PersonFactory(user__username="mona").user
    manager.groups.add(Group.objects.get(name="Omgevingsbeheerders"))
    client.force_login(manager)
    response = client.post(
        "/admin/inzichten/moderatie/", {"title": "Zoek\u200b slim\u202c", "text": "Gebruik het zoekvak."}
    )
    assert response.status_code == 302
    assert NewsPage.objects.get().title == "Zoek slim"
