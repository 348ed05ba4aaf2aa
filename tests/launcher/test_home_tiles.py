"""The homepage's "My apps" tiles are rendered once per employee and cached (launcher.tiles): every
pin, move, app change and change of unit must show at once, and one employee's tiles never another's."""

import pytest

from launcher.models import App
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def tiles(client):
    html = client.get("/").content.decode()
    block = html.split('id="home-apps-title"')[1].split("</section>")[0]
    return [part.split("</span>")[0] for part in block.split('class="app-tile__name">')[1:]]


def test_pins_moves_and_app_changes_show_at_once(employee_client, person, units, make_app):
    mail = make_app("E-mail")
    gis = make_app("GIS-viewer", units=[units["ruimte"]])
    assert tiles(employee_client) == ["E-mail"]  # GIS is for Ruimte only

    employee_client.post(f"/apps/{gis.pk}/", {"action": "pin"})
    assert tiles(employee_client) == ["GIS-viewer", "E-mail"]
    employee_client.post(f"/apps/{mail.pk}/", {"action": "pin"})
    employee_client.post(f"/apps/{mail.pk}/", {"action": "up"})
    assert tiles(employee_client) == ["E-mail", "GIS-viewer"]
    employee_client.post(f"/apps/{mail.pk}/", {"action": "unpin"})
    assert tiles(employee_client) == ["GIS-viewer", "E-mail"]

    # An editor renames an app, gives one to the employee's unit, retires one.
    mail.name = "Webmail"
    mail.save()
    planning = make_app("Planning")
    planning.units.set([units["gis"]])
    assert tiles(employee_client) == ["GIS-viewer", "Webmail"]
    person.organisation_unit = units["gis"]
    person.save()
    assert tiles(employee_client) == ["GIS-viewer", "Planning", "Webmail"]
    App.objects.filter(pk=gis.pk).get().delete()
    assert tiles(employee_client) == ["Planning", "Webmail"]


def test_each_employee_has_their_own_tiles(client, employee_client, person, make_app):
    mail, wiki = make_app("E-mail"), make_app("Wiki")
    employee_client.post(f"/apps/{wiki.pk}/", {"action": "pin"})
    assert tiles(employee_client) == ["Wiki", "E-mail"]
    other = PersonFactory(user__username="otto").user
    client.force_login(other)
    assert tiles(client) == ["E-mail", "Wiki"]
    assert mail.pk and "app-tile--pinned" not in client.get("/").content.decode()
