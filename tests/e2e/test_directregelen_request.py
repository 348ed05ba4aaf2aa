"""Direct regelen in a browser: a field worker on a phone finds a service and reports damage with a photo."""

import base64

import pytest
from playwright.sync_api import expect

from directregelen.models import PortalTask, Request, RequestFormField, RequestFormPage
from tests.directregelen.conftest import _forget_portal_link, make_department, make_service, publish  # noqa: F401
from tests.e2e.conftest import PHONE
from tests.factories import PersonFactory

# A real 1x1 PNG, so the photo also shows on the request page.
PNG_1PX = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def ensure_home():
    """The migrated homepage; rebuilt when an earlier transactional test's flush left the tree empty."""
    from django.conf import settings
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage

    home = HomePage.objects.first()
    if home is not None:
        return home
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root", locale=locale)
    home = root.add_child(instance=HomePage(title="Startpagina", slug="home", locale=locale))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "site_name": "Plein", "root_page": home}
    )
    return home


@pytest.fixture
def portal_with_services(transactional_db):
    from directregelen.models import DirectRegelenPage

    home = ensure_home()
    portal = publish(home, DirectRegelenPage(title="Direct regelen", slug="direct-regelen", intro="Alles op één plek."))
    facilitair = make_department(portal, "Facilitair", "facilitair", "FAC")
    form_page = RequestFormPage(title="Storing of schade melden", slug="schade-melden", intro="Maak een foto.")
    form_page.form_fields = [
        RequestFormField(label="Locatie", field_type="singleline", required=True, sort_order=0),
        RequestFormField(label="Wat is er aan de hand?", field_type="multiline", required=True, sort_order=1),
        RequestFormField(
            label="Foto", field_type="photo", required=False, sort_order=2, help_text="Jpeg, png, webp of pdf"
        ),
    ]
    publish(facilitair, form_page)
    contact = PersonFactory(first_name="Fleur", last_name="de Wit", job_title="Facilitair medewerker")
    service = make_service(
        facilitair,
        "Storing of schade melden",
        "storing-of-schade-melden",
        summary="Meld schade in een gebouw.",
        steps="<ol><li>Maak een foto.</li><li>Vul het formulier in.</li></ol>",
        action_label="Meld schade of een storing",
        action_page=form_page,
        contact_person=contact,
        costs="Geen",
        lead_time="Binnen twee werkdagen",
    )
    make_service(facilitair, "Parkeerkaart aanvragen", "parkeerkaart", summary="Parkeren onder het stadskantoor.")
    PortalTask.objects.create(portal=portal, label="schade melden", link_page=service, sort_order=0)
    return portal


@pytest.fixture
def field_worker(transactional_db):
    return PersonFactory(first_name="Bram", last_name="Veenstra", user__username="bram").user


def test_phone_user_finds_a_service_and_reports_damage_with_a_photo(
    new_page, field_worker, portal_with_services, assert_accessible
):
    page = new_page(user=field_worker, viewport=PHONE)
    page.goto("/direct-regelen/")
    assert page.locator("h1").inner_text() == "Direct regelen"
    assert_accessible(page)

    page.get_by_role("link", name="schade melden", exact=True).click()
    page.wait_for_url("**/storing-of-schade-melden/")
    assert page.locator("h1").inner_text() == "Storing of schade melden"
    assert page.get_by_text("Fleur de Wit").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Meld schade of een storing").click()
    page.wait_for_url("**/schade-melden/")
    assert_accessible(page)

    # First without the required description: a Dutch error, and the location stays filled in.
    page.get_by_label("Locatie").fill("Gang 3e verdieping")
    page.get_by_role("button", name="Verstuur aanvraag").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert page.get_by_text("Dit is een verplicht veld.").is_visible()
    assert page.get_by_label("Locatie").input_value() == "Gang 3e verdieping"
    assert_accessible(page)

    page.get_by_label("Wat is er aan de hand?").fill("Plafondplaat hangt los")
    page.get_by_label("Foto").set_input_files({"name": "plafond.png", "mimeType": "image/png", "buffer": PNG_1PX})
    page.get_by_role("button", name="Verstuur aanvraag").click()
    page.wait_for_url("**/aanvragen/FAC-*/")

    request = Request.objects.get()
    assert request.attachments.count() == 1
    assert request.reference in page.locator(".messages").inner_text()
    assert page.locator(".dr-reference").inner_text() == request.reference
    assert page.get_by_text("Ontvangen").first.is_visible()
    # A waiting check: under load the photo may still be loading (zero size) when the page is ready.
    expect(page.get_by_role("img", name="Foto: plafond.png")).to_be_visible()
    assert_accessible(page)


def test_department_and_my_requests_pages_are_accessible(
    new_page, field_worker, portal_with_services, assert_accessible
):
    page = new_page(user=field_worker)
    page.goto("/direct-regelen/facilitair/")
    assert page.locator("h1").inner_text() == "Facilitair"
    assert_accessible(page)
    page.goto("/aanvragen/")
    assert page.locator("h1").inner_text() == "Mijn aanvragen"
    assert_accessible(page)
