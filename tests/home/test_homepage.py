import pytest

from home.blocks import arrange
from home.models import HomeBlockSetting, WelcomeDismissal
from intranet.plugins import HomeBlock
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

ALL_BLOCKS = {
    "launcher.apps",
    "people.nudge",
    "news.latest",
    "directregelen.shortcuts",
    "rooms.next",
    "home.new_colleagues",
    "home.header_photo",
    "prikbord.newest",
}


def block_keys(response):
    return [block.key for block in response.context["blocks"]]


# The ceiling is 20 with every block on the page. Wagtail's routing and the frame (session, user,
# site, page, restrictions, settings, bell, the signed-in person shared by avatar and nudge) take 10, the
# homepage itself 3 (visitor + welcome, apps, new colleagues); the other apps' blocks take the rest
# (people 1, news 4, Direct regelen 2, rooms 1): see docs/home.md. It must not grow with the data either,
# which is what this asserts at two sizes.
HOMEPAGE_MAX_QUERIES = 20


@pytest.mark.parametrize("size", [1, 12])
def test_homepage_query_count_is_fixed_with_every_block(
    employee_client, fill_homepage, django_assert_max_num_queries, size
):
    fill_homepage(size)
    employee_client.get("/")  # warm the per-process caches (content types, routes) as a running site has them
    with django_assert_max_num_queries(HOMEPAGE_MAX_QUERIES):
        response = employee_client.get("/")
    assert response.status_code == 200
    assert ALL_BLOCKS <= set(block_keys(response))
    html = response.content.decode()
    assert "App 0" in html and "Bericht 0" in html and "Overleg 0" in html and "Dienst" in html
    assert "Foto: Fenna Fotograaf" in html


@pytest.mark.parametrize("size", [1, 12])
def test_the_homepages_own_blocks_cost_a_fixed_number_of_queries(
    employee_client, fill_homepage, django_assert_num_queries, monkeypatch, size
):
    """Measured against the bare frame: the same request with no blocks at all."""
    import home.blocks

    fill_homepage(size)
    employee_client.get("/")
    monkeypatch.setattr(home.blocks, "_providers", lambda: iter(()))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as bare:
        employee_client.get("/")
    from home import home_blocks as own
    from launcher import home_blocks as apps

    monkeypatch.setattr(home.blocks, "_providers", lambda: iter((own.blocks, apps.blocks)))
    from intranet import caching

    caching.bump("people")  # as after any change to people: the new colleagues are loaded afresh
    with django_assert_num_queries(len(bare) + 2):  # apps and new colleagues; visitor is in the bare frame
        html = employee_client.get("/").content.decode()
    assert "App 0" in html
    with django_assert_num_queries(len(bare)):  # the apps' and the new colleagues' HTML now come from the cache
        cached = employee_client.get("/").content.decode()

    def new_colleagues(page):
        return page.split('data-block="home.new_colleagues"')[1].split("</section>")[0]

    assert new_colleagues(cached) == new_colleagues(html)
    assert "home-people" in new_colleagues(html)
    assert len(bare) <= 14


def test_every_block_has_a_friendly_empty_state(employee_client, home):
    html = employee_client.get("/").content.decode()
    assert "Nog geen apps" in html
    assert "Geen nieuwe collega's deze maand" in html
    assert "Nog geen headerfoto gekozen" in html


def test_new_colleagues_block_shows_recent_starters(employee_client):
    from django.utils import timezone

    PersonFactory(first_name="Noor", last_name="Nieuw", start_date=timezone.localdate())
    PersonFactory(first_name="Oud", last_name="Gediende", start_date=timezone.localdate().replace(year=2010))
    html = employee_client.get("/").content.decode()
    assert "Noor Nieuw" in html
    assert "Oud Gediende" not in html


def test_editors_order_and_hide_blocks(employee_client, home):
    HomeBlockSetting.objects.create(page=home, key="home.header_photo", sort_order=0)
    HomeBlockSetting.objects.create(page=home, key="launcher.apps", sort_order=1)
    HomeBlockSetting.objects.create(page=home, key="home.new_colleagues", sort_order=2, visible=False)
    keys = block_keys(employee_client.get("/"))
    assert keys[:2] == ["home.header_photo", "launcher.apps"]
    assert "home.new_colleagues" not in keys


def test_arrange_keeps_unlisted_blocks_in_their_own_order():
    class Setting:
        def __init__(self, key, visible=True):
            self.key, self.visible = key, visible

    found = [HomeBlock("b", "t", order=2), HomeBlock("a", "t", order=1), HomeBlock("c", "t", order=3)]
    assert [b.key for b in arrange(found, [Setting("c")])] == ["c", "a", "b"]
    assert [b.key for b in arrange(found, [Setting("a", visible=False)])] == ["b", "c"]


def test_block_choices_offer_known_blocks_in_the_admin(admin_client, home):
    response = admin_client.get(f"/admin/pages/{home.pk}/edit/")
    assert response.status_code == 200
    assert "launcher.apps" in response.content.decode()


def test_welcome_shows_until_dismissed_and_stays_dismissed(employee_client, employee):
    html = employee_client.get("/").content.decode()
    assert "Welkom op het intranet" in html
    response = employee_client.post("/start/welkom/sluiten/", {"next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert WelcomeDismissal.objects.filter(user=employee).exists()
    assert "Welkom op het intranet" not in employee_client.get("/").content.decode()
    # A second click (another tab) is harmless; GET changes nothing.
    assert employee_client.post("/start/welkom/sluiten/", HTTP_ACCEPT="application/json").json() == {"dismissed": True}
    assert employee_client.get("/start/welkom/sluiten/").status_code == 405


def test_homepage_has_one_search_box_and_it_sends_to_search(employee_client):
    html = employee_client.get("/").content.decode()
    assert html.count('role="search"') == 1, "the homepage shows one search box, not two"
    hero = html[html.index('class="home-hero') : html.index("</section>")]
    assert 'action="/zoeken/"' in hero and 'id="site-search-q"' in hero
    # Every other page keeps it in the header.
    other = employee_client.get("/prikbord/").content.decode()
    assert other.count('role="search"') >= 1 and 'id="site-search-q"' in other
