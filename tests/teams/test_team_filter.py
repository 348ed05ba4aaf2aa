"""/teams/?q=: a filtered list pages over the matching ids, cached per filter and visibility class
(teams.selectors.filtered_page): a change to a team or a membership shows at once."""

import pytest

from teams import archiving, services
from teams.models import Kind, TeamPage
from teams.views import TEAMS_PER_PAGE
from tests.conftest import session_queries

pytestmark = pytest.mark.django_db

FILTER_MAX_QUERIES = 15 + session_queries()


def _bulk_teams(make_team, count, prefix="Project"):
    """Open teams whose names all match "project"."""
    for number in range(count):
        make_team(f"{prefix} {number:03d}", Kind.OPEN, description="Samen werken")


@pytest.mark.parametrize("count", [2, TEAMS_PER_PAGE + 6])
def test_filter_query_count_is_fixed(client, make_team, carol, team_index, count, django_assert_max_num_queries):
    _bulk_teams(make_team, count)
    make_team("Koor", Kind.OPEN, description="Zingen")
    client.force_login(carol)
    client.get(team_index.url + "?q=project")
    with django_assert_max_num_queries(FILTER_MAX_QUERIES):
        response = client.get(team_index.url + "?q=project")
    assert response.status_code == 200
    assert response.text.count('class="team-card"') == min(count, TEAMS_PER_PAGE)
    assert "Koor" not in response.text
    with django_assert_max_num_queries(FILTER_MAX_QUERIES):
        assert client.get(team_index.url + "?q=project&page=2").status_code == 200


def test_filter_pages_in_title_order_without_private_teams(client, make_team, bob, carol, team_index):
    _bulk_teams(make_team, TEAMS_PER_PAGE + 2)
    make_team("Project geheim", Kind.PRIVATE, creator=bob, description="Alleen voor leden")
    client.force_login(carol)
    first = client.get(team_index.url + "?q=PROJECT").text
    second = client.get(team_index.url + "?q=project&page=2").text
    assert "Project 000" in first and "Project 023" in first and "Project 024" not in first
    assert "Project 024" in second and "Project 025" in second and "Project 000" not in second
    assert first.index("Project 000") < first.index("Project 001")
    assert "Project geheim" not in first + second
    assert "Pagina 1 van 2" in first
    client.force_login(bob)
    assert "Project geheim" in client.get(team_index.url + "?q=geheim").text


def test_a_new_team_matches_at_once(client, make_team, carol, team_index):
    client.force_login(carol)
    assert "Project nieuw" not in client.get(team_index.url + "?q=nieuw").text
    make_team("Project nieuw", Kind.OPEN)
    assert "Project nieuw" in client.get(team_index.url + "?q=nieuw").text
    assert TeamPage.objects.filter(title="Project nieuw").exists()


def test_a_renamed_team_matches_at_once(client, make_team, alice, carol, team_index):
    team = make_team("Koor", Kind.OPEN, description="Zingen")
    client.force_login(carol)
    assert "Projectkoor" not in client.get(team_index.url + "?q=project").text
    services.update_team(alice, team, title="Projectkoor", description="Zingen", kind=Kind.OPEN)
    assert "Projectkoor" in client.get(team_index.url + "?q=project").text


def test_an_archived_team_leaves_the_filter_and_a_restored_one_returns(client, make_team, moderator, carol, team_index):
    team = make_team("Project oud", Kind.OPEN)
    client.force_login(carol)
    assert "Project oud" in client.get(team_index.url + "?q=project").text
    archiving.archive_team(moderator, team)
    assert "Project oud" not in client.get(team_index.url + "?q=project").text
    archiving.restore_team(moderator, TeamPage.objects.get(pk=team.pk))
    assert "Project oud" in client.get(team_index.url + "?q=project").text


def test_a_private_team_shows_once_one_joins_and_leaves_when_made_private(client, make_team, alice, carol, team_index):
    private = make_team("Project besloten", Kind.PRIVATE, description="Alleen leden")
    public = make_team("Project open", Kind.OPEN)
    client.force_login(carol)
    html = client.get(team_index.url + "?q=project").text
    assert "Project open" in html and "Project besloten" not in html
    services.invite(alice, private, carol)
    services.accept_invite(carol, private)
    assert "Project besloten" in client.get(team_index.url + "?q=project").text
    services.leave(carol, private)
    services.update_team(alice, public, title="Project open", description="", kind=Kind.PRIVATE)
    html = client.get(team_index.url + "?q=project").text
    assert "Project open" not in html and "Project besloten" not in html
