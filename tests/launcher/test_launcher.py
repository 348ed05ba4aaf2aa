import pytest
from django.core.exceptions import ValidationError

from launcher import selectors, services
from launcher.models import App, Pin, validate_app_url
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def names(apps):
    return [app.name for app in apps]


def test_defaults_follow_the_unit_and_its_descendants(units, make_app):
    make_app("E-mail")
    make_app("GIS-viewer", units=[units["ruimte"]])
    make_app("Financieel systeem", units=[units["financien"]])
    make_app("Oud systeem", is_active=False)
    in_team = PersonFactory(organisation_unit=units["gis"])
    in_finance = PersonFactory(organisation_unit=units["financien"])
    no_unit = PersonFactory()
    assert names(selectors.default_apps(in_team)) == ["E-mail", "GIS-viewer"]
    assert names(selectors.default_apps(in_finance)) == ["E-mail", "Financieel systeem"]
    assert names(selectors.default_apps(no_unit)) == ["E-mail"]


def test_pin_and_reorder_favourites(person, make_app):
    first, second, third = make_app("A"), make_app("B"), make_app("C")
    user = person.user
    for app in (first, second, third):
        assert services.pin(user, app)
    assert services.pin(user, first) is False  # twice is once
    assert names(selectors.pinned_apps(user)) == ["A", "B", "C"]
    services.move(user, third, "up")
    assert names(selectors.pinned_apps(user)) == ["A", "C", "B"]
    assert services.move(user, first, "up") is False  # already on top
    services.move(user, first, "down")
    assert names(selectors.pinned_apps(user)) == ["C", "A", "B"]
    services.unpin(user, third)
    assert names(selectors.pinned_apps(user)) == ["A", "B"]
    with pytest.raises(ValidationError):
        services.move(user, third, "up")


def test_pinned_apps_come_first_and_are_not_repeated(person, make_app):
    make_app("E-mail")
    agenda = make_app("Agenda", sort_order=1)
    services.pin(person.user, agenda)
    pinned, defaults = selectors.my_apps(person.user, person)
    assert names(pinned) == ["Agenda"]
    assert names(defaults) == ["E-mail"]


def test_inactive_apps_cannot_be_pinned(person, make_app):
    with pytest.raises(ValidationError):
        services.pin(person.user, make_app(is_active=False))


@pytest.mark.parametrize("value", ["javascript:alert(1)", "//evil.example/", "data:text/html,x", "ftp://x"])
def test_only_web_addresses_and_intranet_paths(value):
    with pytest.raises(ValidationError):
        validate_app_url(value)
    validate_app_url("/zalen/")
    validate_app_url("https://mail.example/")


def test_apps_page_pins_moves_and_filters_without_javascript(employee_client, person, units, make_app):
    mail = make_app("E-mail", category="communicatie", description="Webmail")
    gis = make_app("GIS-viewer", category="gegevens", units=[units["ruimte"]])
    response = employee_client.get("/apps/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Apps</h1>" in html and html.count("<h1") == 1
    assert "Communicatie en planning" in html and "GIS-viewer" in html

    response = employee_client.post(f"/apps/{gis.pk}/", {"action": "pin", "next": "/apps/"})
    assert response.status_code == 302 and response["Location"] == "/apps/"
    employee_client.post(f"/apps/{mail.pk}/", {"action": "pin"})
    employee_client.post(f"/apps/{mail.pk}/", {"action": "up", "next": "https://evil.example/"})
    assert names(selectors.pinned_apps(person.user)) == ["E-mail", "GIS-viewer"]
    page = employee_client.get("/apps/").content.decode()
    assert "is vastgezet" in page or "omhoog" in page
    assert "E-mail omlaag" in page  # the move button's accessible name, in Dutch

    filtered = employee_client.get("/apps/", {"q": "gis", "categorie": "gegevens"}).content.decode()
    assert "GIS-viewer" in filtered.split("all-apps-title")[-1]
    assert "Webmail" not in filtered
    empty = employee_client.get("/apps/", {"q": "bestaat-niet"}).content.decode()
    assert "Geen apps gevonden" in empty


def test_the_open_redirect_is_refused(employee_client, make_app):
    app = make_app()
    response = employee_client.post(f"/apps/{app.pk}/", {"action": "pin", "next": "https://evil.example/"})
    assert response["Location"] == "/apps/"


def test_get_cannot_change_pins(employee_client, person, make_app):
    app = make_app()
    assert employee_client.get(f"/apps/{app.pk}/", {"action": "pin"}).status_code == 405
    assert not Pin.objects.exists()


def test_apps_are_indexed_for_search(make_app):
    make_app("Zaaksysteem", description="Zaken behandelen")
    assert list(App.objects.search("Zaaksysteem")) == list(App.objects.filter(name="Zaaksysteem"))


@pytest.mark.parametrize("count", [2, 30])
def test_apps_page_query_count_is_fixed(employee_client, person, units, make_app, django_assert_max_num_queries, count):
    person.organisation_unit = units["gis"]
    person.save()
    for number in range(count):
        app = make_app(units=[units["ruimte"]] if number % 2 else [], category="zaken" if number % 3 else "overig")
        if number % 4 == 0:
            services.pin(person.user, app)
    # One-off work of a process's first page (the people index's address, kept per process) aside.
    employee_client.get("/hulp/")
    with django_assert_max_num_queries(14):
        response = employee_client.get("/apps/")
    assert response.status_code == 200


def test_editors_manage_apps_as_snippets(admin_client, units):
    response = admin_client.post(
        "/admin/snippets/launcher/app/add/",
        {
            "name": "GIS-viewer",
            "url": "https://kaarten.example/",
            "icon": "map",
            "category": "gegevens",
            "description": "Kaarten",
            "units": [units["ruimte"].pk],
            "sort_order": 10,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    app = App.objects.get(name="GIS-viewer")
    assert list(app.units.all()) == [units["ruimte"]]
    listing = admin_client.get("/admin/snippets/launcher/app/")
    assert listing.status_code == 200 and "GIS-viewer" in listing.content.decode()
    refused = admin_client.post(
        "/admin/snippets/launcher/app/add/",
        {"name": "Kwaad", "url": "javascript:alert(1)", "icon": "map", "category": "overig", "sort_order": 1},
    )
    assert refused.status_code == 200 and not App.objects.filter(name="Kwaad").exists()
