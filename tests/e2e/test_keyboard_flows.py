"""The main flows by keyboard only, at 320 and 1280 px (issue 15): search, posting in a team, placing
a notice. Each Tab stop must show its focus; after each action focus lands somewhere sensible, not at
the top of an unrelated page; nothing scrolls sideways."""

import pytest
from playwright.sync_api import expect

from tests.e2e.test_a11y_reflow_and_focus import DESKTOP, NARROW, SIDEWAYS, _context, every_page_type  # noqa: F401

FOCUS_SHOWN = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
}"""
FOCUSED = "() => { const el = document.activeElement; return el ? el.outerHTML.slice(0, 120) : ''; }"


def tab_to(page, matches, limit=120):
    """Press Tab until the focused element matches the CSS selector; every stop must show its focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUS_SHOWN), f"no visible focus on {page.evaluate(FOCUSED)}"
        if page.evaluate("(selector) => document.activeElement.matches(selector)", matches):
            return
    raise AssertionError(f"{matches} not reached with Tab")


@pytest.fixture(params=[NARROW, DESKTOP], ids=["320px", "1280px"])
def keyboard_page(request, browser, live_server, every_page_type):  # noqa: F811
    context = _context(browser, live_server, every_page_type["person"].user, request.param)
    page = context.new_page()
    yield page, every_page_type
    context.close()


def test_search_by_keyboard_from_the_top_of_the_page(keyboard_page):
    page, _ = keyboard_page
    page.goto("/apps/")
    tab_to(page, "input[type=search]")
    page.keyboard.type("prikbord")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/zoeken/" in page.url
    tab_to(page, "main .search-group li a")  # the first result: the Prikbord section
    with page.expect_navigation(url="**/prikbord/"):
        page.keyboard.press("Enter")
    assert page.evaluate(SIDEWAYS) <= 0


def test_post_in_a_team_by_keyboard(keyboard_page):
    page, pages = keyboard_page
    page.goto(pages["urls"][10])  # the team page
    tab_to(page, "textarea[name=text]")
    page.keyboard.type("Wie heeft de sleutel van de kast?")
    tab_to(page, ".team__new-post button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_text("Je bericht is geplaatst.")).to_be_visible()
    assert page.get_by_text("Wie heeft de sleutel van de kast?").first.is_visible()
    assert page.evaluate("() => document.activeElement !== document.body") or "#post-" in page.url
    assert page.evaluate(SIDEWAYS) <= 0


def test_place_a_notice_by_keyboard_and_errors_take_focus(keyboard_page):
    page, _ = keyboard_page
    page.goto("/prikbord/nieuw/")
    tab_to(page, "main form[method=post] button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # empty: the error summary takes focus
    assert "form-errors" in (page.evaluate("() => document.activeElement.className") or "")
    tab_to(page, "input[name=category]")  # a radio group: one Tab stop, Space picks
    page.keyboard.press("Space")
    tab_to(page, "input[name=title]")
    page.keyboard.type("Bureaustoel")
    tab_to(page, "textarea[name=text]")
    page.keyboard.type("Verstelbaar, zo goed als nieuw.")
    tab_to(page, "main form[method=post] button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text().strip() == "Bureaustoel"
    assert page.evaluate(SIDEWAYS) <= 0
