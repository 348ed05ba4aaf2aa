"""Must-read in a browser: the homepage asks, the employee confirms on the page by keyboard, the block
leaves the homepage; the page with the button and the progress page pass axe-core."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from mustread import services
from news.models import NewsIndexPage, NewsPage
from news.services import EDITORS
from tests.factories import OrganisationUnitFactory, PersonFactory
from tests.news.conftest import publish_under as _publish

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def must_read_site(transactional_db):
    from home.models import HomePage

    home = HomePage.objects.get()
    unit = OrganisationUnitFactory(name="Publiekszaken", slug="publiekszaken")
    reader = PersonFactory(first_name="Sanne", last_name="Boer", user__username="sanne", organisation_unit=unit)
    PersonFactory(first_name="Vera", last_name="Vlot", organisation_unit=unit)
    editor = PersonFactory(first_name="Ingrid", last_name="Linden", user__username="ingrid").user
    editor.groups.add(Group.objects.get(name=EDITORS))
    index = _publish(home, NewsIndexPage(title="Nieuws", slug="nieuws"))
    page = _publish(
        index,
        NewsPage(
            title="Nieuwe integriteitscode",
            slug="nieuwe-integriteitscode",
            intro="Lees de nieuwe code.",
            body=[{"type": "text", "value": "<p>Geschenken boven 50 euro meld je altijd.</p>"}],
        ),
    )
    services.mark(editor, page, units=[unit])
    return {"reader": reader.user, "editor": editor, "page": page}


def test_confirm_a_must_read_and_see_it_leave_the_homepage(new_page, must_read_site, assert_accessible):
    page = new_page(user=must_read_site["reader"])
    page.goto("/")
    block = page.locator('[data-block="mustread.outstanding"]')
    assert block.is_visible()
    block.get_by_role("link", name="Nieuwe integriteitscode").click()
    page.wait_for_url("**/nieuws/nieuwe-integriteitscode/")
    button = page.get_by_role("button", name="Gelezen en begrepen")
    assert button.is_visible()
    assert_accessible(page)
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")  # keyboard only
    expect(page.get_by_text("bevestigd dat je deze pagina hebt gelezen en begrepen", exact=False).first).to_be_visible()
    assert page.get_by_role("button", name="Gelezen en begrepen").count() == 0
    assert_accessible(page)
    page.goto("/")
    assert page.locator('[data-block="mustread.outstanding"]').count() == 0


def test_progress_page_is_accessible(new_page, must_read_site, assert_accessible):
    page = new_page(user=must_read_site["editor"])
    page.goto(f"/verplicht-gelezen/{must_read_site['page'].pk}/voortgang/")
    assert page.get_by_role("table").is_visible()
    assert "Publiekszaken" in page.locator("table").inner_text()
    assert_accessible(page)


def test_at_320_px_nothing_scrolls_sideways(new_page, must_read_site, assert_accessible):
    from tests.e2e.test_a11y_reflow_and_focus import NARROW, SIDEWAYS

    page_id = must_read_site["page"].pk
    for user, url in (
        (must_read_site["reader"], "/"),
        (must_read_site["reader"], must_read_site["page"].url),
        (must_read_site["editor"], f"/verplicht-gelezen/{page_id}/voortgang/"),
    ):
        page = new_page(user=user, viewport=NARROW)
        assert page.goto(url).status == 200
        assert page.evaluate(SIDEWAYS) == 0, url
        assert_accessible(page)
