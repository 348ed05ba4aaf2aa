"""Keeping teams healthy in the browser: live duplicate suggestions while naming a team (similar.js),
and the community managers' pages and the admins' keep page pass axe-core."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from playwright.sync_api import expect

from teams import services
from teams.archiving import archive_team
from teams.models import Kind, TeamPage
from tests.factories import PersonFactory


@pytest.fixture
def people(transactional_db):
    alice = PersonFactory(first_name="Alice", last_name="Admiraal", user__username="alice").user
    bob = PersonFactory(first_name="Bob", last_name="Bakker", user__username="bob").user
    moderator = PersonFactory(first_name="Mo", last_name="Derator", user__username="moderator").user
    group, _created = Group.objects.get_or_create(name="Omgevingsbeheerders")
    group.permissions.add(Permission.objects.get(codename="moderate_comments"))
    moderator.groups.add(group)
    return alice, bob, moderator


def test_similar_teams_appear_while_typing_a_name(new_page, people, assert_accessible):
    alice, bob, _moderator = people
    services.create_team(alice, title="Fotografie", description="Samen foto's maken.", kind=Kind.OPEN)
    services.create_team(alice, title="Geheime fotografie", description="Besloten.", kind=Kind.PRIVATE)
    page = new_page(user=bob)
    page.goto("/teams/nieuw/")
    page.locator("input[name='title']").press_sequentially("Fotografieclub", delay=20)
    box = page.locator("#similar-teams")
    box.get_by_role("link", name="Fotografie", exact=True).wait_for()
    assert "Geheime fotografie" not in box.inner_text()  # a private team of others is never suggested
    assert_accessible(page)
    page.locator("input[name='title']").fill("Xy")
    page.locator("input[name='title']").press("End")
    page.locator("input[name='title']").press_sequentially("z", delay=20)
    expect(box.get_by_role("link")).to_have_count(0)  # nothing like "Xyz": the box empties again


def test_community_managers_pages_pass_axe(new_page, people, assert_accessible):
    alice, _bob, moderator = people
    photo = services.create_team(alice, title="Fotografie", description="Foto's.", kind=Kind.OPEN)
    club = services.create_team(alice, title="Fotografieclub", description="Fotoclub.", kind=Kind.OPEN)
    chess = services.create_team(alice, title="Schaakclub", description="Schaken.", kind=Kind.OPEN)
    choir = services.create_team(alice, title="Koor", description="Zingen.", kind=Kind.OPEN)
    TeamPage.objects.filter(pk=chess.pk).update(last_activity_at=timezone.now() - timedelta(days=200))
    archive_team(moderator, choir)

    page = new_page(user=moderator)
    page.goto("/teams-acties/beheer/")
    assert page.locator("h1").count() == 1
    assert page.get_by_text("Schaakclub").first.is_visible()
    assert_accessible(page)
    for path in ("stil/", "dubbel/", "gearchiveerd/"):
        page.goto(f"/teams-acties/beheer/{path}")
        assert_accessible(page)
    page.goto(f"/teams-acties/beheer/samenvoegen/?bron={club.pk}&doel={photo.pk}")
    assert_accessible(page)
    page.locator("main form[action$='/samenvoegen/'] button[type='submit']").click()
    page.wait_for_url("**/teams/fotografie/")
    assert TeamPage.objects.get(pk=club.pk).merged_into_id == photo.pk

    admin = new_page(user=alice)
    admin.goto(f"/teams-acties/beheer/{chess.pk}/houden/")
    assert_accessible(admin)
    admin.locator("main form:not([action]) button[type='submit']").click()
    admin.wait_for_url("**/teams/schaakclub/")
    assert TeamPage.objects.get(pk=chess.pk).keep_until is not None


def test_homepage_block_and_profile_section_pass_axe(new_page, people, assert_accessible):
    alice, bob, _moderator = people
    team = services.create_team(alice, title="Fotografie", description="Foto's.", kind=Kind.OPEN)
    services.join(bob, team)
    services.create_post(alice, team, text="Zaterdag fotowandeling langs de grachten")
    page = new_page(user=bob)
    page.goto("/")
    block = page.locator("section[aria-labelledby='teams-home-title']")
    assert "Zaterdag fotowandeling" in block.inner_text()
    assert_accessible(page)
    page.goto(alice.person.get_absolute_url())
    section = page.locator("section[aria-labelledby='profile-teams-title']")
    section.get_by_role("link", name="Fotografie").click()
    page.wait_for_url("**/teams/fotografie/")
    page.goto(alice.person.get_absolute_url())
    assert_accessible(page)
