"""Phone-size flows of issue 8 and axe-core on the homepage, /apps/ and the notice board."""

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from launcher.models import App, Pin
from prikbord.models import Post
from tests.e2e.conftest import PHONE
from tests.factories import PersonFactory


@pytest.fixture
def sanne(transactional_db):
    return PersonFactory(first_name="Sanne", last_name="Boer", user__username="sanne")


@pytest.fixture
def apps(transactional_db):
    App.objects.create(name="E-mail", url="https://mail.example/", icon="mail", category="communicatie")
    return App.objects.create(name="TOPdesk", url="https://topdesk.example/", icon="helpdesk", category="service")


def test_homepage_is_accessible_with_welcome_and_tour(new_page, sanne, apps, assert_accessible):
    page = new_page(user=sanne.user, viewport=PHONE)
    page.goto("/")
    assert page.locator("h1").inner_text() == "Goed je te zien, Sanne"
    assert page.get_by_role("heading", name="Welkom op het intranet").is_visible()
    assert_accessible(page)
    # The guided tour is an enhancement: it steps through and, when ended, is remembered on the server.
    page.get_by_role("button", name="Rondleiding starten").click()
    expect(page.get_by_role("dialog")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Rondleiding beëindigen").click()
    page.wait_for_selector("#home-welcome", state="hidden")
    page.reload()
    assert page.get_by_role("heading", name="Welkom op het intranet").count() == 0

    # The header-photo gallery with its submission form.
    page.goto("/start/fotos/")
    assert page.locator("h1").inner_text() == "Headerfoto van de maand"
    assert_accessible(page)


def test_pin_an_app_and_post_on_the_notice_board_on_a_phone(new_page, sanne, apps, assert_accessible, tmp_path):
    page = new_page(user=sanne.user, viewport=PHONE)
    page.goto("/apps/")
    assert_accessible(page)
    page.get_by_role("button", name="Zet TOPdesk vast").first.click()
    expect(page.locator(".messages")).to_contain_text("vastgezet")
    assert Pin.objects.filter(user=sanne.user, app=apps).exists()
    page.goto("/")
    assert page.locator('[data-block="launcher.apps"]').get_by_role("link", name="TOPdesk").is_visible()

    page.goto("/prikbord/nieuw/")
    assert_accessible(page)
    page.get_by_label("Te koop").check()
    page.get_by_label("Titel").fill("Kinderfiets")
    page.get_by_label("Tekst").fill("Blauwe kinderfiets, 20 inch.")
    page.get_by_label("Prijs").fill("twaalf")
    photo = tmp_path / "fiets.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), (20, 60, 120)).save(buffer, format="JPEG")
    photo.write_bytes(buffer.getvalue())
    page.get_by_label("Foto's").set_input_files(str(photo))
    page.get_by_role("button", name="Op het prikbord plaatsen").click()
    expect(page.locator("#id_price_error")).to_contain_text("Vul een bedrag in euro")
    assert page.get_by_label("Titel").input_value() == "Kinderfiets"
    assert_accessible(page)
    page.get_by_label("Prijs").fill("12,50")
    page.get_by_label("Foto's").set_input_files(str(photo))
    page.get_by_role("button", name="Op het prikbord plaatsen").click()
    page.wait_for_url("**/prikbord/*/")
    assert page.locator("h1").inner_text() == "Kinderfiets"
    assert "€ 12,50" in page.content()
    assert_accessible(page)
    post = Post.objects.get()
    assert post.photos.count() == 1

    page.goto("/prikbord/")
    assert page.get_by_role("link", name="Kinderfiets").is_visible()
    assert_accessible(page)
