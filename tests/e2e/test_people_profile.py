import re

import pytest
from playwright.sync_api import expect
from wagtail.images.models import Image

from people.models import Location, Person
from tests.e2e.conftest import DESKTOP, PHONE
from tests.factories import OrganisationUnitFactory, PersonFactory
from tests.people.conftest import image_bytes


@pytest.fixture
def colleagues(transactional_db):
    unit = OrganisationUnitFactory(name="Publiekszaken", slug="publiekszaken")
    Location.objects.create(name="Stadhuis", address="Markt 1")
    me = PersonFactory(
        first_name="Sanne", tussenvoegsel="de", last_name="Boer", slug="sanne-de-boer", organisation_unit=unit
    )
    boss = PersonFactory(
        first_name="Jan", tussenvoegsel="de", last_name="Vries", slug="jan-de-vries", organisation_unit=unit
    )
    boss.expertise.add("GIS")
    Person.objects.filter(pk=me.pk).update(manager=boss)
    PersonFactory(first_name="Fatima", last_name="Bakker", is_ambassador=True, organisation_unit=unit)
    return me


def test_search_as_you_type_and_plain_submit(new_page, colleagues):
    page = new_page(user=colleagues.user)
    page.goto("/mensen/")
    page.get_by_label("Naam, functie of expertise").press_sequentially("gis", delay=30)
    # Results arrive per keystroke: wait for the one of the whole word before reading them.
    expect(page).to_have_url(re.compile(r"q=gis"))
    expect(page.locator("#people-count")).to_contain_text("1 collega gevonden")
    expect(page.locator("#people-results")).to_contain_text("Jan de Vries")

    # The form is a plain GET form too (the no-JavaScript path; tests/people covers it without a browser).
    page.get_by_label("Naam, functie of expertise").fill("bakker")
    page.locator("form[data-people-search] button[type=submit]").click()
    page.wait_for_url("**/mensen/?q=bakker*")
    assert "Fatima Bakker" in page.locator("#people-results").inner_text()
    assert "Jan de Vries" not in page.locator("#people-results").inner_text()


def test_employee_completes_profile_to_100_and_the_nudge_disappears(new_page, colleagues, tmp_path, assert_accessible):
    photo = tmp_path / "ik.png"
    photo.write_bytes(image_bytes("PNG", size=(300, 300)))
    page = new_page(user=colleagues.user)
    page.goto("/")
    nudge = page.locator("[data-block='people.nudge']")
    assert "Je profiel is voor 0% gevuld: voeg een profielfoto toe" in nudge.inner_text()
    nudge.get_by_role("link", name="Mijn profiel aanvullen").click()
    page.wait_for_url("**/mensen/sanne-de-boer/bewerken/")
    assert page.locator("h1").inner_text() == "Mijn profiel bewerken"

    # A fake photo is refused in Dutch and what was typed stays.
    fake = tmp_path / "nep.jpg"
    fake.write_bytes(b"dit is geen foto")
    page.get_by_label("Telefoon", exact=True).fill("010 123 4567")
    page.get_by_label("Over mij").fill("Ik help je graag aan de balie.")
    page.get_by_label("Profielfoto").set_input_files(str(fake))
    page.get_by_role("button", name="Profiel opslaan").click()
    expect(page.locator(".field--error")).to_contain_text("Dit bestand is geen JPEG-, PNG- of WebP-foto")
    assert page.get_by_label("Telefoon", exact=True).input_value() == "010 123 4567"
    assert_accessible(page)

    page.get_by_label("Profielfoto").set_input_files(str(photo))
    page.get_by_label("Mobiel").fill("06 12345678")
    page.get_by_label("Locatie").select_option(label="Stadhuis")
    page.get_by_label("maandag ochtend").check()
    page.get_by_label("dinsdag middag").check()
    page.get_by_label("Vraag mij over").fill("Burgerzaken, Paspoorten")
    page.get_by_role("button", name="Profiel opslaan").click()
    page.wait_for_url("**/mensen/sanne-de-boer/")
    assert "Je profiel is opgeslagen." in page.locator(".messages").inner_text()
    assert page.locator(".profile__head img").count() == 1
    assert "gevuld:" not in page.locator("main").inner_text()

    page.goto("/")
    assert page.locator("[data-block='people.nudge']").count() == 0
    assert page.locator(".user-menu img").count() == 1
    assert Person.objects.get(pk=colleagues.pk).completeness == 100
    # On SQLite, an uploaded image left behind breaks the serialized rollback of the next browser
    # test (it finds an empty page tree); removing it here keeps the suite order-independent.
    Image.objects.all().delete()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_people_pages_are_accessible(new_page, colleagues, assert_accessible, viewport):
    page = new_page(user=colleagues.user, viewport=viewport)
    for path in (
        "/mensen/",
        "/mensen/?q=vries",
        "/mensen/ambassadeurs/",
        "/mensen/organisatie/publiekszaken/",
        "/mensen/jan-de-vries/",
        "/mensen/sanne-de-boer/bewerken/",
    ):
        page.goto(path)
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)
