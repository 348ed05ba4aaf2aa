"""Teams and team posts in the one search box: ranking, the archived label, and the no-leak cases
(results, counts and suggestions) for private and closed teams."""

import pytest
from django.utils.translation import gettext

from search import registry, services
from teams import services as teams
from teams.archiving import archive_team
from teams.models import Kind
from tests.conftest import is_postgres

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_providers():
    registry._cache.clear()
    yield
    registry._cache.clear()


def group(outcome, kind):
    return next((g for g in outcome.groups if g.kind == kind), None)


def found(text, user, kind):
    outcome = services.run_search(text, user, kind=kind)
    selected = outcome.selected
    return selected.total, [result.title for result in selected.results]


def suggested(text, user, kind):
    groups = {g.kind: g for g in services.suggest(text, user)[1]}
    return [result.title for result in groups[kind].results] if kind in groups else []


@pytest.fixture
def teams_of_each_kind(make_team, alice, bob):
    open_team = make_team("Fotografie", Kind.OPEN, description="Samen foto's maken in de stad.")
    club = make_team("Fotografieclub", Kind.CLOSED, description="Voor fotografen.")
    private = make_team("Fotografie geheim", Kind.PRIVATE, description="Vertrouwelijk fotografieoverleg.")
    make_team("Ambassadeurs", Kind.OPEN, description="Wij helpen met fotografie op het intranet.")
    teams.create_post(alice, open_team, text="Zaterdag fotowandeling langs de grachten")
    teams.create_post(alice, club, text="Clubavond: grachten in het donker")
    teams.create_post(alice, private, text="Geheime grachten-opdracht")
    return {"open": open_team, "closed": club, "private": private}


def test_fotografie_finds_the_fotografie_team_first(teams_of_each_kind, bob):
    total, titles = found("fotografie", bob, "teams")
    assert titles[0] == "Fotografie"
    assert titles[1] == "Fotografieclub"
    assert "Ambassadeurs" in titles  # through its description, after the names
    assert total == 3


def test_a_non_member_never_finds_a_private_team(teams_of_each_kind, bob, carol, alice, superuser):
    for user in (bob, carol):
        total, titles = found("geheim", user, "teams")
        assert total == 0 and titles == []
        assert "Fotografie geheim" not in found("fotografie", user, "teams")[1]
        assert "Fotografie geheim" not in suggested("fotog", user, "teams")
        # Nor through the generic pages kind: the teams provider claims TeamPage.
        assert found("geheim", user, "pages") == (0, [])
        everything = services.run_search("geheim", user)
        assert everything.total == 0
    assert found("geheim", alice, "teams") == (1, ["Fotografie geheim"])
    assert "Fotografie geheim" in suggested("fotog", alice, "teams")
    assert found("geheim", superuser, "teams")[0] == 1


def test_team_posts_only_where_the_searcher_may_read_the_timeline(teams_of_each_kind, alice, bob):
    total, titles = found("grachten", bob, "posts")
    assert (total, titles) == (1, ["Zaterdag fotowandeling langs de grachten"])
    assert group(services.run_search("grachten", bob), "posts").total == 1
    teams.join(bob, teams_of_each_kind["closed"])  # a request: not a member yet
    assert found("grachten", bob, "posts")[0] == 1
    membership = teams_of_each_kind["closed"].memberships.get(user=bob)
    teams.request_decision(alice, membership, approve=True)
    assert found("grachten", bob, "posts")[0] == 2
    total, titles = found("grachten", alice, "posts")
    assert total == 3 and "Geheime grachten-opdracht" in titles
    assert suggested("grachten", bob, "posts") == []  # posts are for the results page only


def test_archived_teams_are_found_with_a_label_but_not_suggested(teams_of_each_kind, moderator, bob):
    archive_team(moderator, teams_of_each_kind["open"])
    outcome = services.run_search("fotografie", bob, kind="teams")
    results = {result.title: result for result in outcome.selected.results}
    assert gettext("archived") in results["Fotografie"].subtitle
    assert gettext("archived") not in results["Fotografieclub"].subtitle
    assert "Fotografie" not in suggested("fotog", bob, "teams")
    post = found("fotowandeling", bob, "posts")
    assert post[0] == 1


