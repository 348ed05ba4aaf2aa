"""WCAG 2.1 AA criteria axe cannot see (issue 15): reflow at 320 px (1.4.10), text spacing (1.4.12),
focus placed after actions (2.4.3), status messages (4.1.3) and the tour highlight's contrast (1.4.11).

Every page type is walked at 320 px and 1280 px: the document never scrolls sideways, and with the
WCAG text-spacing override injected no text is cut off by a box that hides its overflow.
"""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from tests.e2e.conftest import DESKTOP, _session_cookie
from tests.factories import PersonFactory

pytestmark = pytest.mark.slow

NARROW = {"width": 320, "height": 640}
LONG_WORD = "Arbeidsongeschiktheidsverzekeringsaanvraagformulierenbehandelingsprocedure"
LONG_MAIL = "gegevensbeschermingsfunctionaris.sociaal.domein@gemeente-voorbeeldstad.example"
# The WCAG 1.4.12 override (the bookmarklet auditors use), as a style sheet.
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""
# Elements that hide their overflow and hold text must not have more text than room.
CLIPPED = """() => {
    const clipped = [];
    for (const el of document.querySelectorAll("body *")) {
        if (el.closest(".visually-hidden, [hidden], script, style, svg, select, option")) continue;
        if (!el.textContent.trim() || el.getClientRects().length === 0) continue;
        if (el.clientWidth <= 1 && el.clientHeight <= 1) continue;  // the visually-hidden pattern
        const style = getComputedStyle(el);
        const hides = v => v === "hidden" || v === "clip";
        const overX = hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
        const overY = hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
        if (overX || overY) clipped.push(`${el.tagName}.${el.className}: ${el.textContent.trim().slice(0, 40)}`);
    }
    return clipped;
}"""
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# Elements wider than the viewport say where a sideways scroll comes from.
CULPRITS = """() => [...document.querySelectorAll("body *")]
    .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                  && !el.closest(".visually-hidden"))
    .slice(0, 5).map(el => `${el.tagName}.${el.className}`)"""


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def every_page_type(transactional_db):
    """One page of each type, with the long Dutch words and addresses that used to run off the page."""
    from directregelen.models import DepartmentPage, DirectRegelenPage, ServicePage
    from home.models import HomePage
    from launcher.models import App, Pin
    from news.models import NewsIndexPage, NewsPage
    from prikbord import services as prikbord
    from rooms.models import Booking, Building, Room
    from teams import services as teams
    from teams.models import Kind

    home = HomePage.objects.get()
    person = PersonFactory(
        first_name="Sanne", last_name="Boer", user__username="sanne", email=LONG_MAIL, job_title=LONG_WORD
    )
    news_index = _publish(home, NewsIndexPage(title="Nieuws", slug="nieuws"))
    news = _publish(
        news_index,
        NewsPage(
            title=f"Nieuw: {LONG_WORD}",
            slug="lang",
            intro=f"Mail {LONG_MAIL} of lees {LONG_WORD}.",
            author=person,
            body=[{"type": "text", "value": f"<p>{LONG_WORD} {LONG_MAIL}</p>"}],
        ),
    )
    portal = _publish(home, DirectRegelenPage(title="Direct regelen", slug="direct-regelen"))
    department = _publish(portal, DepartmentPage(title="Facilitair", slug="facilitair", reference_prefix="FAC"))
    service = _publish(department, ServicePage(title=LONG_WORD, slug="lang-woord", summary=f"Vraag {LONG_MAIL}."))
    team = teams.create_team(person.user, title=LONG_WORD, description=LONG_WORD, kind=Kind.OPEN)
    teams.create_post(person.user, team, text=f"{LONG_WORD} {LONG_MAIL}")
    prikbord_post = prikbord.create_post(person.user, category="te-koop", title=LONG_WORD, text=LONG_MAIL)
    building = Building.objects.create(name="Stadskantoor", opens_at=time(8), closes_at=time(18))
    room = Room.objects.create(building=building, name="Zaal Amstel", capacity=6)
    Room.objects.create(building=building, name="Raadzaal", capacity=40)
    day = timezone.localdate() + timedelta(days=(0 - timezone.localdate().weekday()) % 7 + 7)
    start = timezone.make_aware(datetime.combine(day, time(9)))
    Booking.objects.create(
        room=room, organiser=person, title="Teamoverleg", start=start, end=start + timedelta(hours=1)
    )
    for number, name in enumerate(("Personeelsinformatiesysteem", "Zaaksysteem Omgevingsvergunningen", "E-mail")):
        app = App.objects.create(name=name, url=f"https://app{number}.example/", icon="link", category="service")
        Pin.objects.create(user=person.user, app=app, position=number)
    urls = [
        "/",
        "/apps/",
        "/prikbord/",
        prikbord_post.get_absolute_url(),
        person.get_absolute_url(),
        "/mensen/",
        news_index.url,
        news.url,
        portal.url,
        service.url,
        team.url,
        "/teams/",
        f"/zalen/?building={building.pk}&date={day.isoformat()}",
        "/zalen/mijn-reserveringen/",
        "/zoeken/?q=prikbord",
        "/sociaal/meldingen/",
    ]
    return {"person": person, "urls": urls}


