"""An employee starts a team, a colleague joins it and posts; the team pages pass axe-core."""

import pytest
from playwright.sync_api import expect

from teams.models import Membership, TeamPage, TeamPost
from tests.e2e.conftest import PHONE
from tests.factories import PersonFactory


@pytest.fixture
def colleagues(transactional_db):
    alice = PersonFactory(first_name="Alice", last_name="Admiraal", user__username="alice").user
    bob = PersonFactory(first_name="Bob", last_name="Bakker", user__username="bob").user
    return alice, bob


def test_an_employee_creates_a_team_a_colleague_joins_and_posts(new_page, colleagues, assert_accessible):
    alice, bob = colleagues
    page = new_page(user=alice)
    page.goto("/teams/")
    assert page.locator("h1").inner_text() == "Teams"
    assert_accessible(page)

    page.get_by_role("link", name="Start een team").click()
    page.wait_for_url("**/teams/nieuw/")
    assert_accessible(page)
    page.get_by_role("button", name="Team aanmaken").click()  # empty: a Dutch error, nothing made
    expect(page.get_by_text("Geef het team een naam.").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Naam van het team").fill("Fotografie")
    page.get_by_label("Waar gaat het team over?").fill("Samen foto's maken en tips delen.")
    page.get_by_label("Open: iedereen kan lid worden").check()
    page.get_by_role("button", name="Team aanmaken").click()
    page.wait_for_url("**/teams/fotografie/")
    assert page.locator("h1").inner_text() == "Fotografie"
    assert page.get_by_text("Je team staat klaar.").is_visible()
    assert_accessible(page)
    team = TeamPage.objects.get(title="Fotografie")
    assert Membership.objects.get(team=team, user=alice).role == "admin"

    phone = new_page(user=bob, viewport=PHONE)
    phone.goto("/teams/")
    phone.get_by_role("link", name="Fotografie").click()
    phone.wait_for_url("**/teams/fotografie/")
    phone.get_by_role("button", name="Word lid van dit team").click()
    expect(phone.get_by_text("Welkom bij Fotografie!")).to_be_visible()
    phone.get_by_label("Je bericht").fill("Hallo allemaal, zaterdag fotowandeling?")
    phone.get_by_label("Dit is een vraag: ik kan het beste antwoord aanwijzen").check()
    phone.get_by_role("button", name="Bericht plaatsen").click()
    phone.wait_for_load_state()
    assert phone.get_by_text("Je bericht is geplaatst.").is_visible()
    assert phone.get_by_text("Hallo allemaal, zaterdag fotowandeling?").first.is_visible()
    assert_accessible(phone)
    post = TeamPost.objects.get()
    assert post.author == bob and post.is_question and post.team == team
    phone.goto(post.get_absolute_url())
    phone.get_by_label("Je reactie").fill("Ik neem mijn camera mee.")
    phone.get_by_role("button", name="Plaats reactie").click()
    phone.wait_for_load_state()
    assert phone.get_by_text("Ik neem mijn camera mee.").is_visible()
    assert_accessible(phone)
    phone.goto(team.url + "leden/")
    assert phone.get_by_text("Alice Admiraal").is_visible()
    assert_accessible(phone)

    page.goto(team.url)
    assert page.get_by_text("Hallo allemaal, zaterdag fotowandeling?").first.is_visible()
    page.goto("/teams/")  # the team is in "my teams" and in "all teams": no duplicate ids
    assert page.get_by_role("link", name="Fotografie").count() == 2
    assert_accessible(page)


def test_the_create_form_suggests_an_existing_team_while_typing(new_page, colleagues, assert_accessible):
    from teams import services

    alice, bob = colleagues
    services.create_team(alice, title="Fotografie", description="Foto's", kind="open")
    page = new_page(user=bob)
    page.goto("/teams/nieuw/")
    page.get_by_label("Naam van het team").press_sequentially("fotograf")
    suggestion = page.locator("#similar-teams").get_by_role("link", name="Fotografie")
    suggestion.wait_for()
    assert "Wil je daar lid van worden?" in page.locator("#similar-teams").inner_text()
    assert_accessible(page)