def test_words_match_anywhere_and_synonyms_count(teams_of_each_kind, bob):
    from search.models import Synonym

    assert found("foto stad", bob, "teams")[1] == ["Fotografie"]
    Synonym.objects.create(terms="kiekjes, fotografie")
    from search.query import forget_synonyms

    forget_synonyms()
    assert "Fotografie" in found("kiekjes", bob, "teams")[1]


def test_results_link_to_the_team_and_the_post(teams_of_each_kind, bob):
    outcome = services.run_search("fotowandeling", bob, kind="posts")
    result = outcome.selected.results[0]
    assert result.url.startswith("/teams/fotografie/bericht/")
    assert "Fotografie" in result.subtitle
    team = services.run_search("fotografie", bob, kind="teams").selected.results[0]
    assert team.url == "/teams/fotografie/"


def test_the_search_page_shows_teams_and_hides_private_ones(teams_of_each_kind, client, bob):
    client.force_login(bob)
    html = client.get("/zoeken/", {"q": "fotografie"}).content.decode()
    assert "Fotografieclub" in html
    assert "geheim" not in html.lower()


def test_a_typo_still_finds_the_team_on_postgresql(teams_of_each_kind, bob):
    from tests.conftest import is_postgres

    if not is_postgres():
        pytest.skip("SQLite has no trigram similarity")
    total, titles = found("fotgrafie", bob, "teams")
    assert titles[0] == "Fotografie" and "Fotografie geheim" not in titles
    assert found("ambasadeurs", bob, "teams")[1][:1] == ["Ambassadeurs"]


@pytest.mark.django_db
@pytest.mark.skipif(not is_postgres(), reason="typo likeness needs pg_trgm")
def test_a_typo_finds_a_team_only_when_little_else_is_found(make_team, bob):
    make_team("Hardloopgroep", Kind.OPEN, description="Dinsdag rondje park.")
    make_team("Hardloopgeheim", Kind.PRIVATE, description="Alleen leden.")
    outcome = services.run_search("hardlopgroep", bob)
    teams_group = next(group for group in outcome.groups if group.kind == "teams")
    assert [result.title for result in teams_group.results] == ["Hardloopgroep"]
    assert teams_group.results[0].typo


def test_team_answers_are_cached_per_membership_never_across_it(teams_of_each_kind, alice, bob, carol):
    """Teams and posts are cached per set of private (for posts also closed) teams someone belongs to:
    the same memberships share answers, a member's answer never reaches an outsider, and a new post or
    membership shows at once."""
    from search.registry import get_provider

    team_kind, post_kind = get_provider("teams"), get_provider("posts")
    assert team_kind.visibility_key(bob) == team_kind.visibility_key(carol)
    assert team_kind.visibility_key(alice) != team_kind.visibility_key(bob)
    assert post_kind.visibility_key(alice) != post_kind.visibility_key(bob)

    assert found("grachten", alice, "posts")[0] == 3  # the member asks first and fills the cache
    assert found("geheim", alice, "teams")[0] == 1
    assert found("grachten", bob, "posts")[0] == 1
    assert found("geheim", bob, "teams")[0] == 0

    teams.create_post(alice, teams_of_each_kind["private"], text="Nog een grachten-opdracht")
    assert found("grachten", alice, "posts")[0] == 4
    assert found("grachten", bob, "posts")[0] == 1

    teams.join(bob, teams_of_each_kind["closed"])  # asked to join the closed team: nothing more yet
    assert post_kind.visibility_key(bob) == post_kind.visibility_key(carol)
    membership = teams_of_each_kind["closed"].memberships.get(user=bob)
    teams.request_decision(alice, membership, approve=True)
    assert found("grachten", bob, "posts")[0] == 2
    assert found("grachten", carol, "posts")[0] == 1
    assert team_kind.visibility_key(bob) == team_kind.visibility_key(carol)  # a closed team's page is public
