"""A person's teams on their profile: only teams the viewer may see, in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from teams import services
from teams.archiving import archive_team
from teams.models import Kind

pytestmark = pytest.mark.django_db

PROFILE_MAX_QUERIES = 26  # people's own bound for a profile (tests/people/test_profile.py)


def profile_html(client, viewer, user):
    client.force_login(viewer)
    response = client.get(user.person.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_profile_lists_the_teams_the_viewer_may_see(make_team, client, alice, bob, carol, moderator):
    open_team = make_team("Fotografie", Kind.OPEN)
    closed = make_team("Ambassadeurs", Kind.CLOSED)
    private = make_team("Reorganisatie ICT", Kind.PRIVATE)
    archived = make_team("Koor", Kind.OPEN)
    archive_team(moderator, archived)
    services.invite(alice, private, bob)
    services.accept_invite(bob, private)

    seen_by_carol = profile_html(client, carol, alice)
    assert 'id="profile-teams-title"' in seen_by_carol
    assert open_team.url in seen_by_carol and "Ambassadeurs" in seen_by_carol
    assert "Reorganisatie ICT" not in seen_by_carol  # carol is not in the private team
    assert "Koor" not in seen_by_carol  # archived teams are out of lists
    seen_by_bob = profile_html(client, bob, alice)
    assert "Reorganisatie ICT" in seen_by_bob  # bob is a member too
    assert closed.url in seen_by_bob


def test_no_section_without_teams(client, carol, bob):
    assert 'id="profile-teams-title"' not in profile_html(client, carol, bob)


def test_admin_badge(make_team, client, alice, bob):
    team = make_team("Fotografie")
    services.join(bob, team)
    html = profile_html(client, bob, alice)
    assert html.count("profile__teams") == 1
    section = html.split('id="profile-teams-title"')[1].split("</section>")[0]
    assert "Fotografie" in section and "badge" in section
    assert "badge" not in profile_html(client, alice, bob).split('id="profile-teams-title"')[1].split("</section>")[0]


@pytest.mark.parametrize("size", [1, 12])
def test_profile_query_count_is_fixed_whatever_the_number_of_teams(
    make_team, client, alice, carol, size, django_assert_max_num_queries
):
    for number in range(size):
        kind = (Kind.OPEN, Kind.CLOSED, Kind.PRIVATE)[number % 3]
        make_team(f"Team {number}", kind)
    client.force_login(carol)
    url = alice.person.get_absolute_url()
    client.get(url)  # warm the per-process caches, as on a running site
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    assert "Team 0" in html
    with django_assert_max_num_queries(PROFILE_MAX_QUERIES):
        client.get(url)
    # The bell's unread count checks post visibility in a subquery on teams' tables: not a profile query.
    teams_queries = [
        q for q in queries.captured_queries if "teams_" in q["sql"] and "social_notification" not in q["sql"]
    ]
    assert len(teams_queries) == 1, teams_queries
