"""/teams/?q=: a filtered list pages over one scan of the matching ids (teams.selectors.filtered_page)."""

import pytest

from teams.models import Kind, TeamPage
from teams.views import TEAMS_PER_PAGE

pytestmark = pytest.mark.django_db

FILTER_MAX_QUERIES = 15


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
