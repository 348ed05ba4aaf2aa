"""The homepage block "Activity in my teams": latest posts of my teams, my teams, the empty state, and a
fixed query count (also for the whole homepage)."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from intranet.plugins import HomeBlock
from teams import home_blocks, services
from teams.archiving import archive_team
from teams.models import Kind

pytestmark = pytest.mark.django_db


def block_for(user):
    request = RequestFactory().get("/")
    request.user = user
    cache.clear()
    found = home_blocks.blocks(request)
    assert len(found) == 1 and isinstance(found[0], HomeBlock) and found[0].key == "teams.activity"
    return found[0]


def test_latest_posts_of_my_teams_with_team_author_and_time(make_team, alice, bob, carol, moderator):
    photo = make_team("Fotografie", Kind.OPEN)
    private = make_team("Reorganisatie", Kind.PRIVATE)
    other = make_team("Koor", Kind.OPEN)
    gone = make_team("Schaken", Kind.OPEN)
    services.join(bob, photo)
    services.invite(alice, private, bob)
    services.accept_invite(bob, private)
    services.join(bob, gone)
    services.create_post(alice, photo, text="Fotowandeling zaterdag")
    services.create_post(alice, private, text="Vertrouwelijk overleg om 10 uur")
    services.create_post(alice, other, text="Repetitie gaat niet door")
    services.create_post(alice, gone, text="Schaakavond")
    archive_team(moderator, gone)

    block = block_for(bob)
    texts = [post["text"] for post in block.context["posts"]]
    assert texts == ["Vertrouwelijk overleg om 10 uur", "Fotowandeling zaterdag"]  # newest first
    first = block.context["posts"][0]
    assert first["team"]["title"] == "Reorganisatie" and first["author"] == "Alice Admiraal"
    assert first["url"].startswith(f"/teams/{private.slug}/bericht/") and private.slug.startswith("reorganisatie-")
    assert [team["title"] for team in block.context["teams"]] == ["Reorganisatie", "Fotografie"]
    # Someone outside the private team never gets its post, nor the team.
    services.join(carol, photo)
    carol_block = block_for(carol)
    assert [p["text"] for p in carol_block.context["posts"]] == ["Fotowandeling zaterdag"]
    assert [team["title"] for team in carol_block.context["teams"]] == ["Fotografie"]


def test_empty_state_links_to_the_teams(client, carol):
    client.force_login(carol)
    html = client.get("/").content.decode()
    section = html.split('id="teams-home-title"')[1].split("</section>")[0]
    assert 'href="/teams/"' in section
    assert "<ul" not in section


def test_the_block_on_the_homepage(make_team, client, alice):
    team = make_team("Fotografie")
    services.create_post(alice, team, text="Fotowandeling <b>zaterdag</b>")
    client.force_login(alice)
    html = client.get("/").content.decode()
    section = html.split('id="teams-home-title"')[1].split("</section>")[0]
    assert "Fotowandeling &lt;b&gt;zaterdag&lt;/b&gt;" in section  # user text is escaped
    assert 'href="/teams/fotografie/"' in section and "Alice Admiraal" in section


@pytest.mark.parametrize("size", [1, 12])
def test_block_query_count_is_fixed(
    make_team, alice, bob, size, django_assert_num_queries, django_assert_max_num_queries
):
    for number in range(size):
        team = make_team(f"Team {number}", (Kind.OPEN, Kind.CLOSED, Kind.PRIVATE)[number % 3])
        for post in range(3):
            services.create_post(alice, team, text=f"Bericht {number}.{post}")
    request = RequestFactory().get("/")
    request.user = alice
    cache.clear()
    # Cold: the block's data, and the /teams/ page's address (site root paths, page; then cached).
    with django_assert_max_num_queries(3):
        home_blocks.blocks(request)
    cache.delete(home_blocks.cache_key(alice))
    with django_assert_num_queries(1):
        block = home_blocks.blocks(request)[0]
    assert len(block.context["teams"]) == min(size, home_blocks.TEAMS_SHOWN)
    assert block.context["more"] == max(0, size - home_blocks.TEAMS_SHOWN)
    with django_assert_num_queries(0):  # a warm homepage pays nothing for the block
        home_blocks.blocks(request)


from tests.home.conftest import _forget_cached_blocks, fill_homepage  # noqa: E402,F401 (fixtures)


@pytest.mark.parametrize("size", [1, 12])
def test_the_teams_block_adds_nothing_to_a_warm_homepage_and_one_query_when_cold(
    employee_client,
    employee,
    fill_homepage,  # noqa: F811 (the fixture imported above)
    make_team,
    alice,
    size,
    monkeypatch,
):
    """The whole homepage's ceiling (20) is asserted in tests/home/test_homepage.py with every block,
    this one included: here the block's own share, measured against the same page without it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    import home.blocks

    fill_homepage(size)
    for number in range(size):
        team = make_team(f"Team {number}", (Kind.OPEN, Kind.CLOSED, Kind.PRIVATE)[number % 3])
        if team.kind == Kind.PRIVATE:
            services.invite(alice, team, employee)
            services.accept_invite(employee, team)
        else:
            services.join(employee, team)
        services.create_post(alice, team, text=f"Teambericht {number}")

    def count():
        with CaptureQueriesContext(connection) as queries:
            html = employee_client.get("/").content.decode()
        return len([q for q in queries.captured_queries if "SAVEPOINT" not in q["sql"]]), html

    employee_client.get("/")  # warm, as a running site is
    with_block, html = count()
    assert 'id="teams-home-title"' in html and f"Teambericht {size - 1}" in html
    cache.delete(home_blocks.cache_key(employee))
    cold, _html = count()
    everything = list(home.blocks._providers())
    monkeypatch.setattr(home.blocks, "_providers", lambda: iter(p for p in everything if p is not home_blocks.blocks))
    without_block, html = count()
    assert 'id="teams-home-title"' not in html
    assert with_block == without_block
    assert cold == without_block + 1


def test_archiving_shows_at_once_despite_the_cache(make_team, alice, moderator):
    team = make_team("Fotografie")
    services.create_post(alice, team, text="Fotowandeling zaterdag")
    request = RequestFactory().get("/")
    request.user = alice
    assert [t["title"] for t in home_blocks.blocks(request)[0].context["teams"]] == ["Fotografie"]
    archive_team(moderator, team)
    assert home_blocks.blocks(request)[0].context["teams"] == []