def _context(browser, live_server, user, viewport):
    # bypass_csp: the test injects the text-spacing style sheet, as an auditor's bookmarklet does.
    context = browser.new_context(viewport=viewport, base_url=live_server.url, locale="nl-NL", bypass_csp=True)
    context.set_default_timeout(15_000)
    context.add_cookies([_session_cookie(user, live_server.url)])
    return context


@pytest.mark.parametrize("viewport", [NARROW, DESKTOP], ids=["320px", "1280px"])
def test_no_sideways_scroll_and_no_clipped_text_on_every_page_type(
    browser, live_server, every_page_type, viewport, assert_accessible
):
    """Every page type at 320 and 1280 px: axe-core clean, no sideways scroll, nothing clipped."""
    context = _context(browser, live_server, every_page_type["person"].user, viewport)
    page = context.new_page()
    problems = []
    try:
        for url in every_page_type["urls"]:
            response = page.goto(url)
            assert response.status == 200, url
            try:
                assert_accessible(page)
            except AssertionError as violations:
                problems.append(str(violations))
            if page.evaluate(SIDEWAYS) > 0:
                problems.append(f"{url} scrolls {page.evaluate(SIDEWAYS)}px sideways: {page.evaluate(CULPRITS)}")
            page.add_style_tag(content=TEXT_SPACING)
            if clipped := page.evaluate(CLIPPED):
                problems.append(f"{url} clips text with WCAG text spacing: {clipped[:5]}")
            if page.evaluate(SIDEWAYS) > 0:
                problems.append(f"{url} scrolls sideways with text spacing: {page.evaluate(CULPRITS)}")
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def _focused(page):
    return page.evaluate(
        "() => { const el = document.activeElement; return el ? (el.id || el.className || el.tagName) : null; }"
    )


def test_keyboard_only_focus_stays_where_it_belongs(new_page, every_page_type):
    from launcher.models import App

    page = new_page(user=every_page_type["person"].user)
    # Moving an app: after the reload focus is on that app's buttons, not at the top of the page.
    app = App.objects.get(name="E-mail")
    page.goto("/apps/")
    page.locator(f"#app-{app.pk} button[value=up]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_function(f"() => document.activeElement.closest('form')?.id === 'app-{app.pk}'")

    # Liking: focus back on the like button.
    page.goto(every_page_type["urls"][7])  # the news page
    page.locator(".like__button").first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert _focused(page).startswith("like-")
    assert page.locator(".like__button").first.get_attribute("aria-pressed") == "true"

    # A form with errors: focus on the error summary.
    page.goto("/prikbord/nieuw/")
    page.locator("main form[method=post] button[type=submit]").last.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "form-errors" in _focused(page)

    # The account menu closes when focus tabs out of it.
    menu = page.locator(".user-menu details")
    menu.locator("summary").focus()
    page.keyboard.press("Enter")
    assert menu.get_attribute("open") is not None
    for _ in range(menu.locator("a, button").count() + 1):
        page.keyboard.press("Tab")
    assert menu.get_attribute("open") is None


def test_the_tour_is_announced_returns_focus_and_its_highlight_contrasts(new_page, every_page_type):
    page = new_page(user=every_page_type["person"].user)
    page.goto("/")
    page.get_by_role("button", name="Rondleiding starten").focus()
    page.keyboard.press("Enter")
    status = page.locator("[data-tour-status]")
    assert status.get_attribute("role") == "status"
    assert "1 / 4" in status.inner_text() and "zoek" in status.inner_text().lower()
    # The highlight's ring against the page behind it: at least 3:1 (WCAG 1.4.11).
    ratio = page.evaluate(
        """() => {
        const lum = c => { const [r, g, b] = c.match(/\\d+/g).slice(0, 3).map(v => { v /= 255;
            return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        const ring = getComputedStyle(document.querySelector(".tour-highlight")).outlineColor;
        const page = getComputedStyle(document.body).backgroundColor;
        const [a, b] = [lum(ring), lum(page)].sort((x, y) => y - x);
        return (a + 0.05) / (b + 0.05);
    }"""
    )
    assert ratio >= 3, ratio
    page.keyboard.press("Escape")
    page.wait_for_selector("#home-welcome", state="hidden")
    assert _focused(page) == "main"


def test_mentions_are_a_combobox_and_the_directory_announces_a_count(new_page, every_page_type):
    PersonFactory(first_name="Bart", last_name="Bos")
    PersonFactory(first_name="Bea", last_name="Bakker")
    page = new_page(user=every_page_type["person"].user)
    page.goto(every_page_type["urls"][7])  # the news page with its comment form
    field = page.locator("textarea[data-mentions]").first
    field.focus()
    page.keyboard.type("Hoi @Ba")
    page.wait_for_selector("[role=listbox] [role=option]")
    assert field.get_attribute("role") == "combobox" and field.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    active = field.get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    status = page.locator("textarea[data-mentions] ~ [role=status]").first
    assert "gevonden" in status.inner_text()
    page.keyboard.press("Enter")
    assert field.input_value().startswith("Hoi ") and "@Ba" not in field.input_value()
    assert field.get_attribute("aria-expanded") == "false"

    page.goto("/mensen/")
    assert page.locator("[data-people-results]").get_attribute("aria-live") is None
    page.locator("[data-people-search] input[name=q]").fill("Bos")
    page.wait_for_function("() => document.querySelector('[data-people-status]').textContent.includes('gevonden')")
    assert page.locator("[data-people-status]").inner_text() == "1 collega gevonden"
