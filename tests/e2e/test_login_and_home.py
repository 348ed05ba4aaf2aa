import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE
from tests.factories import PersonFactory


@pytest.fixture
def employee_with_password(transactional_db):
    person = PersonFactory(first_name="Sanne", last_name="Boer", user__username="sanne")
    person.user.set_password("lang-genoeg-wachtwoord")
    person.user.save()
    return person


def test_employee_logs_in_and_reaches_the_homepage(new_page, employee_with_password, assert_accessible):
    page = new_page()
    page.goto("/")
    assert "/inloggen/" in page.url
    assert page.locator("h1").inner_text() == "Inloggen"
    assert_accessible(page)

    page.get_by_label("Gebruikersnaam").fill("sanne")
    page.get_by_label("Wachtwoord").fill("lang-genoeg-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/")
    assert page.locator("h1").inner_text() == "Goed je te zien, Sanne"
    assert_accessible(page)


def test_wrong_password_keeps_username_and_explains_in_dutch(new_page, employee_with_password):
    page = new_page()
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("sanne")
    page.get_by_label("Wachtwoord").fill("fout")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert "gebruikersnaam" in page.get_by_role("alert").inner_text().lower()
    assert page.get_by_label("Gebruikersnaam").input_value() == "sanne"


def test_homepage_on_a_phone_is_accessible(new_page, employee_with_password, assert_accessible):
    page = new_page(user=employee_with_password.user, viewport=PHONE)
    page.goto("/")
    assert page.locator("h1").is_visible()
    # Search is the main door: the box is there and usable on a small screen.
    assert page.get_by_role("combobox", name="Zoek mensen, diensten, teams en nieuws").is_visible()
    assert_accessible(page)
