"""Issue 15: the header wrapped with a long organisation name and an unread count.

With the longest name the settings allow (60 characters) and a three-digit unread count, the header's
items stay on one row at 1280 px and neither width scrolls sideways.
"""

import pytest

from tests.e2e.conftest import DESKTOP
from tests.factories import PersonFactory

pytestmark = pytest.mark.slow

NARROW = {"width": 320, "height": 640}
LONG_NAME = "Gemeenschappelijke Regeling Omgevingsdienst Midden-Nederland"  # 60 characters
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# The header's visible items (the brand, search, menu button, bell, account menu): how many rows they take.
ROWS = """() => {
    const items = [...document.querySelector(".site-header__inner").children]
        .map(el => el.getBoundingClientRect()).filter(box => box.width > 1 && box.height > 1);
    const rows = [];
    for (const box of items.sort((a, b) => a.top - b.top)) {
        const row = rows.find(r => box.top < r.bottom && box.bottom > r.top);
        if (row) { row.top = Math.min(row.top, box.top); row.bottom = Math.max(row.bottom, box.bottom); }
        else rows.push({top: box.top, bottom: box.bottom});
    }
    return rows.length;
}"""
# Where a wrap comes from: each visible item's class, left, top, width and height.
BOXES = """() => [...document.querySelector(".site-header__inner").children].map(el => {
    const box = el.getBoundingClientRect();
    return `${el.className} ${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}x${Math.round(box.height)}`;
})"""


@pytest.fixture
def long_named_site_and_unread_user():
    from wagtail.models import Site

    from intranet.models import IntranetSettings
    from social.models import Notification

    assert len(LONG_NAME) == 60
    site_settings = IntranetSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.name = LONG_NAME
    site_settings.save()
    person = PersonFactory(first_name="Maximiliaan", last_name="van Oldenbarnevelt-Wijnbergen")
    Notification.objects.bulk_create(
        Notification(recipient=person.user, verb="comment", title=f"Reactie {n}", url="/") for n in range(120)
    )
    return person.user


@pytest.mark.parametrize("viewport", [NARROW, DESKTOP], ids=["320px", "1280px"])
def test_the_header_fits_a_long_organisation_name_and_an_unread_count(
    new_page, long_named_site_and_unread_user, viewport
):
    page = new_page(long_named_site_and_unread_user, viewport=viewport)
    for url in ("/", "/mensen/"):
        assert page.goto(url).status == 200
        assert LONG_NAME in page.locator(".site-header__name").text_content()
        assert "120" in page.locator(".bell__count").text_content()
        assert page.evaluate(SIDEWAYS) == 0, f"{url} scrolls sideways at {viewport['width']} px"
        assert page.evaluate(ROWS) == 1, f"the header of {url} wraps at {viewport['width']} px: {page.evaluate(BOXES)}"
