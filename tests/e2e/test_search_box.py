"""The header search box: suggestions as you type (combobox), the results page, with and without JS."""

import re

import pytest

from tests.e2e.conftest import DESKTOP, PHONE, _session_cookie
from tests.factories import PersonFactory


@pytest.fixture
def colleagues(transactional_db):
    searcher = PersonFactory(first_name="Sanne", last_name="Boer", user__username="sanne")
    target = PersonFactory(first_name="Ilse", tussenvoegsel="van der", last_name="Heijden", job_title="Projectleider")
    PersonFactory(first_name="Ilse", last_name="Heijmans", job_title="Jurist")
    return searcher.user, target


def test_type_a_name_and_open_the_profile_from_a_suggestion(new_page, colleagues, assert_accessible):
    user, target = colleagues
    page = new_page(user=user)
    page.goto("/")
    box = page.get_by_role("combobox", name="Zoek mensen, diensten, teams en nieuws")
    box.click()
    box.press_sequentially("heijden", delay=30)
    listbox = page.get_by_role("listbox", name="Suggesties")
    option = listbox.get_by_role("option", name=re.compile("Ilse van der Heijden"))
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert "Projectleider" in option.inner_text()
    assert_accessible(page)  # with the suggestions list open

    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    assert option.get_attribute("aria-selected") == "true"
    box.press("Enter")
    page.wait_for_url(f"**{target.get_absolute_url()}")
    assert "Ilse van der Heijden" in page.locator("h1").inner_text()


def test_escape_closes_and_enter_without_choice_opens_the_results_page(new_page, colleagues):
    user, _target = colleagues
    page = new_page(user=user)
    page.goto("/")
    box = page.get_by_role("combobox", name="Zoek mensen, diensten, teams en nieuws")
    box.click()
    box.press_sequentially("ilse", delay=30)
    page.get_by_role("option", name=re.compile("Ilse Heijmans")).wait_for()
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert not page.get_by_role("listbox").is_visible()
    box.press("Enter")
    page.wait_for_url("**/zoeken/?q=ilse")
    assert page.locator("h1").inner_text() == "Zoeken"
    assert page.locator(".search-summary").inner_text() == "2 resultaten voor “ilse”"


def test_a_mouse_click_on_a_suggestion_follows_it(new_page, colleagues):
    user, target = colleagues
    page = new_page(user=user)
    page.goto("/zoeken/")
    box = page.get_by_role("combobox", name="Zoek mensen, diensten, teams en nieuws")
    box.click()
    box.press_sequentially("heijm", delay=30)
    page.get_by_role("option", name=re.compile("Ilse Heijmans")).click()
    page.wait_for_url("**/mensen/**")
    assert "Ilse Heijmans" in page.locator("h1").inner_text()


def test_without_javascript_the_box_submits_to_the_results_page(browser, live_server, colleagues):
    user, target = colleagues
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url, viewport=DESKTOP)
    context.add_cookies([_session_cookie(user, live_server.url)])
    try:
        page = context.new_page()
        page.goto("/")
        box = page.get_by_role("searchbox", name="Zoek mensen, diensten, teams en nieuws")
        box.fill("heijden")
        box.press("Enter")
        page.wait_for_url("**/zoeken/?q=heijden")
        page.get_by_role("link", name="Ilse van der Heijden").click()
        page.wait_for_url(f"**{target.get_absolute_url()}")
        # The kind filter is plain links too.
        page.go_back()
        page.get_by_role("link", name="Mensen (1)").click()
        page.wait_for_url("**soort=people")
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_results_page_is_accessible_with_and_without_results(new_page, colleagues, assert_accessible, viewport):
    user, _target = colleagues
    page = new_page(user=user, viewport=viewport)
    page.goto("/zoeken/?q=ilse")
    assert page.locator(".search-result").count() == 2
    assert_accessible(page)
    page.goto("/zoeken/?q=ilse&soort=people")
    assert_accessible(page)
    page.goto("/zoeken/?q=onvindbaarwoord")
    assert "Niets gevonden" in page.locator("main").inner_text()
    assert_accessible(page)
    page.goto("/zoeken/")
    assert_accessible(page)
