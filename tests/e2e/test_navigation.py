"""The section bar and the phone menu, by keyboard, at 320 px and 1280 px."""

import pytest
from playwright.sync_api import expect

from tests.factories import PersonFactory

NARROW = {"width": 320, "height": 640}
WIDE = {"width": 1280, "height": 900}


@pytest.fixture
def colleague(transactional_db):
    return PersonFactory(first_name="Sanne", last_name="Boer", user__username="sanne").user


def _no_horizontal_scroll(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url} scrolls {overflow}px sideways"


def _focus_is_visible(page):
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; })()"
    )
    assert not style.startswith("none"), f"no visible focus on the active element: {style}"


def _tab_to(page, locator, limit=40):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {locator}")


def test_the_bar_by_keyboard_on_a_wide_screen(new_page, colleague, assert_accessible):
    page = new_page(user=colleague, viewport=WIDE)
    page.goto("/prikbord/")
    nav = page.get_by_role("navigation", name="Secties")
    assert nav.is_visible()
    assert not page.locator("[data-menu-button]").is_visible()
    assert nav.locator("[aria-current=page]").inner_text() == "Prikbord"
    teams = nav.get_by_role("link", name="Teams")
    _tab_to(page, teams)
    _focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**/teams/")
    assert page.get_by_role("navigation", name="Secties").locator("[aria-current=page]").inner_text() == "Teams"
    _no_horizontal_scroll(page)
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/", "/nieuws/", "/teams/", "/prikbord/"])
def test_no_sideways_scroll_and_axe_clean_at_320(new_page, colleague, assert_accessible, path):
    page = new_page(user=colleague, viewport=NARROW)
    page.goto(path)
    _no_horizontal_scroll(page)
    header = page.locator(".site-header__inner").bounding_box()
    assert header["height"] < 70, "the phone header is one row"
    assert_accessible(page)


def test_the_phone_menu_is_a_disclosure_that_escape_closes(new_page, colleague, assert_accessible):
    page = new_page(user=colleague, viewport=NARROW)
    page.goto("/")
    nav = page.get_by_role("navigation", name="Secties")
    button = page.get_by_role("button", name="Menu")
    assert not nav.is_visible()
    assert button.get_attribute("aria-expanded") == "false"
    _tab_to(page, button)
    _focus_is_visible(page)
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert nav.is_visible()
    assert page.evaluate("document.activeElement.textContent") == "Nieuws"  # focus moved into the menu
    _no_horizontal_scroll(page)
    assert_accessible(page)
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert not nav.is_visible()
    assert button.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the second link: Mensen
    page.wait_for_url("**/mensen/**")


def test_without_javascript_the_menu_link_opens_the_bar(browser, live_server, colleague):
    from tests.e2e.conftest import _session_cookie

    context = browser.new_context(viewport=NARROW, base_url=live_server.url, java_script_enabled=False)
    try:
        context.add_cookies([_session_cookie(colleague, live_server.url)])
        page = context.new_page()
        page.goto("/")
        nav = page.get_by_role("navigation", name="Secties")
        assert not nav.is_visible()
        page.get_by_role("link", name="Menu").click()
        expect(nav).to_be_visible()
        _no_horizontal_scroll(page)
    finally:
        context.close()
